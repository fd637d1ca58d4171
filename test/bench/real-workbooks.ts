// The public real-world workbooks of ../shared/corpus/real-workbooks (SheetJS, Apache POI, exceljs, xlrd test files)
// through import.analyze: none may be called empty, not a workbook or unreadable while openpyxl reads cells from
// it (cells.tsv), except a refusal for safety that says so; none may end in an internal error.
//   import.real_files          files run
//   import.real_files_misread  files with cells that the import called empty / not a workbook / unreadable, or
//                              that ended in an internal error (each is listed on the console)
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../../electron/core/core';
import { record } from './measure';

/** Refusals that are about the file's safety or size, not a failure to read it. */
const SAFETY_REFUSALS = new Set(['IMPORT_UNSAFE_CONTENT', 'IMPORT_TOO_LARGE', 'IMPORT_ENCRYPTED']);
/** Answers that mean "there is nothing here" or "this cannot be read". */
const MISREAD = new Set(['IMPORT_EMPTY', 'IMPORT_NOT_WORKBOOK', 'IMPORT_TRUNCATED', 'IMPORT_LEGACY_XLS', 'INTERNAL']);

export function realWorkbooksDir(repo: string): string | null {
  const dir = process.env.SOVON_REAL_WORKBOOKS ?? path.resolve(repo, '../shared/corpus/real-workbooks');
  return fs.existsSync(path.join(dir, 'cells.tsv')) ? dir : null;
}

export async function benchRealWorkbooks(workDir: string, dir: string): Promise<{ files: number; misread: string[] }> {
  const cells = new Map(
    fs
      .readFileSync(path.join(dir, 'cells.tsv'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('\t') as [string, string])
      .map(([name, n]) => [name, Number(n)]),
  );
  const core = openCore({ dataDir: path.join(workDir, 'real-workbooks'), actor: 'bench', readsFilePaths: true });
  const misread: string[] = [];
  const outcomes = new Map<string, number>();
  let files = 0;
  try {
    const setup = core.invoke('office.setup', { districtCode: '180', signers: [] });
    if (!setup.ok) throw new Error(setup.error.message);
    for (const name of [...cells.keys()].sort()) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      files++;
      const start = performance.now();
      const result = await core.invokeAsync('import.analyze', { fileName: name, filePath: file, year: 2024 });
      const ms = performance.now() - start;
      const code = result.ok ? 'ok' : result.error.code;
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
      if (ms > 10_000) console.log(`  chậm: ${name} ${Math.round(ms)} ms`);
      const hasCells = (cells.get(name) ?? 0) > 0;
      if (!result.ok && !SAFETY_REFUSALS.has(code) && (code === 'INTERNAL' || (hasCells && MISREAD.has(code)))) {
        misread.push(`${name} (openpyxl: ${cells.get(name)} ô): ${code} ${result.ok ? '' : result.error.message}`);
      }
    }
  } finally {
    core.close();
  }
  console.log(`  kết quả: ${[...outcomes].map(([code, n]) => `${code} ${n}`).join(', ')}`);
  for (const line of misread) console.log(`  đọc sai: ${line}`);
  record('import.real_files', files, 'count');
  record('import.real_files_misread', misread.length, 'count');
  return { files, misread };
}
