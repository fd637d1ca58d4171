// Benchmarks of the province-workbook import on a 50,000-detail-line workbook, against LibreOffice reading the
// same file to CSV:
//   import.50k_dry_run_ms, import.50k_commit_ms  wall clock of the CLI process (`import FILE [--dry-run] --json`),
//                                                start-up included, into a fresh office (district 180) — the bundled
//                                                CLI (bin/sovon.mjs → dist-cli/), built fresh before any timing;
//   cli.start_ms                                 the bundled CLI's `--help` (a command that does nothing), median of 5;
//   import.50k_peak_mb                           the larger peak RSS of those two processes, read inside the CLI
//                                                process itself at exit (process.resourceUsage().maxRSS, through
//                                                a preloaded exit hook) — the exact CLI, no external `time` tool;
//   import.50k_analyze_ms                        `import.analyze` in this process (no start-up), for comparison;
//   import.libreoffice_50k_csv_ms                `soffice --headless --convert-to csv` on a warm profile (the second
//                                                of two runs); import.libreoffice_50k_csv_first_ms is the first run,
//                                                which also creates the fresh profile. Skipped when soffice is absent;
//   import.real_files, import.real_files_misread  the public real workbooks of ../shared/corpus (real-workbooks.ts);
//   reliability.hostile_files                    files of test/hostile/corpus.ts run through analyze (and commit when
//                                                it says it can) with no crash, hang or stray write: the fixed corpus
//                                                plus files generated from its seed up to HOSTILE_FILES (1,000).
// Each import figure is trusted only after the JSON says what the generator's rows add up to.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, runCli } from '../../electron/cli/cli';
import { openCore } from '../../electron/core/core';
import { manyDetailRows, provinceWorkbook, type TableRow } from '../fixtures/excel/province-workbooks';
import { exerciseHostileFile, hostileCorpus } from '../hostile/corpus';
import { median, record } from './measure';
import { benchRealWorkbooks, realWorkbooksDir } from './real-workbooks';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DETAIL_ROWS = 50_000;

/** What the generator's rows add up to: đồng of every detail amount (triệu × 10^6), and how many are not zero. */
function expectedFromRows(rows: TableRow[]): { totalDong: number; lines: number } {
  let totalDong = 0;
  let lines = 0;
  const visit = (row: TableRow) => {
    if (row.children) return row.children.forEach(visit);
    for (const amount of row.amounts ?? []) {
      if (typeof amount !== 'number' || amount === 0) continue;
      totalDong += Math.round(amount * 1_000_000);
      lines++;
    }
  };
  rows.forEach(visit);
  return { totalDong, lines };
}

/** Prints the process's peak RSS (KB on Linux) on stderr as it exits. */
const PEAK_RSS_HOOK = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nSOVON_MAX_RSS_KB='+process.resourceUsage().maxRSS+'\\n'))`;

interface CliRun {
  ms: number;
  peakMb: number;
  exitCode: number | null;
  report: { ok: boolean; totalDong: number; lines: unknown[]; committed: boolean; findings: { severity: string; message: string }[] };
}

/** Runs the CLI as its own process, JSON to a file (as `> out.json` would), timing the whole process. */
function runImportProcess(args: string[], outFile: string): CliRun {
  const out = fs.openSync(outFile, 'w');
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', PEAK_RSS_HOOK, 'bin/sovon.mjs', 'import', ...args, '--json'], {
    cwd: REPO,
    stdio: ['ignore', out, 'pipe'],
    encoding: 'utf8',
    timeout: 600_000,
  });
  const ms = performance.now() - start;
  fs.closeSync(out);
  const peak = /SOVON_MAX_RSS_KB=(\d+)/.exec(child.stderr ?? '');
  if (child.error || !peak) throw new Error(`Bench import: the CLI process failed (${child.error?.message ?? child.stderr})`);
  const report = JSON.parse(fs.readFileSync(outFile, 'utf8')) as CliRun['report'];
  return { ms, peakMb: Number(peak[1]) / 1024, exitCode: child.status, report };
}

function checkReport(what: string, run: CliRun, expected: { totalDong: number; lines: number }, committed: boolean): void {
  const { report } = run;
  const problems: string[] = [];
  if (run.exitCode !== EXIT.ok) problems.push(`exit code ${run.exitCode}`);
  if (report.totalDong !== expected.totalDong) problems.push(`totalDong ${report.totalDong}, the rows add up to ${expected.totalDong}`);
  if (report.lines.length !== expected.lines) problems.push(`${report.lines.length} lines, the rows have ${expected.lines}`);
  if (report.committed !== committed) problems.push(`committed ${report.committed}`);
  const errors = report.findings.filter((f) => f.severity === 'E');
  if (errors.length > 0) problems.push(`${errors.length} error findings, the first: ${errors[0]!.message}`);
  if (problems.length > 0) throw new Error(`Bench import (${what}) did not import the file, so its timing means nothing: ${problems.join('; ')}`);
}

function sofficePath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null;
}

function benchLibreOffice(workDir: string, file: string): void {
  const soffice = sofficePath();
  if (!soffice) {
    console.log('import.libreoffice_50k_csv_ms: bỏ qua (không có soffice)');
    return;
  }
  // A profile of its own, so a LibreOffice the tests or the officer have open does not take the conversion.
  const profile = `file://${path.join(workDir, 'lo-profile')}`;
  const outDir = path.join(workDir, 'csv');
  const convert = () => {
    const start = performance.now();
    const run = spawnSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'csv', '--outdir', outDir, file], { encoding: 'utf8', timeout: 300_000 });
    const ms = performance.now() - start;
    const csv = path.join(outDir, `${path.basename(file, '.xlsx')}.csv`);
    const lineCount = fs.existsSync(csv) ? fs.readFileSync(csv, 'latin1').split('\n').length : 0;
    if (run.status !== 0 || lineCount < DETAIL_ROWS) throw new Error(`Bench import: LibreOffice did not convert the file (${run.stderr || `${lineCount} CSV lines`})`);
    fs.rmSync(csv);
    return ms;
  };
  record('import.libreoffice_50k_csv_first_ms', convert(), 'ms');
  record('import.libreoffice_50k_csv_ms', convert(), 'ms');
}

async function benchAnalyzeInProcess(workDir: string, bytes: Buffer, expected: { totalDong: number }): Promise<void> {
  const core = openCore({ dataDir: path.join(workDir, 'in-process'), actor: 'bench' });
  try {
    const setup = core.invoke('office.setup', { districtCode: '180', signers: [] });
    if (!setup.ok) throw new Error(setup.error.message);
    const start = performance.now();
    const analyzed = await core.invokeAsync('import.analyze', { fileName: 'tinh-50k.xlsx', base64: bytes.toString('base64'), year: 2024 });
    const ms = performance.now() - start;
    if (!analyzed.ok || analyzed.value.totalDong !== expected.totalDong || !analyzed.value.canCommit) {
      throw new Error(`Bench import: import.analyze in process did not read the file (${analyzed.ok ? analyzed.value.totalDong : analyzed.error.message})`);
    }
    record('import.50k_analyze_ms', ms, 'ms');
  } finally {
    core.close();
  }
}

/** How many hostile files the bench runs: the fixed corpus of the unit tests and generated ones up to this count. */
const HOSTILE_FILES = 1000;

async function benchHostileCorpus(workDir: string): Promise<void> {
  let exercised = 0;
  const failures: string[] = [];
  for (const file of hostileCorpus(undefined, { generated: Math.max(0, HOSTILE_FILES - hostileCorpus().length) })) {
    // A book of its own per file, as in the unit test: an earlier commit must not make this file a no-op.
    const dataDir = path.join(workDir, 'hostile', String(exercised));
    const core = openCore({ dataDir, actor: 'bench' });
    try {
      const setup = core.invoke('office.setup', { districtCode: '180', signers: [] });
      if (!setup.ok) throw new Error(setup.error.message);
      const outcome = await exerciseHostileFile(core, file);
      if (outcome.problems.length > 0) failures.push(`${file.name}: ${outcome.problems.join('; ')}`);
    } finally {
      core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    exercised++;
  }
  if (failures.length > 0) throw new Error(`Bench: hostile workbooks broke the import:\n${failures.join('\n')}`);
  record('reliability.hostile_files', exercised, 'count');
}

/** What the commit process left in the book: the year's assignment lines must add up to the file's total. */
function checkBook(dataDir: string, expected: { totalDong: number }): void {
  const core = openCore({ dataDir, actor: 'bench', create: false });
  try {
    const { total } = core.db.prepare('SELECT SUM(amount_dong) AS total FROM assignment WHERE year = 2024').get() as { total: number | null };
    if (total !== expected.totalDong) throw new Error(`Bench import: the book holds ${total} đồng for 2024 after the commit, the file ${expected.totalDong}`);
  } finally {
    core.close();
  }
}

/** Builds the CLI bundle now, so no timed run includes building it. */
function buildCliBundle(): void {
  const built = spawnSync(process.execPath, ['electron/cli/bundle.mjs'], { cwd: REPO, encoding: 'utf8', timeout: 300_000 });
  if (built.status !== 0) throw new Error(`Bench: the CLI bundle did not build (${built.stderr})`);
}

function benchCliStart(): void {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const run = spawnSync(process.execPath, ['bin/sovon.mjs', '--help'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    runs.push(performance.now() - start);
    if (run.status !== 0) throw new Error(`Bench: sovon --help failed (${run.stderr})`);
  }
  record('cli.start_ms', median(runs), 'ms');
}

export async function benchImport(workDir: string): Promise<void> {
  buildCliBundle();
  benchCliStart();
  const rows = manyDetailRows(DETAIL_ROWS);
  const expected = expectedFromRows(rows);
  const bytes = await provinceWorkbook({ rows });
  const file = path.join(workDir, 'tinh-50k.xlsx');
  fs.writeFileSync(file, bytes);
  const data = path.join(workDir, 'office');
  if (runCli(['init', '--office', '180', '--data', data], { out: () => {}, err: console.error, env: {} }) !== EXIT.ok) throw new Error('Bench import: init failed');

  const dryRun = runImportProcess([file, '--dry-run', '--data', data], path.join(workDir, 'dry-run.json'));
  checkReport('--dry-run', dryRun, expected, false);
  record('import.50k_dry_run_ms', dryRun.ms, 'ms');
  const commit = runImportProcess([file, '--data', data], path.join(workDir, 'commit.json'));
  checkReport('commit', commit, expected, true);
  checkBook(data, expected);
  record('import.50k_commit_ms', commit.ms, 'ms');
  record('import.50k_peak_mb', Math.max(dryRun.peakMb, commit.peakMb), 'MB');

  await benchAnalyzeInProcess(workDir, bytes, expected);
  benchLibreOffice(workDir, file);
  const realDir = realWorkbooksDir(REPO);
  if (realDir) await benchRealWorkbooks(workDir, realDir);
  else console.log('import.real_files: bỏ qua (không thấy ../shared/corpus/real-workbooks)');
  await benchHostileCorpus(workDir);
}
