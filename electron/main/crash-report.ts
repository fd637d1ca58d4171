/**
 * What the main process does with an error nothing caught (uncaughtException, unhandledRejection): the stack goes
 * to the rotating log file, the officer sees a short Vietnamese dialog saying what to do and where the log is.
 * Pure (the dialog is passed in) so it is unit-tested without Electron.
 */
import type { Logger } from '../core';

export type MainErrorKind = 'uncaughtException' | 'unhandledRejection';

const KIND_TEXT: Record<MainErrorKind, string> = {
  uncaughtException: 'Lỗi chưa được xử lý trong tiến trình chính (uncaughtException)',
  unhandledRejection: 'Promise bị từ chối mà không được xử lý trong tiến trình chính (unhandledRejection)',
};

function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  let text: string;
  try {
    text = typeof reason === 'string' ? reason : (JSON.stringify(reason) ?? String(reason));
  } catch {
    text = String(reason);
  }
  return new Error(text);
}

/** The dialog's title and text: what happened (one line), that saved data is safe, what to do, where the log is. */
export function mainErrorDialog(reason: unknown, logFolder: string): { title: string; content: string } {
  const summary = asError(reason).message.split('\n')[0]!.slice(0, 200);
  return {
    title: 'Sổ vốn MTQG — đã xảy ra lỗi',
    content: [
      'Đã xảy ra lỗi không mong muốn trong ứng dụng.',
      'Dữ liệu đã ghi vẫn an toàn: mỗi thao tác hoặc được ghi trọn vẹn, hoặc không ghi gì.',
      'Hãy đóng rồi mở lại Sổ vốn MTQG và làm lại thao tác vừa rồi. Nếu lỗi lặp lại, gửi tệp nhật ký so-von.log cho người hỗ trợ kỹ thuật; tệp nằm trong thư mục:',
      logFolder,
      '',
      `Chi tiết kỹ thuật: ${summary}`,
    ].join('\n'),
  };
}

export interface MainErrorReporterOptions {
  log: Logger;
  showErrorBox: (title: string, content: string) => void;
  logFolder: string;
  /** Milliseconds; the dialog is shown at most once in this interval (an error in a loop must not bury the officer). */
  quietMs?: number;
  now?: () => number;
}

/** Returns the handler for process.on('uncaughtException' | 'unhandledRejection'); it answers whether a dialog was shown. */
export function createMainErrorReporter(options: MainErrorReporterOptions): (kind: MainErrorKind, reason: unknown) => boolean {
  const quietMs = options.quietMs ?? 10_000;
  const now = options.now ?? Date.now;
  let lastShown = Number.NEGATIVE_INFINITY;
  return (kind, reason) => {
    options.log.error(KIND_TEXT[kind], asError(reason));
    const at = now();
    if (at - lastShown < quietMs) return false;
    lastShown = at;
    const { title, content } = mainErrorDialog(reason, options.logFolder);
    try {
      options.showErrorBox(title, content);
    } catch (error) {
      options.log.error('Không hiện được hộp thoại lỗi', error);
    }
    return true;
  };
}
