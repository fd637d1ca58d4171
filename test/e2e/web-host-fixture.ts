import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base } from '@playwright/test';

export interface WebHostHandle {
  url: string;
  dataDir: string;
  restart(): Promise<void>;
}

/** Starts the real web host (real core, real SQLite file in a temp folder) and stops it after the test. */
async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/web-host/main.ts', '--data', dataDir, '--port', '0'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const test = base.extend<{ webHost: WebHostHandle }>({
  // Playwright fixtures name their dependencies by destructuring; this one has none.
  // eslint-disable-next-line no-empty-pattern
  webHost: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-e2e-'));
    let running = await startHost(dataDir);
    const handle: WebHostHandle = {
      get url() {
        return running.url;
      },
      dataDir,
      async restart() {
        await stop(running.child);
        running = await startHost(dataDir);
      },
    };
    await use(handle);
    await stop(running.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
