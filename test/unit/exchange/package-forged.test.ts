// Issue 19, item 6: the package checksum has no key, so a line edited ×10 with its hash recomputed imported, and the
// plan then showed 239% over-allocation. A package is data, not trust: its issued decisions are checked against the
// rules on import, and a state the app would have refused is refused with the findings (nothing written).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LINE_SHEET, MANIFEST_KEYS, MANIFEST_SHEET, packageHash } from '../../../electron/core/exchange/package-format';
import { loadPackage, readPackageSheets } from '../../../electron/core/exchange/package-read';
import type { Core } from '../../../electron/core/core';
import { count, testCore } from '../../support/helpers';
import { call, officeCore } from '../../support/ledger-helpers';

const TABLES = ['assignment', 'decision', 'decision_line', 'ledger_fold', 'exchange_log', 'audit_log'];
const counts = (core: Core) => TABLES.map((t) => count(core, t));

/** The demo year's package with one decision line multiplied by 10 and the data hash recomputed, as a forger would. */
async function forgedPackage(): Promise<string> {
  const source = testCore();
  call(source, 'demo.seed', {});
  const exported = await source.invokeAsync('exchange.exportPackage', { year: 2024 });
  if (!exported.ok) throw new Error(exported.error.message);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(exported.value.base64, 'base64') as unknown as ExcelJS.Buffer);
  const lines = book.getWorksheet(LINE_SHEET.name)!;
  const amountColumn = LINE_SHEET.columns.findIndex((c) => c.key === 'amountDong') + 1;
  // The first positive line: an allocation of the year's first decision.
  let row = 4;
  while (!(typeof lines.getCell(row, amountColumn).value === 'number' && (lines.getCell(row, amountColumn).value as number) > 0)) row++;
  const cell = lines.getCell(row, amountColumn);
  cell.value = (cell.value as number) * 10;
  const edited = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
  const loaded = await loadPackage(edited, 'goi.xlsx');
  const sha = packageHash({ districtCode: loaded.manifest.districtCode, year: loaded.manifest.year }, readPackageSheets(loaded).grid);
  const manifest = book.getWorksheet(MANIFEST_SHEET)!;
  for (let r = 1; r <= manifest.rowCount; r++) if (manifest.getCell(r, 1).value === MANIFEST_KEYS.sha256) manifest.getCell(r, 2).value = sha;
  return Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
}

describe('a forged package', () => {
  it('a decision line ×10 with its hash recomputed: refused with the rules it breaks, nothing written', async () => {
    const base64 = await forgedPackage();
    const target = officeCore('180');
    const before = counts(target);
    const result = await target.invokeAsync('exchange.importPackage', { fileName: 'goi-gia.xlsx', base64 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code, result.error.message).toBe('PACKAGE_BREAKS_RULES');
    expect(result.error.message).toContain('vi phạm');
    const findings = result.error.details?.findings as { severity: string; ruleId: number }[];
    expect(findings.some((f) => f.severity === 'E')).toBe(true);
    expect(counts(target)).toEqual(before);
  }, 240_000);
});
