// Runs sandboxed before the renderer: exposes one typed invoke and progress events, nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { API_GLOBAL, API_INVOKE_CHANNEL, API_PROGRESS_CHANNEL, PRINT_PDF_CHANNEL } from '../../shared/api/channels';
import type { ApiClient } from '../../shared/api/contract';
import type { JobEvent } from '../../shared/api/jobs';

const api: ApiClient = {
  invoke: (name, input) => ipcRenderer.invoke(API_INVOKE_CHANNEL, name, input),
  onProgress: (listener) => {
    const handler = (_event: IpcRendererEvent, progress: JobEvent) => listener(progress);
    ipcRenderer.on(API_PROGRESS_CHANNEL, handler);
    return () => ipcRenderer.removeListener(API_PROGRESS_CHANNEL, handler);
  },
  savePdf: (suggestedName) => ipcRenderer.invoke(PRINT_PDF_CHANNEL, suggestedName),
};

contextBridge.exposeInMainWorld(API_GLOBAL, api);
