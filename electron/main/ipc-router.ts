import { API_PROGRESS_CHANNEL } from '../../shared/api/channels';
import type { JobEvent } from '../../shared/api/jobs';
import type { Result } from '../../shared/api/result';
import { err } from '../../shared/api/result';

/**
 * Only the app's own page may call the API: a file:// URL inside the built renderer folder.
 * Anything else (a navigated-away frame, a remote page, a devtools extension) is refused.
 */
export function isTrustedSender(senderUrl: string | undefined, rendererIndexUrl: string): boolean {
  if (!senderUrl) return false;
  try {
    const sender = new URL(senderUrl);
    const app = new URL(rendererIndexUrl);
    return sender.protocol === 'file:' && app.protocol === 'file:' && sender.pathname === app.pathname;
  } catch {
    return false;
  }
}

export type InvokeUnknown = (name: unknown, input: unknown) => Result<unknown> | Promise<Result<unknown>>;

const INTERNAL_MESSAGE = 'Đã xảy ra lỗi nội bộ khi xử lý yêu cầu; thao tác không được ghi. Chi tiết đã được ghi vào tệp nhật ký.';

/**
 * The IPC handler body: sender check, then the core's dispatcher (which validates name and input). It always
 * answers with a Result: whatever the renderer sends, nothing it sends throws in the main process or rejects.
 */
export function createIpcRouter(invoke: InvokeUnknown, rendererIndexUrl: string, onError: (error: unknown) => void = () => {}) {
  const failed = (error: unknown): Result<unknown> => {
    onError(error);
    return err('INTERNAL', INTERNAL_MESSAGE);
  };
  return async (senderUrl: unknown, name: unknown, input: unknown): Promise<Result<unknown>> => {
    try {
      if (typeof senderUrl !== 'string' || !isTrustedSender(senderUrl, rendererIndexUrl)) {
        return err('FORBIDDEN', 'Yêu cầu không đến từ cửa sổ của ứng dụng nên bị từ chối.', { sender: typeof senderUrl === 'string' ? senderUrl.slice(0, 200) : null });
      }
      return await invoke(name, input);
    } catch (error) {
      return failed(error);
    }
  };
}

/** A file name from the renderer, reduced to what Windows accepts (no path, no reserved characters). */
export function safeFileName(suggested: unknown): string {
  const base = typeof suggested === 'string' ? suggested.split(/[\\/]/).pop()! : '';
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 32 && !'<>:"|?*'.includes(ch))
    .join('')
    .trim()
    .slice(0, 120);
  return cleaned.toLowerCase().endsWith('.pdf') ? cleaned : `${cleaned || 'phu-luc'}.pdf`;
}

/** Navigation is never allowed: the app is a single page loaded from disk. */
export function isNavigationAllowed(_targetUrl: string): boolean {
  return false;
}

/** The only permission the app's page may have: writing text to the clipboard ("Sao chép chi tiết" of an error). */
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** Permission requests and checks: everything is denied except what the app's own page needs. */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined, rendererIndexUrl: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isTrustedSender(requestingUrl, rendererIndexUrl);
}

/** The part of a window's webContents the progress forwarder uses (Electron's, or a test's). */
export interface ProgressTarget {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, event: JobEvent): void;
}

/**
 * Pushes the core's job events to the app's page on the progress channel, and to nothing else: not to a page that
 * navigated away, not to a closed window (the subscription then ends). Returns the unsubscribe.
 */
export function forwardJobEvents(subscribe: (listener: (event: JobEvent) => void) => () => void, target: ProgressTarget, rendererIndexUrl: string): () => void {
  const unsubscribe = subscribe((event) => {
    if (target.isDestroyed()) return unsubscribe();
    if (isTrustedSender(target.getURL(), rendererIndexUrl)) target.send(API_PROGRESS_CHANNEL, event);
  });
  return unsubscribe;
}
