import { API_GLOBAL } from '../../shared/api/channels';
import type { ApiClient, CommandInput, CommandName, CommandOutput } from '../../shared/api/contract';
import { err, type Result } from '../../shared/api/result';

/** Talks to the web host over HTTP with the per-start token the host wrote into the page. */
function createHttpClient(): ApiClient {
  const token = document.querySelector<HTMLMetaElement>('meta[name="sovon-token"]')?.content ?? '';
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
    onProgress: () => () => {},
  };
}

declare global {
  interface Window {
    [API_GLOBAL]?: ApiClient;
  }
}

/** The Electron preload's API when running in the desktop shell, the web host's otherwise. */
export const api: ApiClient = window[API_GLOBAL] ?? createHttpClient();
