import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defaultResourcesDir } from '../core';

const projectRoot = path.resolve(defaultResourcesDir(), '..');
/** The built renderer served by the web host (and printed by the command line). */
export const staticDir = path.join(projectRoot, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** Builds the renderer when there is no build or its sources (renderer/, shared/) are newer than it. */
export function buildIfNeeded(log: (text: string) => void = console.log): void {
  const index = path.join(staticDir, 'index.html');
  const builtAt = fs.existsSync(index) ? fs.statSync(index).mtimeMs : 0;
  const sourcesAt = Math.max(newestMtime(path.join(projectRoot, 'renderer')), newestMtime(path.join(projectRoot, 'shared')));
  if (builtAt >= sourcesAt) return;
  log('Đang dựng giao diện (vite build)…');
  const result = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: projectRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('vite build thất bại');
}
