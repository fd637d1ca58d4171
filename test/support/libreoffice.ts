// LibreOffice as an independent reader of the workbooks the core writes: every sheet to CSV, either the cell
// values (exact đồng) or the text as shown (the number formats applied).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './helpers';

export const LIBREOFFICE_TIMEOUT = 120_000;

function requireSoffice(): void {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60_000 });
  if (probe.error && (probe.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error('"soffice" is not on PATH: these tests read the workbook back with LibreOffice; install libreoffice-calc-nogui (CI does).');
  }
}

/** A small RFC 4180 CSV parser (quotes, doubled quotes, commas and line breaks inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * Every sheet of a workbook as CSV rows, by sheet name: `shown` false gives the cell values, true the text as
 * displayed. Runs headless LibreOffice in a private profile (parallel runs do not share one).
 */
export function sheetsAsCsv(file: string, shown: boolean): Map<string, string[][]> {
  requireSoffice();
  const outDir = tempDir('sovon-lo-out-');
  const profile = tempDir('sovon-lo-profile-');
  // Filter options: comma, double quote, UTF-8, from line 1, …, token 9 "as shown", token 12 -1 = every sheet.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${shown},false,false,-1`;
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, file], {
    stdio: 'pipe',
    timeout: LIBREOFFICE_TIMEOUT - 10_000,
  });
  const base = path.basename(file, path.extname(file));
  const sheets = new Map<string, string[][]>();
  for (const name of fs.readdirSync(outDir)) {
    if (name.startsWith(`${base}-`) && name.endsWith('.csv')) sheets.set(name.slice(base.length + 1, -4), parseCsv(fs.readFileSync(path.join(outDir, name), 'utf8')));
  }
  if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${file}`);
  return sheets;
}
