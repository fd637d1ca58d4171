import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../core/core';
import { CoreError } from '../core/errors';
import { createFileLogger } from '../core/log';
import { defaultDataDir, defaultResourcesDir, logDir } from '../core/paths';
import { startWebHost } from './server';

const projectRoot = path.resolve(defaultResourcesDir(), '..');
const staticDir = path.join(projectRoot, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when there is no build or its sources (renderer/, shared/) are newer than it. */
function buildIfNeeded(): void {
  const index = path.join(staticDir, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime(path.join(projectRoot, 'renderer')), newestMtime(path.join(projectRoot, 'shared')));
  if (builtAt >= sourcesAt) return;
  console.log('Đang dựng giao diện (vite build)…');
  const result = spawnSync('npx', ['vite', 'build'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build thất bại');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } } });
  const port = values.port === undefined ? 5317 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port phải là số cổng 0–65535, không phải "${values.port}".`);
    process.exit(2);
  }
  buildIfNeeded();
  const dataDir = values.data ?? defaultDataDir(process.env, process.platform, os.homedir());
  const log = createFileLogger(logDir(dataDir));
  let core;
  try {
    core = openCore({ dataDir, actor: `web:${os.userInfo().username}`, log, create: true });
  } catch (error) {
    console.error(error instanceof CoreError ? `Lỗi [${error.code}]: ${error.message}` : error);
    process.exit(1);
  }
  const host = await startWebHost({ core, staticDir, port });
  console.log(`Sổ vốn MTQG đang chạy tại ${host.url}  (dữ liệu: ${dataDir})`);
  const stop = () => void host.close().then(() => { core.close(); process.exit(0); });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
