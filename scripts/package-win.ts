/**
 * `npm run package:win`: the Windows installer. electron-builder rebuilds better-sqlite3 for Electron's ABI itself
 * (`npmRebuild: true` in electron-builder.yml) just before it copies node_modules into the app bundle — but in a
 * one-package project its app folder is the project folder, so that rebuild lands in the working node_modules, where
 * the tests, the CLI and the web host need the Node build. So the Node build is put back afterwards, whether the
 * packaging succeeded or not: `npm test` runs right after `package:win` without any swapping.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export type Step = { name: string; command: string; args: string[] };
export type RunStep = (step: Step) => number;

export const PACKAGE_STEPS: Step[] = [
  { name: 'giao diện', command: 'npm', args: ['run', 'build'] },
  { name: 'vỏ Electron', command: 'npm', args: ['run', 'build:electron'] },
  // electron-builder's own rebuild (npmRebuild) makes the Electron-ABI better-sqlite3 that goes into the bundle.
  { name: 'bộ cài Windows', command: 'npx', args: ['electron-builder', '--win'] },
];

/** Puts back the Node build of better-sqlite3 that electron-builder's rebuild replaced in node_modules. */
export const RESTORE_NODE_BUILD: Step = { name: 'better-sqlite3 cho Node', command: 'npm', args: ['rebuild', 'better-sqlite3'] };

/** Runs the steps in order, stopping at the first failure; the Node build is restored in every case. Returns the exit code. */
export function packageWindows(run: RunStep): number {
  let code = 0;
  try {
    for (const step of PACKAGE_STEPS) {
      code = run(step);
      if (code !== 0) {
        console.error(`Đóng gói dừng ở bước "${step.name}" (mã thoát ${code}) / packaging stopped at "${step.args.join(' ')}"`);
        break;
      }
    }
  } finally {
    const restored = run(RESTORE_NODE_BUILD);
    if (restored !== 0) {
      console.error('Không dựng lại được better-sqlite3 cho Node; hãy chạy: npm run rebuild:node / could not restore the Node build: npm run rebuild:node');
      if (code === 0) code = restored;
    }
  }
  return code;
}

function runInProject(step: Step): number {
  const root = path.resolve(import.meta.dirname, '..');
  const result = spawnSync(step.command, step.args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status ?? 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.exit(packageWindows(runInProject));
}
