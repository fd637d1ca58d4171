/**
 * What the error dialog copies for support: plain text with the message, stack, time, app version and screen.
 * Pure (no DOM) so it is unit-tested under Node.
 */

export type CrashKind = 'error' | 'unhandledrejection' | 'render';

export interface CrashReport {
  kind: CrashKind;
  message: string;
  stack: string | null;
  /** React's component stack, for errors caught by an error boundary. */
  componentStack: string | null;
  /** ISO time. */
  at: string;
  /** "#/cai-dat" … */
  screen: string;
}

export interface CrashEnvironment {
  appVersion: string;
  userAgent: string;
  /** Vietnamese name of the screen for a route ("Cài đặt & sao lưu"), when known. */
  screenLabel: string | null;
}

const KIND_LABELS: Record<CrashKind, string> = {
  error: 'Lỗi chưa được xử lý (window.onerror)',
  unhandledrejection: 'Promise bị từ chối mà không được xử lý (unhandledrejection)',
  render: 'Lỗi khi hiển thị màn hình (React error boundary)',
};

/** Chromium reports these through window.onerror although nothing failed (a layout pass was deferred). */
export function isBenignError(message: string): boolean {
  return /^ResizeObserver loop (limit exceeded|completed with undelivered notifications)/.test(message.replace(/^Uncaught\s+/, ''));
}

/** Turns whatever was thrown or rejected into a message and a stack. */
export function describeThrown(value: unknown): { message: string; stack: string | null } {
  if (value instanceof Error) return { message: `${value.name}: ${value.message}`, stack: value.stack ?? null };
  if (typeof value === 'string') return { message: value, stack: null };
  if (value === undefined) return { message: '(không có thông tin lỗi)', stack: null };
  try {
    return { message: JSON.stringify(value) ?? String(value), stack: null };
  } catch {
    return { message: String(value), stack: null };
  }
}

/** The text put on the clipboard by "Sao chép chi tiết"; the first report in full, then the others' messages. */
export function formatCrashDetails(reports: CrashReport[], env: CrashEnvironment): string {
  const [first, ...others] = reports;
  if (!first) return '';
  const lines = [
    'Sổ vốn MTQG — chi tiết lỗi',
    `Phiên bản: ${env.appVersion}`,
    `Thời điểm: ${first.at}`,
    `Màn hình: ${env.screenLabel ? `${env.screenLabel} (${first.screen || '#/'})` : first.screen || '#/'}`,
    `Loại: ${KIND_LABELS[first.kind]}`,
    `Thông báo: ${first.message}`,
    '',
    'Stack:',
    first.stack ?? '(không có)',
  ];
  if (first.componentStack) lines.push('', 'Component stack:', first.componentStack.trim());
  if (others.length > 0) {
    lines.push('', `Các lỗi tiếp theo (${others.length}):`);
    for (const other of others.slice(0, 10)) lines.push(`- ${other.at} ${KIND_LABELS[other.kind]}: ${other.message}`);
  }
  lines.push('', `Trình duyệt: ${env.userAgent}`);
  return lines.join('\n');
}
