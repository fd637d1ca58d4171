/**
 * Content-Security-Policy for the renderer, used by the Electron shell and the web host alike.
 * Scripts only from the app itself; ag-grid injects its theme styles, hence 'unsafe-inline' for styles only.
 */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
