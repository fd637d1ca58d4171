import os from 'node:os';
import { parseArgs } from 'node:util';
import { openCore } from '../core/core';
import { CoreError } from '../core/errors';
import { createFileLogger } from '../core/log';
import { defaultDataDir, logDir } from '../core/paths';
import { buildIfNeeded, staticDir } from './build';
import { startWebHost } from './server';

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
    core = openCore({ dataDir, actor: `web:${os.userInfo().username}`, log, create: true, dailyBackup: true });
  } catch (error) {
    console.error(error instanceof CoreError ? `Lỗi [${error.code}]: ${error.message}` : error);
    process.exit(1);
  }
  const host = await startWebHost({ core, staticDir, port, log });
  console.log(`Sổ vốn MTQG đang chạy tại ${host.url}  (dữ liệu: ${dataDir})`);
  const stop = () => void host.close().then(() => { core.close(); process.exit(0); });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
