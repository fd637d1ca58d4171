/* global module */
/**
 * The layers of the app, checked by dependency-cruiser (`npm run lint:layers`, part of `npm test`):
 *
 *   renderer ─▶ shared ◀─ core ◀─ hosts (electron/main, preload, web-host, cli: through electron/core/index.ts only)
 *
 * The renderer runs in a browser page, so it may use shared code and browser packages, never the core, Node or a
 * Node-only package. Shared code runs on both sides, so it stays pure (zod is its only package). The core is Node
 * only and never reaches for Electron or the screens. A host talks to the core through its public entry, so the
 * core's folders can be reorganised without touching the hosts. test/unit/layers/layers.test.ts shows that each
 * rule fails on a violating file.
 */
/** Packages a browser page can load (everything else in node_modules counts as Node-only for the renderer). */
const BROWSER_PACKAGES = ['react', 'react-dom', 'react-router', 'ag-grid-community', 'ag-grid-react', 'echarts', '@fontsource/tinos', 'zod'];
/** Packages shared code may use: pure TypeScript that runs in the page and in Node alike. */
const SHARED_PACKAGES = ['zod'];

const packagesOutside = (names) => `node_modules/(?!(${names.map((n) => n.replace(/[/.]/g, '\\$&')).join('|')})/)`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'renderer-to-shared-only',
      comment: 'The renderer talks to the core through the API contract (shared/api); it never imports electron/ or scripts.',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: '^(electron|scripts|test)/' },
    },
    {
      name: 'renderer-no-node',
      comment: 'The renderer runs in a browser page: no Node built-ins (node:fs, path…).',
      severity: 'error',
      from: { path: '^renderer/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'renderer-browser-packages-only',
      comment: `The renderer may load only browser packages (${BROWSER_PACKAGES.join(', ')}); add one here only if it runs in a page.`,
      severity: 'error',
      from: { path: '^renderer/' },
      to: { path: packagesOutside(BROWSER_PACKAGES) },
    },
    {
      name: 'shared-is-pure',
      comment: 'shared/ is used by the page and by Node alike: it imports only shared/ (never electron/, renderer/).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: '^(electron|renderer|scripts|test)/' },
    },
    {
      name: 'shared-no-node',
      comment: 'shared/ runs in the page too: no Node built-ins.',
      severity: 'error',
      from: { path: '^shared/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-pure-packages-only',
      comment: `shared/ may use only ${SHARED_PACKAGES.join(', ')}; code that needs a Node-only package belongs in electron/core.`,
      severity: 'error',
      from: { path: '^shared/' },
      to: { path: packagesOutside(SHARED_PACKAGES) },
    },
    {
      name: 'hosts-use-core-entry',
      comment: 'Hosts (electron/main, preload, web-host, cli) reach the core through electron/core/index.ts only.',
      severity: 'error',
      from: { path: '^electron/(main|preload|web-host|cli)/' },
      to: { path: '^electron/core/', pathNot: '^electron/core/index\\.ts$' },
    },
    {
      name: 'core-no-electron',
      comment: 'The core is Node only and runs in the CLI and the web host too: never electron.',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '(^|/)node_modules/electron/' },
    },
    {
      name: 'core-no-hosts-or-renderer',
      comment: 'The core never imports a host or a screen (they depend on it, not the other way).',
      severity: 'error',
      from: { path: '^electron/core/' },
      to: { path: '^(renderer|electron/(main|preload|web-host|cli|native))/' },
    },
    {
      name: 'no-cycles',
      comment: 'Modules that import each other cannot be understood (or loaded) one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-unresolvable',
      comment: 'An import the checker cannot resolve would escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|dist-electron|dist-cli)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
