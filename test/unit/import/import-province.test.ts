import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportMapping, ImportPreview } from '../../../shared/api/import';
import type { Core } from '../../../electron/core/core';
import { provinceWorkbook, TRANG_DINH_2024, type TableRow } from '../../fixtures/excel/province-workbooks';
import { count, testCore } from '../../support/helpers';

const FIXTURES = path.resolve(__dirname, '../../fixtures/excel');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));
/** 15.970,75 triệu đồng: the sum of the nine detail rows of TRANG_DINH_2024, by hand. */
const TRANG_DINH_TOTAL = 15_970_750_000;

function office(): Core {
  return testCore({ district: '180' });
}

async function analyze(core: Core, bytes: Buffer, options: { fileName?: string; year?: number; mapping?: ImportMapping; jobId?: string } = {}) {
  return core.invokeAsync('import.analyze', { fileName: options.fileName ?? 'tinh.xlsx', base64: bytes.toString('base64'), year: options.year ?? 2024, mapping: options.mapping, jobId: options.jobId });
}

async function preview(core: Core, bytes: Buffer, options: Parameters<typeof analyze>[2] = {}): Promise<ImportPreview> {
  const result = await analyze(core, bytes, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function commit(core: Core, bytes: Buffer, p: ImportPreview, mapping?: ImportMapping) {
  return core.invokeAsync('import.commit', { fileName: 'tinh.xlsx', base64: bytes.toString('base64'), year: 2024, mapping, expectedSha256: p.sha256, expectedTotalDong: p.totalDong, expectedDigest: p.digest });
}

function linesByKey(p: ImportPreview): Record<string, number> {
  return Object.fromEntries(p.lines.map((l) => [`${l.componentCode} ${l.sourceCode} ${l.capitalType}`, l.amountDong]));
}

const EXPECTED_LINES = {
  'DTTS.DA1.ND1 NSTW SN': 500_000_000,
  'DTTS.DA1.ND1 NST_DOIUNG SN': 50_000_000,
  'DTTS.DA1.ND2 NSTW SN': 1_200_500_000,
  'DTTS.DA1.ND2 NST_DOIUNG SN': 120_000_000,
  'DTTS.DA4.TDA1 NSTW DTPT': 5_050_250_000,
  'DTTS.DA4.TDA1 NST_DOIUNG DTPT': 505_000_000,
  'GNBV.DA1.TDA1 NSTW DTPT': 2_000_000_000,
  'GNBV.DA4.TDA2 NSTW SN': 300_000_000,
  'GNBV.DA5 NSTW SN': 450_000_000,
  'GNBV.DA5 NST_DOIUNG SN': 45_000_000,
  'NTM.ND02 NSTW DTPT': 5_000_000_000,
  'NTM.ND02 NST_DOIUNG DTPT': 500_000_000,
  'NTM.ND05 NSTW SN': 250_000_000,
};

describe('recognizing a province workbook laid out for printing', () => {
  it('reads merged two-row headers, the column-number row, roman STT, cached subtotals and vi-VN text numbers into exact đồng', async () => {
    const core = office();
    const p = await preview(core, fixture('tinh-giao-von-2024.xlsx'));
    expect(p).toMatchObject({ year: 2024, unit: 'trieu', sheet: 'Biểu 01', headerRows: [5, 7], detailLines: 9, totalDong: TRANG_DINH_TOTAL, canCommit: true });
    expect(p.document).toMatchObject({ basisNumber: '2150/QĐ-UBND', basisDate: '2023-12-15', basisIssuer: 'UBND tỉnh' });
    expect(p.columns.map((c) => [c.col, c.role, c.sourceCode, c.capitalType])).toEqual([
      ['A', 'stt', null, null],
      ['B', 'name', null, null],
      ['C', 'total', null, null],
      ['D', 'amount', 'NSTW', 'DTPT'],
      ['E', 'amount', 'NSTW', 'SN'],
      ['F', 'amount', 'NST_DOIUNG', 'DTPT'],
      ['G', 'amount', 'NST_DOIUNG', 'SN'],
      ['H', 'ignore', null, null],
    ]);
    expect(p.columns.find((c) => c.col === 'C')!.covers).toEqual(['D', 'E', 'F', 'G']);
    expect(p.columns.find((c) => c.col === 'H')!.hidden).toBe(true);
    expect(linesByKey(p)).toEqual(EXPECTED_LINES);
    const byRow = new Map(p.rows.map((r) => [r.row, r]));
    expect(byRow.get(8)).toMatchObject({ kind: 'total' });
    expect(byRow.get(9)).toMatchObject({ stt: 'I', kind: 'program', componentCode: 'DTTS', depth: 0 });
    expect(byRow.get(14)).toMatchObject({ stt: 'a', kind: 'component', componentCode: 'DTTS.DA4.TDA1', depth: 2, parentRow: 13 });
    expect(byRow.get(15)).toMatchObject({ kind: 'item', detail: true, parentRow: 14 });
    // "1.200,5" typed as text in a triệu-đồng table.
    expect(byRow.get(12)!.amounts.E).toBe(1_200_500_000);
    // "DA 4 - TDA 2" resolved under the program of its parent row.
    expect(byRow.get(20)).toMatchObject({ componentCode: 'GNBV.DA4.TDA2', confidence: 'high' });
    // The hidden row still counts, with a warning naming it.
    expect(byRow.get(16)).toMatchObject({ hidden: true, detail: true });
    expect(p.findings).toEqual([expect.objectContaining({ severity: 'W', code: 'IMPORT_HIDDEN_ROW', cell: 'B16' })]);
  });

  it('converts a TCVN3 workbook (.VnTime body, .VnTimeH titles shown in capitals) and a VNI one to the same Unicode content', async () => {
    const core = office();
    const unicode = await preview(core, fixture('tinh-giao-von-2024.xlsx'));
    for (const name of ['tcvn3-vntimeh.xlsx', 'vni-windows.xlsx']) {
      const p = await preview(core, fixture(name));
      expect(p.totalDong).toBe(TRANG_DINH_TOTAL);
      expect(linesByKey(p)).toEqual(EXPECTED_LINES);
      expect(p.rows.map((r) => r.name)).toEqual(unicode.rows.map((r) => r.name));
      expect(p.rows.find((r) => r.row === 16)!.name).toBe('Nhà văn hoá thôn Khuổi Khe, xã Đội Cấn');
      expect(p.cells.rows[1]![0]).toBe('KẾ HOẠCH VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM 2024');
      expect(p.findings).toContainEqual(expect.objectContaining({ severity: 'I', code: 'IMPORT_LEGACY_TEXT' }));
    }
  });

  it('names the cell of a subtotal that disagrees with its details, with expected and found đồng, and refuses to commit', async () => {
    const core = office();
    const bytes = fixture('tong-lech-chi-tiet.xlsx');
    const p = await preview(core, bytes);
    expect(p.canCommit).toBe(false);
    // One error at the wrong cell; the grand total (E8) and the row's total column (C17) disagree only because of it.
    expect(p.findings.filter((f) => f.severity === 'E')).toEqual([
      expect.objectContaining({ severity: 'E', rule: '2', cell: 'E17', expectedDong: 750_000_000, foundDong: 900_000_000, consequences: ['E8', 'C17'] }),
    ]);
    expect(p.findings.find((f) => f.cell === 'E17')!.message).toContain('900 triệu đồng');
    const refused = await commit(core, bytes, p);
    expect(refused).toMatchObject({ ok: false, error: { code: 'IMPORT_HAS_ERRORS' } });
    expect(count(core, 'assignment')).toBe(0);
    expect(count(core, 'exchange_log')).toBe(0);
  });

  it('treats a formula saved without its value as an error on that cell, never as zero', async () => {
    const p = await preview(office(), fixture('cong-thuc-chua-tinh.xlsx'));
    expect(p.canCommit).toBe(false);
    const cells = p.findings.filter((f) => f.code === 'IMPORT_BAD_AMOUNT').map((f) => f.cell);
    expect(cells).toContain('D9');
    expect(p.findings.find((f) => f.cell === 'D9')!.message).toContain('chưa có giá trị');
  });

  it('refuses another district\'s file, another year\'s file and duplicate rows with clear findings', async () => {
    const core = office();
    const other = await preview(core, fixture('huyen-van-quan.xlsx'));
    expect(other.findings).toContainEqual(expect.objectContaining({ severity: 'E', code: 'IMPORT_WRONG_DISTRICT', message: expect.stringContaining('Huyện Văn Quan') }));
    const year = await preview(core, fixture('tinh-giao-von-2024.xlsx'), { year: 2025 });
    expect(year.findings).toContainEqual(expect.objectContaining({ severity: 'E', code: 'IMPORT_WRONG_YEAR', message: expect.stringContaining('năm 2024') }));
    const dup = await preview(core, fixture('dong-trung.xlsx'));
    expect(dup.findings).toContainEqual(expect.objectContaining({ severity: 'E', code: 'IMPORT_DUPLICATE_ROW', cell: 'B25' }));
    for (const p of [other, year, dup]) expect(p.canCommit).toBe(false);
  });

  it('takes only the office\'s block from a province-wide file with one block per district', async () => {
    const block = (district: string, factor: number): TableRow => ({
      stt: district === 'Tràng Định' ? 'A' : 'B',
      name: `Huyện ${district}`,
      children: [{ stt: 'I', name: 'Chương trình MTQG xây dựng nông thôn mới', children: [{ stt: '1', name: 'Nội dung thành phần 2: Phát triển hạ tầng kinh tế - xã hội', amounts: [1000 * factor, null, 100 * factor, null] }] }],
    });
    const bytes = await provinceWorkbook({ district: 'Tràng Định', rows: [block('Văn Quan', 3), block('Tràng Định', 1)] });
    const p = await preview(office(), bytes);
    expect(p.totalDong).toBe(1_100_000_000);
    expect(linesByKey(p)).toEqual({ 'NTM.ND02 NSTW DTPT': 1_000_000_000, 'NTM.ND02 NST_DOIUNG DTPT': 100_000_000 });
    expect(p.canCommit).toBe(true);
  });
});

describe('committing an import', () => {
  it('writes the assignment lines in one transaction after a backup, with history and audit; the same file again is a no-op', async () => {
    const core = office();
    const bytes = fixture('tinh-giao-von-2024.xlsx');
    const p = await preview(core, bytes);
    expect(p.diff.every((d) => d.change === 'added')).toBe(true);
    const done = await commit(core, bytes, p);
    if (!done.ok) throw new Error(done.error.message);
    expect(done.value).toMatchObject({ noop: false, year: 2024, added: 13, changed: 0, detailLines: 9, totalDong: TRANG_DINH_TOTAL });
    expect(fs.existsSync(done.value.backupFile!)).toBe(true);
    const sheet = core.invoke('assignments.list', { year: 2024 });
    if (!sheet.ok) throw new Error(sheet.error.message);
    expect(sheet.value.totals.grandDong).toBe(TRANG_DINH_TOTAL);
    expect(sheet.value.lines).toHaveLength(13);
    expect(sheet.value.lines.every((l) => l.basisNumber === '2150/QĐ-UBND' && l.basisDate === '2023-12-15')).toBe(true);
    expect(core.db.prepare("SELECT result, line_count, total_dong FROM exchange_log").all()).toEqual([{ result: 'committed', line_count: 9, total_dong: TRANG_DINH_TOTAL }]);
    expect(count(core, 'audit_log')).toBeGreaterThan(0);
    expect(core.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE command = 'import.commit'").get()).toEqual({ n: 1 });

    const again = await preview(core, bytes);
    expect(again.noop?.message).toContain('đã được nhập');
    expect(again.canCommit).toBe(false);
    const before = core.db.prepare('SELECT * FROM assignment ORDER BY id').all();
    const second = await commit(core, bytes, again);
    expect(second).toMatchObject({ ok: true, value: { noop: true, added: 0, changed: 0 } });
    expect(core.db.prepare('SELECT * FROM assignment ORDER BY id').all()).toEqual(before);
    expect(core.db.prepare('SELECT result FROM exchange_log ORDER BY id').all()).toEqual([{ result: 'committed' }, { result: 'noop' }]);
  });

  it('shows what a changed file would change ("+150 triệu"), replaces those lines and keeps the others', async () => {
    const core = office();
    const first = fixture('tinh-giao-von-2024.xlsx');
    const p1 = await preview(core, first);
    expect((await commit(core, first, p1)).ok).toBe(true);
    const rows: TableRow[] = structuredClone(TRANG_DINH_2024);
    rows[1]!.children![2]!.amounts = [null, 600, null, 45]; // Dự án 5: NSTW SN 450 → 600 triệu
    rows[2]!.children!.pop(); // NTM.ND05 no longer in the file
    const bytes = await provinceWorkbook({ rows });
    const p2 = await preview(core, bytes);
    const changed = p2.diff.filter((d) => d.change === 'changed');
    expect(changed).toEqual([expect.objectContaining({ componentCode: 'GNBV.DA5', sourceCode: 'NSTW', capitalType: 'SN', beforeDong: 450_000_000, afterDong: 600_000_000 })]);
    expect(p2.diff.filter((d) => d.change === 'kept')).toEqual([expect.objectContaining({ componentCode: 'NTM.ND05', beforeDong: 250_000_000 })]);
    const done = await commit(core, bytes, p2);
    expect(done).toMatchObject({ ok: true, value: { added: 0, changed: 1 } });
    const sheet = core.invoke('assignments.list', { year: 2024 });
    if (!sheet.ok) throw new Error(sheet.error.message);
    expect(sheet.value.totals.grandDong).toBe(TRANG_DINH_TOTAL + 150_000_000);
  });

  it('a revised file that lists a component with blank cells takes its money away ("cleared"); one that leaves it out keeps it', async () => {
    const core = office();
    const first = fixture('tinh-giao-von-2024.xlsx');
    expect((await commit(core, first, await preview(core, first))).ok).toBe(true);
    const rows: TableRow[] = structuredClone(TRANG_DINH_2024);
    rows[2]!.children![1]!.amounts = [null, null, null, null]; // NTM.ND05 still listed, its 250 triệu blanked
    const bytes = await provinceWorkbook({ rows });
    const p = await preview(core, bytes);
    expect(p.diff.filter((d) => d.change !== 'same')).toEqual([expect.objectContaining({ componentCode: 'NTM.ND05', change: 'cleared', beforeDong: 250_000_000, afterDong: 0 })]);
    const done = await commit(core, bytes, p);
    expect(done, JSON.stringify(done)).toMatchObject({ ok: true, value: { added: 0, changed: 1 } });
    const sheet = core.invoke('assignments.list', { year: 2024 });
    if (!sheet.ok) throw new Error(sheet.error.message);
    expect(sheet.value.totals.grandDong).toBe(TRANG_DINH_TOTAL - 250_000_000);
    expect(sheet.value.lines.some((l) => l.componentCode === 'NTM.ND05')).toBe(false);
  });

  it('refuses a commit whose file differs from the confirmed preview', async () => {
    const core = office();
    const p = await preview(core, fixture('tinh-giao-von-2024.xlsx'));
    const other = fixture('vni-windows.xlsx');
    expect(await commit(core, other, p)).toMatchObject({ ok: false, error: { code: 'IMPORT_CHANGED' } });
    expect(count(core, 'assignment')).toBe(0);
  });

  it('asks for a mapping of a row it cannot name, and remembers the confirmed mapping for the same layout', async () => {
    const core = office();
    const rows: TableRow[] = structuredClone(TRANG_DINH_2024);
    rows[1]!.children!.push({ stt: '4', name: 'Hỗ trợ phát triển sản xuất trong lĩnh vực nông nghiệp (theo đề án của tỉnh)', amounts: [null, 120, null, null] });
    rows[1]!.children!.push({ stt: '5', name: 'Kinh phí khác của tỉnh giao', amounts: [null, 80, null, null] });
    const bytes = await provinceWorkbook({ rows });
    const first = await preview(core, bytes);
    const unmatched = first.findings.filter((f) => f.code === 'IMPORT_UNMATCHED_ROW');
    expect(unmatched.map((f) => f.cell)).toEqual(['B23']);
    expect(first.canCommit).toBe(false);
    const row = first.rows.find((r) => r.row === 23)!;
    const mapping: ImportMapping = { rows: { [row.key]: 'GNBV.DA3.TDA1' } };
    const mapped = await preview(core, bytes, { mapping });
    expect(mapped.canCommit).toBe(true);
    // Row 22 was named by its words; row 23 joins it on the officer's say.
    expect(mapped.rows.find((r) => r.row === 22)).toMatchObject({ componentCode: 'GNBV.DA3.TDA1' });
    expect(linesByKey(mapped)['GNBV.DA3.TDA1 NSTW SN']).toBe(200_000_000);
    expect((await commit(core, bytes, mapped, mapping)).ok).toBe(true);
    // Next time the same layout is recognized without asking.
    const next = await preview(core, bytes);
    expect(next.templateKnown).toBe(true);
    expect(next.findings.filter((f) => f.severity === 'E')).toEqual([]);
  });

  it('cancels a long read on request and writes nothing', async () => {
    const { manyDetailRows } = await import('../../fixtures/excel/province-workbooks');
    const core = office();
    const bytes = await provinceWorkbook({ rows: manyDetailRows(6000) });
    const running = analyze(core, bytes, { jobId: 'nhap-1' });
    expect(core.invoke('jobs.status', { jobId: 'nhap-1' })).toMatchObject({ ok: true, value: { jobId: 'nhap-1', label: 'Đọc tệp Excel' } });
    expect(core.invoke('jobs.cancel', { jobId: 'nhap-1' })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(core.invoke('jobs.status', { jobId: 'nhap-1' })).toEqual({ ok: true, value: null });
    expect(count(core, 'exchange_log')).toBe(0);
  });
});

describe('files that are not an assignment workbook', () => {
  async function refusedCode(bytes: Buffer): Promise<string> {
    const core = office();
    const result = await analyze(core, bytes);
    expect(count(core, 'assignment')).toBe(0);
    expect(count(core, 'exchange_log')).toBe(0);
    if (result.ok) return 'ok';
    expect(result.error.message).toMatch(/tệp|Tệp/);
    return result.error.code;
  }

  it('answers a clear error and writes nothing for text, a truncated workbook, an empty sheet and a sheet without a table', async () => {
    expect(await refusedCode(Buffer.from('STT;Nội dung;Số tiền\n1;Dự án;100\n'))).toBe('IMPORT_NOT_WORKBOOK');
    const good = fixture('tinh-giao-von-2024.xlsx');
    expect(await refusedCode(good.subarray(0, Math.floor(good.length / 2)))).toBe('IMPORT_TRUNCATED');
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet('Trống');
    expect(await refusedCode(Buffer.from(await empty.xlsx.writeBuffer()))).toBe('IMPORT_EMPTY');
    const noTable = new ExcelJS.Workbook();
    noTable.addWorksheet('Ghi chú').addRow(['Danh sách cán bộ', 'Nguyễn Văn A']);
    expect(await refusedCode(Buffer.from(await noTable.xlsx.writeBuffer()))).toBe('IMPORT_NO_TABLE');
  });
});

/** A small province sheet built cell by cell, for layouts the generator does not make. */
async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Biểu 1');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('what a careless reading would get wrong (review findings)', () => {
  it('refuses two amount columns of one source × capital type instead of adding them, and ignores "đã giao" / "điều chỉnh giảm" columns', async () => {
    const core = office();
    const plain = await sheet([
      ['KẾ HOẠCH VỐN NĂM 2024 - Huyện Tràng Định'],
      ['Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'NSTW vốn sự nghiệp (đợt 1)', 'NSTW vốn sự nghiệp (đợt 2)'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 500, 450],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 500, 450],
    ]);
    const p = await preview(core, plain);
    expect(p.findings).toContainEqual(expect.objectContaining({ severity: 'E', code: 'IMPORT_DUPLICATE_COLUMN' }));
    expect(p.columns.filter((c) => c.conflict).map((c) => c.col)).toEqual(['C', 'D']);
    const keyD = p.columns.find((c) => c.col === 'D')!.key;
    const chosen = await preview(core, plain, { mapping: { columns: { [keyD]: 'ignore' } } });
    expect(linesByKey(chosen)).toEqual({ 'GNBV.DA5 NSTW SN': 500_000_000 });
    const adjustment = await sheet([
      ['ĐIỀU CHỈNH KẾ HOẠCH VỐN NĂM 2024 - Huyện Tràng Định'],
      ['Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'Kế hoạch đã giao', 'Điều chỉnh giảm', 'Kế hoạch sau điều chỉnh'],
      ['', '', 'NSTW vốn sự nghiệp', 'NSTW vốn sự nghiệp', 'NSTW vốn sự nghiệp'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 500, 50, 450],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 500, 50, 450],
    ]);
    const adjusted = await preview(core, adjustment);
    expect(adjusted.columns.map((c) => [c.col, c.role])).toEqual(expect.arrayContaining([['C', 'ignore'], ['D', 'ignore'], ['E', 'amount']]));
    expect(linesByKey(adjusted)).toEqual({ 'GNBV.DA5 NSTW SN': 450_000_000 });
  });

  it('reads the plan year and the basis number from the right words, and stops at the place-and-date line', async () => {
    const p = await preview(office(), await sheet([
      ['(Kèm theo Quyết định số 2150/QĐ-UBND ngày 15 tháng 12 năm 2023 của UBND tỉnh Lạng Sơn)'],
      ['KẾ HOẠCH VỐN NĂM 2024 - Huyện Tràng Định'],
      ['Đơn vị: triệu đồng'],
      ['STT', 'Nội dung', 'NSTW vốn sự nghiệp'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 450],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 450],
      [null, null, 'Lạng Sơn, ngày 15 tháng 12 năm 2023'],
    ]), { year: undefined });
    expect(p).toMatchObject({ year: 2024, unit: 'trieu', document: { basisNumber: '2150/QĐ-UBND' }, canCommit: true });
    expect(p.findings.filter((f) => f.severity === 'E')).toEqual([]);
  });

  it('never lets a remembered or chosen unit override the unit the file declares', async () => {
    const core = office();
    const noUnit = await sheet([
      ['KẾ HOẠCH VỐN NĂM 2024 - Huyện Tràng Định'],
      ['STT', 'Nội dung', 'NSTW vốn sự nghiệp', 'NSTW vốn đầu tư phát triển'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 450, null],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 450, null],
      ['2', 'Kinh phí khác của tỉnh', null, 10],
    ]);
    const first = await preview(core, noUnit);
    const other = first.rows.find((r) => r.row === 5)!;
    const mapping: ImportMapping = { unit: 'trieu', rows: { [other.key]: 'GNBV.DA1.TDA1' } };
    const chosen = await preview(core, noUnit, { mapping });
    expect(chosen.canCommit).toBe(true);
    expect((await commit(core, noUnit, chosen, mapping)).ok).toBe(true);
    // The same layout, now saying "nghìn đồng": the remembered row choice applies, the unit is the file's.
    const thousands = await sheet([
      ['KẾ HOẠCH VỐN NĂM 2024 - Huyện Tràng Định'],
      ['STT', 'Nội dung', 'NSTW vốn sự nghiệp', 'NSTW vốn đầu tư phát triển'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 450, null],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 450, null],
      ['2', 'Kinh phí khác của tỉnh', null, 10],
      [null, 'Đơn vị tính: nghìn đồng'],
    ].slice(0, 1).concat([[null, 'Đơn vị tính: nghìn đồng']], [
      ['STT', 'Nội dung', 'NSTW vốn sự nghiệp', 'NSTW vốn đầu tư phát triển'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 450, null],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 450, null],
      ['2', 'Kinh phí khác của tỉnh', null, 10],
    ]));
    const next = await preview(core, thousands);
    expect(next).toMatchObject({ unit: 'nghin', totalDong: 460_000 });
    expect(next.mapping.rows).toBeDefined();
    // Choosing another unit than the file's is refused with the reason.
    const conflicting = await preview(core, thousands, { mapping: { unit: 'trieu' } });
    expect(conflicting.findings).toContainEqual(expect.objectContaining({ severity: 'E', code: 'IMPORT_UNIT_CONFLICT' }));
  });

  it('imports the same file again when the book changed since (lines deleted), noting the earlier import', async () => {
    const core = office();
    const bytes = fixture('tinh-giao-von-2024.xlsx');
    expect((await commit(core, bytes, await preview(core, bytes))).ok).toBe(true);
    const sheetNow = core.invoke('assignments.list', { year: 2024 });
    if (!sheetNow.ok) throw new Error(sheetNow.error.message);
    core.invoke('assignments.delete', { id: sheetNow.value.lines[0]!.id });
    const again = await preview(core, bytes);
    expect(again).toMatchObject({ noop: null, canCommit: true });
    expect(again.findings).toContainEqual(expect.objectContaining({ severity: 'I', code: 'IMPORT_SEEN_BEFORE' }));
    // The earlier import is dated as an officer in Vietnam read the clock: 08:00 UTC (the test clock) is 15:00.
    expect(again.findings.find((f) => f.code === 'IMPORT_SEEN_BEFORE')!.message).toContain('lúc 01/03/2024 15:00');
    expect(await commit(core, bytes, again)).toMatchObject({ ok: true, value: { added: 1 } });
  });
});

describe('a workbook with several tables', () => {
  it('reads the first by default, names the others, and reads the one chosen', async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet('Biểu 01 - ĐTPT');
    const second = wb.addWorksheet('Biểu 02 - SN');
    for (const r of [
      ['KẾ HOẠCH VỐN NĂM 2024 - Huyện Tràng Định'],
      ['Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'NSTW vốn đầu tư phát triển'],
      ['I', 'Chương trình MTQG xây dựng nông thôn mới', 5000],
      ['1', 'Nội dung thành phần 2: Phát triển hạ tầng kinh tế - xã hội', 5000],
    ]) first.addRow(r);
    for (const r of [
      ['DỰ TOÁN KINH PHÍ SỰ NGHIỆP NĂM 2024 - Huyện Tràng Định'],
      ['Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'NSTW vốn sự nghiệp'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 450],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 450],
    ]) second.addRow(r);
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const core = office();
    const byDefault = await preview(core, bytes);
    expect(byDefault).toMatchObject({ sheet: 'Biểu 01 - ĐTPT', sheets: ['Biểu 01 - ĐTPT', 'Biểu 02 - SN'] });
    expect(byDefault.findings).toContainEqual(expect.objectContaining({ code: 'IMPORT_OTHER_SHEETS', message: expect.stringContaining('"Biểu 02 - SN"') }));
    const result = await core.invokeAsync('import.analyze', { fileName: 'tinh.xlsx', base64: bytes.toString('base64'), year: 2024, sheet: 'Biểu 02 - SN' });
    if (!result.ok) throw new Error(result.error.message);
    expect(linesByKey(result.value)).toEqual({ 'GNBV.DA5 NSTW SN': 450_000_000 });
    expect(await core.invokeAsync('import.analyze', { fileName: 'tinh.xlsx', base64: bytes.toString('base64'), year: 2024, sheet: 'Biểu 9' })).toMatchObject({ ok: false, error: { code: 'IMPORT_NO_TABLE' } });
  });
});

describe('total columns named by their capital type', () => {
  it('"Tổng vốn sự nghiệp" over its sources is a total checked against them; alone it is the amount', async () => {
    const core = office();
    const withSources = await preview(core, await sheet([
      ['KẾ HOẠCH VỐN NĂM 2024 - Huyện Tràng Định'],
      ['Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'Tổng vốn sự nghiệp', 'NSTW vốn sự nghiệp', 'NS tỉnh vốn sự nghiệp'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 495, 450, 45],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 495, 450, 45],
    ]));
    expect(withSources.columns.find((c) => c.col === 'C')).toMatchObject({ role: 'total', covers: ['D', 'E'] });
    expect(withSources.findings.filter((f) => f.severity === 'E')).toEqual([]);
    expect(linesByKey(withSources)).toEqual({ 'GNBV.DA5 NSTW SN': 450_000_000, 'GNBV.DA5 NST_DOIUNG SN': 45_000_000 });
    const alone = await preview(core, await sheet([
      ['KẾ HOẠCH VỐN NGÂN SÁCH TRUNG ƯƠNG NĂM 2024 - Huyện Tràng Định'],
      ['Đơn vị tính: triệu đồng'],
      ['STT', 'Nội dung', 'Tổng vốn sự nghiệp'],
      ['I', 'Chương trình MTQG giảm nghèo bền vững', 450],
      ['1', 'Dự án 5: Hỗ trợ nhà ở cho hộ nghèo', 450],
    ]));
    expect(linesByKey(alone)).toEqual({ 'GNBV.DA5 NSTW SN': 450_000_000 });
  });
});
