/**
 * `npm run web` as a person runs it: stopped with SIGTERM to the npm process or with Ctrl+C, it leaves no server
 * listening; a port in use gets a Vietnamese message (asked for) or the next free port (the default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listenOnFreePort, PortBusyError } from '../../../electron/web-host/process-life';
import { startWebHost, TOKEN_PLACEHOLDER, type WebHost } from '../../../electron/web-host/server';
import { tempDir, testCore } from '../../support/helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const started: ChildProcess[] = [];
const servers: (net.Server | WebHost)[] = [];

afterEach(async () => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const s of servers.splice(0)) await new Promise<void>((done) => ('url' in s ? void s.close().then(done) : s.close(() => done())));
});

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

async function occupy(port: number): Promise<net.Server> {
  const server = net.createServer();
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  servers.push(server);
  return server;
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

/** Spawns `npm run web` in its own process group and waits for it to say where it runs. */
async function npmRunWeb(port: number): Promise<{ npm: ChildProcess; output: () => string }> {
  const npm = spawn('npm', ['run', 'web', '--', '--data', tempDir(), '--port', String(port)], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(npm);
  let output = '';
  npm.stdout!.on('data', (c) => (output += String(c)));
  npm.stderr!.on('data', (c) => (output += String(c)));
  expect(await until(async () => output.includes('đang chạy tại'), 150_000), output).toBe(true);
  expect(await listening(port)).toBe(true);
  return { npm, output: () => output };
}

describe('npm run web as a process', () => {
  it('SIGTERM to the npm process stops the server too: the port is free again', async () => {
    const port = await freePort();
    const { npm, output } = await npmRunWeb(port);
    process.kill(npm.pid!, 'SIGTERM');
    expect(await until(async () => !(await listening(port)), 10_000), output()).toBe(true);
  }, 200_000);

  it('Ctrl+C (SIGINT to the terminal\'s process group) stops it cleanly', async () => {
    const port = await freePort();
    const { npm, output } = await npmRunWeb(port);
    process.kill(-npm.pid!, 'SIGINT');
    expect(await until(async () => !(await listening(port)), 10_000), output()).toBe(true);
  }, 200_000);

  it('a port asked for and in use: one Vietnamese line, exit 1, no stack trace', async () => {
    const port = await freePort();
    await occupy(port);
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts', '--data', tempDir(), '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    let err = '';
    child.stderr!.on('data', (c) => (err += String(c)));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(err).toContain(`Cổng ${port} đang được một chương trình khác dùng`);
    expect(err).toContain(`npm run web -- --port ${port + 1}`);
    expect(err).not.toMatch(/EADDRINUSE|\n\s+at /);
  }, 200_000);
});

describe('the port the web host takes', () => {
  const staticDir = () => {
    const dir = tempDir('sovon-static-');
    fs.writeFileSync(path.join(dir, 'index.html'), `<meta name="sovon-token" content="${TOKEN_PLACEHOLDER}">`);
    return dir;
  };

  it('the default port busy: the next free one, said on screen', async () => {
    const port = await freePort();
    await occupy(port);
    const core = testCore({ district: '180' });
    const dir = staticDir();
    const { host, note } = await listenOnFreePort((p) => startWebHost({ core, staticDir: dir, port: p }), port, { explicit: false });
    servers.push(host);
    expect(host.url).not.toBe(`http://127.0.0.1:${port}/`);
    expect(note).toBe(`Cổng ${port} đang bận (có thể Sổ vốn MTQG đang chạy ở một cửa sổ khác); dùng cổng ${new URL(host.url).port}.`);
  });

  it('a port asked for with --port and busy is not replaced by another', async () => {
    const port = await freePort();
    await occupy(port);
    const core = testCore({ district: '180' });
    const dir = staticDir();
    await expect(listenOnFreePort((p) => startWebHost({ core, staticDir: dir, port: p }), port, { explicit: true })).rejects.toBeInstanceOf(PortBusyError);
  });
});
