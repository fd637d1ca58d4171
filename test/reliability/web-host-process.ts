/** Starts test/reliability/web-host-child.ts as a real process and talks to it over HTTP (127.0.0.1 only). */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { TOKEN_PLACEHOLDER } from '../../electron/web-host/server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(ROOT, 'test/reliability/web-host-child.ts');

export interface WebHostProcess {
  url: string;
  port: number;
  token: string;
  child: ChildProcess;
  /** What the process wrote to stderr (an uncaught exception's stack, when it died). */
  stderr(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function spawnWebHost(dataDir: string): Promise<WebHostProcess> {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-static-'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), `<!doctype html><meta name="sovon-token" content="${TOKEN_PLACEHOLDER}"><p>Sổ vốn</p>`);
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, staticDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const first = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    child.once('exit', (code) => reject(new Error(`web host exited (${code}) before listening: ${err}`)));
  });
  const { url, token } = JSON.parse(first) as { url: string; token: string };
  return {
    url,
    token,
    port: Number(new URL(url).port),
    child,
    stderr: () => err,
    alive: () => !exited,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await exit;
      fs.rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

export interface Answer {
  status: number;
  body: string;
}

/** One request with Node's client (well-formed HTTP, any path bytes Node lets through). */
export function request(port: number, options: { method?: string; path?: string; headers?: Record<string, string | Buffer>; body?: string | Buffer } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: options.path ?? '/', method: options.method ?? 'GET', headers: options.headers as http.OutgoingHttpHeaders }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Raw bytes on a socket (a request line or headers Node's client would refuse to send); the status of the answer. */
export function rawRequest(port: number, bytes: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ status: status ? Number(status[1]) : 0, body: text });
    });
    socket.setTimeout(5000, () => socket.destroy());
    socket.end(bytes);
  });
}

/** A token header of 48 bytes 0xE9: as many characters as the real token but twice its bytes in UTF-8. */
export const LATIN1_TOKEN = Buffer.alloc(48, 0xe9).toString('latin1');

/** Calls a command of the host's API with its token. */
export async function invokeHost(h: WebHostProcess, command: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const answer = await request(h.port, { method: 'POST', path: '/api/invoke', headers: { Host: `127.0.0.1:${h.port}`, 'X-Sovon-Token': h.token }, body: JSON.stringify({ command, input }) });
  return JSON.parse(answer.body) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** The CLI as a real process (node + tsx, as the bin does); its exit code and output. */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'electron/cli/main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}
