import { API_GLOBAL } from '../../shared/api/channels';
import type { ApiClient, CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';
import type { JobEvent } from '../../shared/api/jobs';
import { err, type Result } from '../../shared/api/result';
import { withDataChangedNotice } from './data-changed';

/**
 * The jobs' progress from the web host's server-sent events: one EventSource, opened with the first listener and
 * closed with the last (the browser reconnects it by itself if the host restarts).
 */
function createProgressStream(token: string): ApiClient['onProgress'] {
  const listeners = new Set<(event: JobEvent) => void>();
  let source: EventSource | null = null;
  const onMessage = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as JobEvent;
    for (const listener of [...listeners]) listener(event);
  };
  return (listener) => {
    listeners.add(listener);
    if (!source) {
      source = new EventSource(`./api/events?token=${encodeURIComponent(token)}`);
      source.addEventListener('progress', onMessage);
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && source) {
        source.close();
        source = null;
      }
    };
  };
}

/** Talks to the web host over HTTP with the per-start token the host wrote into the page. */
function createHttpClient(): ApiClient {
  const token = document.querySelector<HTMLMetaElement>('meta[name="sovon-token"]')?.content ?? '';
  /** A PDF printed by the host (decision or report), handed back as base64 to download. */
  async function postForPdf(url: string, input: unknown): Promise<Result<{ fileName: string; base64: string }>> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Sovon-Token': token },
        body: JSON.stringify(input),
      });
      return (await response.json()) as Result<{ fileName: string; base64: string }>;
    } catch {
      return err('INTERNAL', 'Mất kết nối tới máy chủ cục bộ của Sổ vốn MTQG khi in PDF. Kiểm tra cửa sổ "npm run web" còn chạy rồi tải lại trang.');
    }
  }
  return {
    async invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
      try {
        const response = await fetch('./api/invoke', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Sovon-Token': token },
          body: JSON.stringify({ command: name, input }),
        });
        return (await response.json()) as Result<CommandOutput<K>>;
      } catch {
        return err('INTERNAL', 'Mất kết nối tới máy chủ cục bộ của Sổ vốn MTQG. Kiểm tra cửa sổ "npm run web" còn chạy rồi tải lại trang.');
      }
    },
    decisionPdf: (input) => postForPdf('./api/decision-pdf', input),
    reportPdf: (input) => postForPdf('./api/report-pdf', input),
    onProgress: createProgressStream(token),
  };
}

declare global {
  interface Window {
    [API_GLOBAL]?: ApiClient;
  }
}

/** The Electron preload's API when running in the desktop shell, the web host's otherwise; writes tell `onDataChanged`. */
export const api: ApiClient = withDataChangedNotice(window[API_GLOBAL] ?? createHttpClient());
