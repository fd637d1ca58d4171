// A package as an office running format 2 of the exchange package exported it (before the disbursement sheet),
// made from a package of today's format: shared by the unit test and the e2e of the former district's history.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { DISBURSEMENT_SHEET, MANIFEST_KEYS, MANIFEST_SHEET, packageHash } from '../../electron/core/exchange/package-format';
import { loadPackage, readPackageSheets } from '../../electron/core/exchange/package-read';

/**
 * The same package as format 2 wrote it (before the disbursement sheet): no "Giải ngân" sheet, version 2 and the
 * hash of format 2 in the manifest — what an office running the earlier version exported.
 */
export async function asFormatTwo(file: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  book.removeWorksheet(book.getWorksheet(DISBURSEMENT_SHEET.name)!.id);
  const manifest = book.getWorksheet(MANIFEST_SHEET)!;
  const rowsKey = `${MANIFEST_KEYS.rowsPrefix}${DISBURSEMENT_SHEET.name}`;
  for (let r = manifest.rowCount; r >= 1; r--) {
    if (manifest.getCell(r, 1).value === MANIFEST_KEYS.version) manifest.getCell(r, 2).value = 2;
    if (manifest.getCell(r, 1).value === rowsKey) manifest.spliceRows(r, 1);
  }
  const loaded = await loadPackage(Buffer.from(await book.xlsx.writeBuffer()).toString('base64'), 'goi-v2.xlsx');
  if (loaded.manifest.version !== 2) throw new Error(`format ${loaded.manifest.version}, not 2`);
  const sha = packageHash({ districtCode: loaded.manifest.districtCode, year: loaded.manifest.year }, readPackageSheets(loaded).grid, 2);
  for (let r = 1; r <= manifest.rowCount; r++) if (manifest.getCell(r, 1).value === MANIFEST_KEYS.sha256) manifest.getCell(r, 2).value = sha;
  const out = path.join(path.dirname(file), 'goi-dinh-dang-2.xlsx');
  fs.writeFileSync(out, Buffer.from(await book.xlsx.writeBuffer()));
  return out;
}
