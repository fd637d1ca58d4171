/**
 * The renderer's error net: uncaught errors, unhandled promise rejections and render errors caught by the error
 * boundaries all end in one Vietnamese dialog that says what to do, copies the technical details for support
 * ("Sao chép chi tiết") and reloads the app ("Tải lại"). The details are never shown on screen.
 */
import { Component, useState, useSyncExternalStore, type ErrorInfo, type ReactNode } from 'react';
import { version as APP_VERSION } from '../../package.json';
import { describeThrown, formatCrashDetails, isBenignError, type CrashKind, type CrashReport } from './crash-details';
import { api } from '../api/client';
import { SCREENS } from './screens';

let reports: CrashReport[] = [];
let dismissed = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function reportCrash(kind: CrashKind, thrown: unknown, componentStack: string | null = null): void {
  const { message, stack } = describeThrown(thrown);
  if (isBenignError(message)) return;
  reports = [...reports, { kind, message, stack, componentStack, at: new Date().toISOString(), screen: window.location.hash }].slice(-20);
  emit();
  // Also to the log file of the data folder (the core writes it), so support sees it without the officer's copy.
  void api.invoke('app.logError', { kind, message: message.slice(0, 2000), stack: [stack, componentStack].filter(Boolean).join('\n').slice(0, 8000) || undefined, screen: window.location.hash.slice(0, 300) });
}

/** Listens for what nothing else caught; call once, before rendering. */
export function installErrorNet(target: Window = window): void {
  target.addEventListener('error', (event: ErrorEvent) => {
    // Failed resource loads are not ErrorEvents of the window; a script error is.
    if (!(event instanceof ErrorEvent)) return;
    reportCrash('error', event.error ?? event.message);
  });
  target.addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => reportCrash('unhandledrejection', event.reason));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const snapshot = () => reports;

function screenLabel(hash: string): string | null {
  const first = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return SCREENS.find((s) => s.path === first)?.label ?? (first === 'in' ? 'Xem trước bản in' : null);
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The desktop shell may refuse the clipboard permission; the older copy command needs none.
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** The dialog, shown while there are reports not yet dismissed; rendered once beside the app. */
export function ErrorDialogHost() {
  const all = useSyncExternalStore(subscribe, snapshot);
  const [copy, setCopy] = useState<'idle' | 'done' | 'failed'>('idle');
  const open = all.length > dismissed;
  if (!open) return null;
  const pending = all.slice(dismissed);
  const details = formatCrashDetails(pending, { appVersion: APP_VERSION, userAgent: navigator.userAgent, screenLabel: screenLabel(pending[0]!.screen) });
  const onCopy = async () => setCopy((await copyText(details)) ? 'done' : 'failed');
  const onClose = () => {
    dismissed = all.length;
    setCopy('idle');
    emit();
  };
  return (
    <div className="dialog-backdrop error-net" role="presentation">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-labelledby="error-net-title" aria-describedby="error-net-text">
        <h2 id="error-net-title">Đã xảy ra lỗi</h2>
        <div id="error-net-text">
          <p>
            Đã xảy ra lỗi không mong muốn trong giao diện{pending.length > 1 ? ` (${pending.length} lỗi)` : ''}. Những gì đã ghi trước đó vẫn an toàn: mỗi thao tác
            hoặc được ghi trọn vẹn, hoặc không ghi gì.
          </p>
          <p>
            Hãy bấm <strong>Tải lại</strong> để mở lại ứng dụng rồi làm lại thao tác vừa rồi. Nếu lỗi lặp lại, bấm <strong>Sao chép chi tiết</strong> và dán
            (Ctrl+V) vào thư hoặc tin nhắn gửi người hỗ trợ kỹ thuật, kèm mô tả việc đang làm.
          </p>
        </div>
        {copy === 'done' ? (
          <div className="hint-banner" role="status">
            Đã sao chép chi tiết lỗi vào bộ nhớ tạm.
          </div>
        ) : null}
        {copy === 'failed' ? (
          <>
            <div className="error-banner">Không sao chép được vào bộ nhớ tạm; hãy chọn toàn bộ nội dung dưới đây (Ctrl+A) rồi sao chép (Ctrl+C).</div>
            <textarea aria-label="Chi tiết lỗi" readOnly rows={8} value={details} />
          </>
        ) : null}
        <div className="actions">
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Tải lại
          </button>
          <button type="button" onClick={() => void onCopy()}>
            Sao chép chi tiết
          </button>
          <button type="button" onClick={onClose}>
            Đóng
          </button>
        </div>
      </div>
    </div>
  );
}

/** Catches render errors of what it wraps, reports them to the dialog and shows a short note in its place. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportCrash('render', error, info.componentStack ?? null);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="error-banner" role="alert">
        Màn hình này gặp lỗi nên không hiển thị được. Hãy chọn màn hình khác ở thanh bên trái, hoặc bấm “Tải lại” trong hộp thoại lỗi.
      </div>
    );
  }
}
