// The command line as bundled ES modules (esbuild), so a command starts without compiling TypeScript:
// dist-cli/cli/sovon.mjs, two folders down like electron/core/, so the resources/ folder is found the same way.
// What a command loads only when it needs it (the browser driver for PDFs) is split into chunks beside it.
// bin/sovon.mjs builds it when it is missing or older than the sources; `node electron/cli/bundle.mjs` builds it now.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT_DIR = path.join(ROOT, 'dist-cli', 'cli');
export const BUNDLE = path.join(OUT_DIR, 'sovon.mjs');
/** What the bundle is made of: a change to any of these makes it stale. */
const SOURCES = ['electron/cli', 'electron/core', 'shared', 'package-lock.json'];

function newestMtime(entry) {
  const info = fs.statSync(entry, { throwIfNoEntry: false });
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

export function bundleIsStale() {
  const built = fs.statSync(BUNDLE, { throwIfNoEntry: false });
  if (!built) return true;
  return SOURCES.some((source) => newestMtime(path.join(ROOT, source)) > built.mtimeMs);
}

/**
 * exceljs only writes workbooks (exports, annexes), yet its code is the largest part of the bundle and was compiled
 * and run at every start. In the bundle, `import ExcelJS from 'exceljs'` gives an object that loads the package from
 * node_modules the first time one of its members is used.
 */
const lazyExcelJs = {
  name: 'lazy-exceljs',
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({ path: 'exceljs', namespace: 'lazy-exceljs' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-exceljs' }, () => ({
      loader: 'js',
      contents: [
        "import { createRequire } from 'node:module';",
        'let loaded;',
        "const load = () => (loaded ??= createRequire(import.meta.url)('exceljs'));",
        'export default new Proxy({}, { get: (_target, key) => load()[key], has: (_target, key) => key in load() });',
      ].join('\n'),
    }));
  },
};

export async function buildBundle() {
  const { build } = await import('esbuild');
  const temp = `${OUT_DIR}.${process.pid}.tmp`;
  await build({
    absWorkingDir: ROOT,
    entryPoints: { sovon: 'electron/cli/main.ts' },
    outdir: temp,
    splitting: true,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // The native addon is loaded from node_modules as it is built for this Node; the browser driver is loaded from
    // node_modules too, as it finds its own files by __dirname, which an ES module bundle does not have.
    external: ['better-sqlite3', 'playwright-core'],
    // Some bundled CommonJS packages call require() for Node's built-ins.
    banner: { js: "import { createRequire as __sovonCreateRequire } from 'node:module'; const require = __sovonCreateRequire(import.meta.url);" },
    plugins: [lazyExcelJs],
    legalComments: 'none',
    // Less text to read and compile at every start; identifiers keep their names for the stack traces in the log.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  // Renamed into place: a command started meanwhile never loads half a file.
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  fs.renameSync(temp, OUT_DIR);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildBundle();
