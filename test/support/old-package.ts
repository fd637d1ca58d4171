// A package as an office running an earlier format of the exchange package exported it, made from a package of
// today's format: shared by the package tests and the e2e of the former district's history.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DISBURSEMENT_SHEET, MANIFEST_KEYS, MANIFEST_SHEET, packageHash, WORDING_SHEET } from '../../electron/core/exchange/package-format';
import { loadPackage, readPackageSheets } from '../../electron/core/exchange/package-read';

/** The sheets each format added: format 2 the frozen wording ("Lời văn"), format 3 the disbursement ("Giải ngân"). */
const ADDED_IN = [
  { version: 2, sheet: WORDING_SHEET.name },
  { version: 3, sheet: DISBURSEMENT_SHEET.name },
];

/**
 * The same package as `version` wrote it: without the sheets later formats added, that version and its hash in the
 * manifest. Base64 in, base64 out.
 */
export async function asOlderFormat(base64: string, version: number): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  const manifest = book.getWorksheet(MANIFEST_SHEET)!;
  const dropped = new Set(ADDED_IN.filter((a) => a.version > version).map((a) => `${MANIFEST_KEYS.rowsPrefix}${a.sheet}`));
  for (const a of ADDED_IN) if (a.version > version) book.removeWorksheet(book.getWorksheet(a.sheet)!.id);
  for (let r = manifest.rowCount; r >= 1; r--) {
    if (manifest.getCell(r, 1).value === MANIFEST_KEYS.version) manifest.getCell(r, 2).value = version;
    if (dropped.has(String(manifest.getCell(r, 1).value))) manifest.spliceRows(r, 1);
  }
  const loaded = await loadPackage(Buffer.from(await book.xlsx.writeBuffer()).toString('base64'), `goi-v${version}.xlsx`);
  if (loaded.manifest.version !== version) throw new Error(`format ${loaded.manifest.version}, not ${version}`);
  const sha = packageHash({ districtCode: loaded.manifest.districtCode, year: loaded.manifest.year }, readPackageSheets(loaded).grid, version);
  for (let r = 1; r <= manifest.rowCount; r++) if (manifest.getCell(r, 1).value === MANIFEST_KEYS.sha256) manifest.getCell(r, 2).value = sha;
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

/** The package file as format 2 wrote it (before the disbursement sheet), written beside it; its path. */
export async function asFormatTwo(file: string): Promise<string> {
  const out = path.join(path.dirname(file), 'goi-dinh-dang-2.xlsx');
  fs.writeFileSync(out, Buffer.from(await asOlderFormat(fs.readFileSync(file).toString('base64'), 2), 'base64'));
  return out;
}
