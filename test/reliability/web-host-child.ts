/**
 * A web host in a process of its own over a data folder (argv[2]) and a one-page static folder (argv[3]): what the
 * reliability tests attack and kill. Prints one JSON line {url, token} when it listens; logs to the data folder.
 */
import { openCore } from '../../electron/core/core';
import { createFileLogger } from '../../electron/core/log';
import { logDir } from '../../electron/core/paths';
import { startWebHost } from '../../electron/web-host/server';

const [dataDir, staticDir] = process.argv.slice(2) as [string, string];
const log = createFileLogger(logDir(dataDir));
const core = openCore({ dataDir, actor: 'web:test', log, create: true });
const host = await startWebHost({ core, staticDir, port: 0, log });
process.stdout.write(`${JSON.stringify({ url: host.url, token: host.token })}\n`);
const stop = () => void host.close().then(() => { core.close(); process.exit(0); });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
