// Types of bundle.mjs (a plain ES module, run by node before any TypeScript tooling exists).
export const ROOT: string;
export const BUNDLE: string;
export function bundleIsStale(): boolean;
export function buildBundle(): Promise<void>;
