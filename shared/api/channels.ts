/** IPC channel names shared by the Electron main process and the preload. */
export const API_INVOKE_CHANNEL = 'sovon:invoke';
export const API_PROGRESS_CHANNEL = 'sovon:progress';
/** The global the preload exposes in the renderer (window.sovonApi). */
export const API_GLOBAL = 'sovonApi';
