import os from 'node:os';
import { parseArgs } from 'node:util';
import { openCore, CoreError, createFileLogger, defaultDataDir, logDir } from '../core';
import { buildIfNeeded, staticDir } from './build';
import { listenOnFreePort, PortBusyError, stopWithParent } from './process-life';
import { startWebHost } from './server';

const DEFAULT_PORT = 5317;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string' } } });
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
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
  let started;
  try {
    started = await listenOnFreePort((p) => startWebHost({ core, staticDir, port: p, log }), port, { explicit: values.port !== undefined });
  } catch (error) {
    core.close();
    if (error instanceof PortBusyError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const { host, note } = started;
  if (note) console.log(note);
  console.log(`Sổ vốn MTQG đang chạy tại ${host.url}  (dữ liệu: ${dataDir}). Bấm Ctrl+C để dừng.`);
  stopWithParent((reason) => {
    if (reason === 'parent-exited') log.info('Tiến trình khởi động (npm) đã dừng; máy chủ web dừng theo.');
    // A connection that will not close must not keep the port: give up waiting after a few seconds.
    setTimeout(() => process.exit(0), 5000).unref();
    void host.close().then(() => {
      core.close();
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  console.error(`Không khởi động được máy chủ web: ${(error as Error).message}`);
  process.exit(1);
});
