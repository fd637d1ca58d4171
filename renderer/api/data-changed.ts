/**
 * "The data changed": told after every command that writes (a command the contract does not mark `reads`; a background
 * job's command answers when the job ended), so what the frame shows about the whole book (the years that hold data beside the working-year
 * select) follows the screens' writes without a reload. Screens keep reloading their own data after their commands.
 */
import { isReadCommand } from '../../shared/api/command-kinds';
import type { ApiClient } from '../../shared/api/contract';

const listeners = new Set<() => void>();

/** Subscribes to data changes; returns the unsubscribe. */
export function onDataChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function dataChanged(): void {
  for (const listener of [...listeners]) listener();
}

/** The client with the notice: a write that succeeded tells the listeners. */
export function withDataChangedNotice(base: ApiClient): ApiClient {
  const client: ApiClient = {
    ...base,
    async invoke(name, input) {
      const result = await base.invoke(name, input);
      if (result.ok && !isReadCommand(name)) dataChanged();
      return result;
    },
    onProgress: (listener) => base.onProgress(listener),
  };
  return client;
}

/** Calls `refresh` on each data change, never two at a time: changes during a refresh bring one more afterwards. */
export function coalesced(refresh: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async (): Promise<void> => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await refresh();
      } while (again);
    } finally {
      running = false;
    }
  };
  return () => void run();
}
