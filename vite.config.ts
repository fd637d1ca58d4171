import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { RENDERER_CSP_META } from './shared/security/csp';

/** The renderer's Content-Security-Policy as the first tag of the page's head (the desktop app has no response headers). */
const cspMeta = (): Plugin => ({
  name: 'sovon-csp-meta',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP_META }, injectTo: 'head-prepend' }],
});

// The renderer is built to dist/renderer with relative paths so the Electron shell can load it from disk
// and the web host can serve it over http.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 3000,
  },
});
