/**
 * Who has the office's data open. Each process that opens the data folder (the desktop app, the web host, a
 * command of the CLI) leaves a small file in `<data>/dang-mo/` naming itself, removed when it closes. A restore
 * (a swap of the data file) is refused while another process is listed: that process would go on writing to the
 * file the restore put aside, and its acknowledged writes would be lost. A file left by a process that died is
 * recognized (same machine, no such process) and removed.
 */
import { formatInstantInVietnam } from '../../../shared/format/today';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Holder {
  pid: number;
  host: string;
  actor: string;
  startedAt: string;
  file: string;
}

const FOLDER = 'dang-mo';
let counter = 0;

export function holdersDir(dataDir: string): string {
  return path.join(dataDir, FOLDER);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user; it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lists this process as having the data open; the returned function removes it (on close). Never throws. */
export function registerHolder(dataDir: string, actor: string, now = new Date()): () => void {
  const file = path.join(holdersDir(dataDir), `${os.hostname().replace(/[^\w.-]/g, '_')}-${process.pid}-${++counter}.json`);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, host: os.hostname(), actor, startedAt: now.toISOString() }));
  } catch {
    // A folder that cannot be written cannot be written by a restore either; the open itself reports it.
    return () => {};
  }
  return () => fs.rmSync(file, { force: true });
}

/** The processes other than this one that have the data open; files of dead processes on this machine are removed. */
export function otherHolders(dataDir: string): Holder[] {
  const dir = holdersDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const holders: Holder[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const file = path.join(dir, name);
    let holder: Omit<Holder, 'file'>;
    try {
      holder = JSON.parse(fs.readFileSync(file, 'utf8')) as Omit<Holder, 'file'>;
    } catch {
      continue; // being written, or not ours
    }
    if (typeof holder.pid !== 'number' || typeof holder.host !== 'string') continue;
    if (holder.pid === process.pid && holder.host === os.hostname()) continue;
    // On this machine: a process that is gone, or a file from before the last start of the machine (its number may
    // since belong to another program), is stale.
    const beforeBoot = Date.parse(holder.startedAt) < Date.now() - os.uptime() * 1000;
    if (holder.host === os.hostname() && (beforeBoot || !isAlive(holder.pid))) {
      fs.rmSync(file, { force: true });
      continue;
    }
    holders.push({ ...holder, file });
  }
  return holders;
}

const KINDS: [RegExp, string][] = [
  [/^web:/, 'máy chủ web (npm run web)'],
  [/^cli:/, 'lệnh sovon'],
];

/** "máy chủ web (npm run web), tiến trình 1234 trên máy KH-01, mở lúc 2026-12-05 08:00 UTC" */
export function describeHolder(h: Holder): string {
  const kind = KINDS.find(([re]) => re.test(h.actor))?.[1] ?? 'ứng dụng Sổ vốn MTQG';
  return `${kind}, tiến trình ${h.pid} trên máy ${h.host}, mở từ ${formatInstantInVietnam(h.startedAt)}`;
}
