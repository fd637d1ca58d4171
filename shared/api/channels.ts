/** IPC channel names shared by the Electron main process and the preload. */
export const API_INVOKE_CHANNEL = 'sovon:invoke';
export const API_PROGRESS_CHANNEL = 'sovon:progress';
/** Desktop only: save the current page (the print view) as a PDF through Chromium's printToPDF. */
export const PRINT_PDF_CHANNEL = 'sovon:print-pdf';
/** The global the preload exposes in the renderer (window.sovonApi). */
export const API_GLOBAL = 'sovonApi';
