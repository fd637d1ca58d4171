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

/**
 * The same policy as a <meta> tag written into the built index.html: the desktop app loads the page from disk, where
 * no response header carries a policy. frame-ancestors is ignored in a meta tag (the header keeps it for the web host).
 */
export const RENDERER_CSP_META = RENDERER_CSP.split('; ')
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');
