/**
 * Vitest global setup: the renderer is built once, before any test file runs. Several test files print PDFs
 * through the web host's build; left to each of them, two workers could run vite build at once, one emptying
 * dist/renderer while the other's page loads from it.
 */
import { buildIfNeeded } from '../../electron/web-host/build';

export default function setup(): void {
  buildIfNeeded((text) => console.log(text));
}
