// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxing requires).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', external: ['electron', 'better-sqlite3'], sourcemap: true, logLevel: 'info' };
await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist-electron/main/main.js', format: 'esm' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist-electron/preload/preload.cjs', format: 'cjs' });
