/**
 * Crash safety: runs the CLI on long operations (import of a large workbook, issue of a large decision, a
 * backup, a restore, the import of an exchange package) and kills it with SIGKILL at random moments, then checks
 * that the database is intact and that each operation either fully happened or left no trace. Used by the tests
 * (a few runs) and the bench (1,000+).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openCore, type Core } from '../../electron/core/core';
import { manyDetailRows, provinceWorkbook } from '../fixtures/excel/province-workbooks';

import { BUNDLE, buildBundle, bundleIsStale } from '../../electron/cli/bundle.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');

export type Operation = 'import' | 'issue' | 'backup' | 'restore' | 'package';
export const OPERATIONS: Operation[] = ['import', 'issue', 'backup', 'restore', 'package'];

/** The year of the exchange package: one the template office has no data for (a package goes into an empty year). */
const PACKAGE_YEAR = 2025;
/** The basis number of the one assignment only the restored backup holds. */
const RESTORED_MARK = 'BẢN KHÔI PHỤC';

export interface KillReport {
  runs: number;
  /** Per operation: runs where it had fully happened when killed, runs where it left no trace. */
  outcomes: Record<Operation, { happened: number; noTrace: number; killedBeforeEnd: number }>;
  /** From the moment the process opened the database to its exit, in the full runs, ms. */
  operationMs: Record<Operation, number>;
}

interface Fixture {
  template: string;
  workbook: string;
  decisionId: number;
  /** A backup of the template with one more assignment (RESTORED_MARK), outside the data folder. */
  backup: string;
  /** An exchange package of PACKAGE_YEAR from another office of the same district. */
  package: string;
}

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** One office with the year's assignment and a draft of `lines` lines ready to issue; and a large workbook. */
async function prepare(work: string, lines: number, detailRows: number): Promise<Fixture> {
  const template = path.join(work, 'template');
  const core: Core = openCore({ dataDir: template, actor: 'harness' });
  let decisionId: number;
  try {
    must(core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] }));
    // Every line its own key (component × commune × source): rule 1 refuses two lines on one row.
    const catalog = must(core.invoke('catalog.components', { year: 2024 }));
    const parents = new Set(catalog.map((c) => c.parentCode));
    // Leaves only: money on a parent and on its child for one recipient breaks the tree (rule 2).
    const components = catalog.filter((c) => c.depth > 0 && !parents.has(c.code) && c.allowedCapitalTypes.includes('SN'));
    const communes = must(core.invoke('recipients.list', { date: '2024-03-15' })).filter((r) => r.kind === 'commune' && r.validOnDate);
    const sources = ['NSTW', 'NST_DOIUNG'];
    const keys = Array.from({ length: Math.min(lines, components.length * communes.length * sources.length) }, (_, i) => ({
      componentCode: components[i % components.length]!.code,
      commune: communes[Math.floor(i / components.length) % communes.length]!.code!,
      sourceCode: sources[Math.floor(i / (components.length * communes.length)) % sources.length]!,
    }));
    const assigned = new Map<string, number>();
    for (const k of keys) assigned.set(`${k.componentCode}|${k.sourceCode}`, (assigned.get(`${k.componentCode}|${k.sourceCode}`) ?? 0) + 1_000_000);
    for (const [key, dong] of assigned) {
      const [componentCode, sourceCode] = key.split('|') as [string, string];
      must(core.invoke('assignments.create', { year: 2024, componentCode, sourceCode, capitalType: 'SN', amount: { dong } }));
    }
    decisionId = must(core.invoke('decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-03-15', summary: 'Về việc phân bổ kế hoạch vốn năm 2024', basis: ['Quyết định số 2390/QĐ-UBND ngày 12/12/2023 của UBND tỉnh Lạng Sơn'] })).header.id;
    const changes = keys.map((k) => ({
      op: 'add' as const,
      line: { componentCode: k.componentCode, recipient: { kind: 'commune' as const, code: k.commune }, sourceCode: k.sourceCode, capitalType: 'SN' as const, amount: { dong: 1_000_000 } },
    }));
    must(core.invoke('decisions.lines.apply', { decisionId, changes }));
    const check = must(core.invoke('decisions.check', { id: decisionId }));
    if (check.errors > 0) throw new Error(`the harness's draft does not pass the rules: ${check.findings.find((f) => f.severity === 'E')!.message}`);
  } finally {
    core.close();
  }
  const workbook = path.join(work, 'tinh-giao-von.xlsx');
  fs.writeFileSync(workbook, await provinceWorkbook({ rows: manyDetailRows(detailRows) }));
  return { template, workbook, decisionId, backup: markedBackup(work, template), package: await yearPackage(work) };
}

/** The template's data with one more assignment, backed up to a file of its own (what `restore` is given). */
function markedBackup(work: string, template: string): string {
  const dir = path.join(work, 'backup-source');
  fs.cpSync(template, dir, { recursive: true });
  const core = openCore({ dataDir: dir, actor: 'harness' });
  const file = path.join(work, 'khoi-phuc.sqlite');
  try {
    must(core.invoke('assignments.create', { year: 2024, componentCode: 'DTTS.DA1', sourceCode: 'NSTW', capitalType: 'DTPT', amount: { dong: 1_000_000 }, basisNumber: RESTORED_MARK }));
    core.db.prepare('VACUUM INTO ?').run(file);
  } finally {
    core.close();
  }
  return file;
}

/** Another office of Tràng Định with a year of assignments on every leaf component, exported as a package. */
async function yearPackage(work: string): Promise<string> {
  const core = openCore({ dataDir: path.join(work, 'package-source'), actor: 'harness' });
  try {
    must(core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' }] }));
    const catalog = must(core.invoke('catalog.components', { year: PACKAGE_YEAR }));
    const parents = new Set(catalog.map((c) => c.parentCode));
    for (const c of catalog.filter((c) => c.depth > 0 && !parents.has(c.code))) {
      for (const capitalType of c.allowedCapitalTypes) {
        for (const sourceCode of ['NSTW', 'NST_DOIUNG']) must(core.invoke('assignments.create', { year: PACKAGE_YEAR, componentCode: c.code, sourceCode, capitalType, amount: { dong: 1_000_000 } }));
      }
    }
    const exported = await core.invokeAsync('exchange.exportPackage', { year: PACKAGE_YEAR });
    if (!exported.ok) throw new Error(exported.error.message);
    const file = path.join(work, 'goi-trao-doi.xlsx');
    fs.writeFileSync(file, Buffer.from(exported.value.base64, 'base64'));
    return file;
  } finally {
    core.close();
  }
}

function argsOf(op: Operation, fixture: Fixture, dataDir: string): string[] {
  switch (op) {
    case 'import':
      return ['import', fixture.workbook, '--data', dataDir];
    case 'issue':
      return ['issue', String(fixture.decisionId), '--date', '2024-03-15', '--signer', '1', '--data', dataDir];
    case 'backup':
      return ['backup', '--data', dataDir];
    case 'restore':
      return ['restore', fixture.backup, '--data', dataDir];
    case 'package':
      return ['import-package', fixture.package, '--data', dataDir];
  }
}

/**
 * Runs the CLI; when `killAfterOpenMs` is given, kills it that long after it opened the database (the WAL's
 * shared-memory file appears then): start-up time, which varies with the machine's load, is not counted.
 */
function runCli(args: string[], dataDir: string, killAfterOpenMs: number | null): Promise<{ finished: boolean; code: number | null; operationMs: number | null }> {
  return new Promise((resolve) => {
    const marker = path.join(dataDir, 'so-von.sqlite-shm');
    // The bundled CLI, as `npm run cli` runs it: it starts in a fraction of tsx's time, and 1,000 runs are mostly starts.
    const child = spawn(process.execPath, [BUNDLE, ...args], { cwd: ROOT, stdio: 'ignore' });
    let openedAt: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    const poll = setInterval(() => {
      if (openedAt !== null || !fs.existsSync(marker)) return;
      openedAt = performance.now();
      clearInterval(poll);
      if (killAfterOpenMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterOpenMs);
    }, 2);
    child.on('exit', (code, signal) => {
      clearInterval(poll);
      if (timer) clearTimeout(timer);
      resolve({ finished: signal === null, code, operationMs: openedAt === null ? null : performance.now() - openedAt });
    });
  });
}

/** Opens the killed office's database the way the app would (recovering the WAL) and checks it. */
function inspect(dataDir: string, op: Operation): 'happened' | 'no-trace' {
  const file = path.join(dataDir, 'so-von.sqlite');
  const db = new Database(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${op}: integrity_check says ${String(integrity)}`);
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    switch (op) {
      case 'import': {
        const imported = one('SELECT COUNT(*) AS n FROM assignment WHERE exchange_id IS NOT NULL');
        const logged = one("SELECT COUNT(*) AS n FROM exchange_log WHERE result = 'committed'");
        const audited = one("SELECT COUNT(*) AS n FROM audit_log WHERE command = 'import.commit'");
        if (imported === 0 && logged === 0 && audited === 0) return 'no-trace';
        if (imported > 0 && logged === 1 && audited === 1) return 'happened';
        throw new Error(`import half-written: ${imported} assignment rows, ${logged} history rows, ${audited} audit rows`);
      }
      case 'issue': {
        const d = db.prepare('SELECT status, number FROM decision WHERE id = 1').get() as { status: string; number: number | null };
        const folded = one('SELECT COUNT(*) AS n FROM ledger_fold');
        const audited = one("SELECT COUNT(*) AS n FROM audit_log WHERE command = 'decisions.issue'");
        if (d.status === 'draft' && d.number === null && folded === 0 && audited === 0) return 'no-trace';
        if (d.status === 'issued' && d.number === 1 && folded > 0 && audited === 1) return 'happened';
        throw new Error(`issue half-written: status ${d.status}, number ${d.number}, ${folded} fold rows, ${audited} audit rows`);
      }
      case 'backup': {
        const dir = path.join(dataDir, 'backups');
        const listed = fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => n.startsWith('thu-cong-') && n.endsWith('.sqlite')) : [];
        if (listed.length === 0) return 'no-trace';
        if (listed.length > 1) throw new Error(`backup: ${listed.length} backups for one run`);
        const copy = new Database(path.join(dir, listed[0]!), { readonly: true, fileMustExist: true });
        try {
          if (copy.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('backup: the listed backup is damaged');
          if ((copy.prepare('SELECT COUNT(*) AS n FROM decision_line').get() as { n: number }).n !== one('SELECT COUNT(*) AS n FROM decision_line')) throw new Error('backup: the listed backup is incomplete');
        } finally {
          copy.close();
        }
        return 'happened';
      }
      case 'restore': {
        // The file under the data's name is the old one or the backup, whole: never a mix, never a missing file.
        const marked = (db.prepare('SELECT COUNT(*) AS n FROM assignment WHERE basis_number = ?').get(RESTORED_MARK) as { n: number }).n;
        const lines = one('SELECT COUNT(*) AS n FROM decision_line');
        if (lines === 0) throw new Error('restore: the decision lines are gone');
        if (marked === 0) return 'no-trace';
        if (marked === 1) return 'happened';
        throw new Error(`restore: ${marked} marked rows`);
      }
      case 'package': {
        const rows = one(`SELECT COUNT(*) AS n FROM assignment WHERE year = ${PACKAGE_YEAR}`);
        const logged = one("SELECT COUNT(*) AS n FROM exchange_log WHERE result = 'committed' AND kind = 'package'");
        const audited = one("SELECT COUNT(*) AS n FROM audit_log WHERE command = 'exchange.importPackage'");
        if (rows === 0 && logged === 0 && audited === 0) return 'no-trace';
        if (rows > 0 && logged === 1 && audited >= 1) return 'happened';
        throw new Error(`package import half-written: ${rows} assignment rows, ${logged} history rows, ${audited} audit rows`);
      }
    }
  } finally {
    db.close();
  }
}

/** A small seeded generator: the same seed kills at the same moments. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function killHarness(options: { runs: number; seed?: number; lines?: number; detailRows?: number; log?: (text: string) => void }): Promise<KillReport> {
  if (bundleIsStale()) await buildBundle();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-kill-'));
  try {
    const fixture = await prepare(work, options.lines ?? 2000, options.detailRows ?? 6000);
    const fresh = (name: string) => {
      const dir = path.join(work, name);
      fs.cpSync(fixture.template, dir, { recursive: true });
      return dir;
    };
    const operationMs = {} as KillReport['operationMs'];
    // Each operation's length without a kill: the shorter of two runs (the first warms the disk cache and is
    // slower), so the random kills below fall inside the operation rather than after its end.
    for (const op of OPERATIONS) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const dir = fresh(`full-${op}-${attempt}`);
        const run = await runCli(argsOf(op, fixture, dir), dir, null);
        if (run.code !== 0) throw new Error(`${op} did not succeed without a kill (exit ${run.code})`);
        if (inspect(dir, op) !== 'happened') throw new Error(`${op} left no trace though it finished`);
        operationMs[op] = Math.min(operationMs[op] ?? Infinity, run.operationMs ?? 100);
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }
    const outcomes = Object.fromEntries(OPERATIONS.map((op) => [op, { happened: 0, noTrace: 0, killedBeforeEnd: 0 }])) as KillReport['outcomes'];
    const next = random(options.seed ?? 20241130);
    for (let i = 0; i < options.runs; i++) {
      const op = OPERATIONS[i % OPERATIONS.length]!;
      const dir = fresh(`run-${i}`);
      // Half the runs anywhere in the operation; half in its last part, where the writing transaction runs
      // (reading the workbook or copying the database comes first), sometimes just after it would have ended.
      const killAfter = Math.round(operationMs[op] * (i % 2 === 0 ? next() * 1.1 : 0.7 + next() * 0.4));
      const run = await runCli(argsOf(op, fixture, dir), dir, killAfter);
      const outcome = inspect(dir, op);
      if (!run.finished) outcomes[op].killedBeforeEnd++;
      if (outcome === 'happened') outcomes[op].happened++;
      else outcomes[op].noTrace++;
      options.log?.(`${op} #${i}: kill ${killAfter} ms after opening → ${run.finished ? 'finished first' : 'killed'}, ${outcome}`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
    return { runs: options.runs, outcomes, operationMs };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
