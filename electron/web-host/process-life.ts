/**
 * How the web host lives as a process: the port it takes (the next free one when the default is busy, said
 * on screen; a Vietnamese message when the port asked for is busy) and how it stops (Ctrl+C, SIGTERM, or the
 * process that started it going away — `npm run web` stopped with SIGTERM kills only its shell, which would
 * leave the server listening with nobody to stop it).
 */
import type { WebHost } from './server';

export class PortBusyError extends Error {}

const isAddressInUse = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'EADDRINUSE';

/**
 * Starts the host on `port`; when that port is busy and it was the default (not asked for with --port), tries
 * the next ones and says which was taken. A busy port asked for is a PortBusyError with the message to show.
 */
export async function listenOnFreePort(
  start: (port: number) => Promise<WebHost>,
  port: number,
  options: { explicit: boolean; tries?: number },
): Promise<{ host: WebHost; note: string | null }> {
  const tries = options.explicit ? 1 : (options.tries ?? 20);
  for (let i = 0; i < tries; i++) {
    try {
      const host = await start(port + i);
      return { host, note: i === 0 ? null : `Cổng ${port} đang bận (có thể Sổ vốn MTQG đang chạy ở một cửa sổ khác); dùng cổng ${port + i}.` };
    } catch (error) {
      if (!isAddressInUse(error)) throw error;
    }
  }
  throw new PortBusyError(
    options.explicit
      ? `Cổng ${port} đang được một chương trình khác dùng (có thể Sổ vốn MTQG đang chạy ở một cửa sổ khác). Đóng chương trình đó, hoặc chọn cổng khác: npm run web -- --port ${port + 1}`
      : `Các cổng ${port}–${port + tries - 1} đều đang bận. Chọn một cổng còn trống: npm run web -- --port <số cổng>`,
  );
}

/**
 * Calls `stop` once on SIGINT, SIGTERM, SIGHUP or when the parent process goes away (its id changes: the
 * process was re-parented). Returns a function that removes the watchers.
 */
export function stopWithParent(stop: (reason: string) => void, options: { pollMs?: number; parentPid?: number } = {}): () => void {
  const parent = options.parentPid ?? process.ppid;
  let stopped = false;
  const once = (reason: string) => {
    if (stopped) return;
    stopped = true;
    stop(reason);
  };
  const onSignal = (signal: NodeJS.Signals) => once(signal);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  const timer = setInterval(() => {
    if (process.ppid !== parent) once('parent-exited');
  }, options.pollMs ?? 500);
  timer.unref();
  return () => {
    clearInterval(timer);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, onSignal);
  };
}
