// The exchange package end to end over real SQLite files and real workbooks: the demo office's year exported,
// imported into a fresh office of the same district, and the ledger compared value by value; then every refusal.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { PLAN_DIMENSIONS, type PlanDimension } from '../../../shared/api/ledger';
import type { Result } from '../../../shared/api/result';
import { count, tempDir, testCore } from '../../support/helpers';
import { call, ISSUE_TEXT, officeCore } from '../../support/ledger-helpers';

/** Tràng Định (GSO 180), the demo office's district; Lộc Bình (188) is another district of Lạng Sơn. */
const TRANG_DINH = '180';
const LOC_BINH = '188';
const YEAR = 2024;
const INJECTION = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)'];
/** The API trims text, but a note may come from elsewhere: stored as the left, a cell holds the right (CR is a line end). */
const CONTROL_LEADS: [string, string][] = [
  ['\t=1+2', '\t=1+2'],
  ['\r@SUM(A1)', '\n@SUM(A1)'],
];

function seeded(): Core {
  const core = testCore();
  call(core, 'demo.seed', {});
  return core;
}

function exportOf(core: Core) {
  return core.invokeAsync('exchange.exportPackage', { year: YEAR }).then((r) => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  });
}

function importInto(core: Core, base64: string, fileName = 'goi.xlsx') {
  return core.invokeAsync('exchange.importPackage', { fileName, base64 });
}

async function expectError<T>(result: Promise<Result<T>>, code: string): Promise<string> {
  const r = await result;
  expect(r.ok, r.ok ? 'expected an error' : '').toBe(false);
  if (r.ok) return '';
  expect(r.error.code, r.error.message).toBe(code);
  return r.error.message;
}

const TABLES = ['assignment', 'decision', 'decision_line', 'ledger_fold', 'organization', 'investment_project', 'exchange_log', 'audit_log'] as const;
const counts = (core: Core) => Object.fromEntries(TABLES.map((t) => [t, count(core, t)])) as Record<(typeof TABLES)[number], number>;

/** A deep copy without the database's own ids (they differ between offices); values only. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['id', 'componentId', 'projectId', 'predecessorId', 'signerId', 'createdAt', 'updatedAt'].includes(k))
        .map(([k, v]) => [k, withoutIds(v)]),
    );
  }
  return value;
}

/** Every subset of one or two plan dimensions, all of them together, and none. */
function groupings(): PlanDimension[][] {
  const dims = [...PLAN_DIMENSIONS];
  const pairs = dims.flatMap((a, i) => dims.slice(i + 1).map((b) => [a, b]));
  return [[], ...dims.map((d) => [d]), ...pairs, dims];
}

function decisionsOf(core: Core) {
  return call(core, 'decisions.list', { year: YEAR, status: 'issued' }).map((h) => {
    const doc = call(core, 'decisions.get', { id: h.id });
    const predecessor = h.predecessorId === null ? null : call(core, 'decisions.get', { id: h.predecessorId }).header.numberText;
    return { ...(withoutIds(doc) as object), predecessor };
  });
}

async function workbookOf(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return wb;
}

async function base64Of(wb: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** The row of a sheet whose column holds a value. */
function rowWith(ws: ExcelJS.Worksheet, column: number, value: unknown): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, column).value === value) return r;
  throw new Error(`${String(value)} not found on ${ws.name}`);
}

describe('exchange package (gói trao đổi)', () => {
  it('the demo year exported and imported into a fresh office of the same district gives the same assignments, plan and balance', async () => {
    const source = seeded();
    const exported = await exportOf(source);
    expect(exported.fileName).toBe('goi-trao-doi-180-nam-2024.xlsx');
    expect(exported.sha256).toMatch(/^[0-9a-f]{64}$/);

    const target = officeCore(TRANG_DINH);
    const before = counts(target);
    const result = await importInto(target, exported.base64, exported.fileName);
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    const summary = result.ok ? result.value : null;
    // 14 + 3 NS tỉnh đối ứng SN assignment lines; QĐ 215, NQ 28 and NQ 19 with 17 + 2 + 6 = 25 lines; the investor and
    // five units (PGD&ĐT, NN&PTNT, TT GDNN-GDTX, LĐTBXH, and Trung tâm Y tế named by NQ 19 only).
    expect(summary).toMatchObject({ year: YEAR, noop: false, sha256: exported.sha256, counts: { assignments: 17, decisions: 3, decisionLines: 25, projects: 1, organizations: 6 } });
    // 3.850 + 6.120 + 28.450 + 2.845 + 1.730 + 2.215,5 + 4.120 + 9.870 + 1.540 + 1.120 + 7.650 + 765 + 980 + 450 = 71.705,5 triệu,
    // + 221,55 + 154 + 98 (NS tỉnh đối ứng SN) = 72.179,05 triệu
    expect(summary!.totalDong).toBe(72_179_050_000);
    expect(summary!.message).toContain('17 dòng vốn được giao, tổng 72.179.050.000 đồng');

    expect(withoutIds(call(target, 'assignments.list', { year: YEAR }))).toEqual(withoutIds(call(source, 'assignments.list', { year: YEAR })));
    for (const asOf of ['2024-03-14', '2024-03-15', '2024-06-30', '2024-07-25', '2024-12-31']) {
      for (const groupBy of groupings()) {
        const plan = (core: Core) => withoutIds(call(core, 'ledger.plan', { year: YEAR, asOf, groupBy }));
        expect(plan(target), `${asOf} ${groupBy.join(',')}`).toEqual(plan(source));
      }
      expect(call(target, 'ledger.balance', { year: YEAR, asOf })).toEqual(call(source, 'ledger.balance', { year: YEAR, asOf }));
    }
    expect(call(target, 'ledger.balance', { year: YEAR })).toEqual(call(source, 'ledger.balance', { year: YEAR }));
    expect(decisionsOf(target)).toEqual(decisionsOf(source));
    expect(withoutIds(call(target, 'projects.list', {}))).toEqual(withoutIds(call(source, 'projects.list', {})));

    // The fold the issue trigger keeps is the same sum per finest key, compared by codes.
    const fold = (core: Core) =>
      core.db
        .prepare(
          `SELECT c.code, COALESCE(u.code, '') AS unit, COALESCE(o.name, '') AS org, COALESCE(p.code, '') AS project, f.source_code, f.capital_type, f.origin_year, f.amount_dong
           FROM ledger_fold f JOIN component c ON c.id = f.component_id LEFT JOIN admin_unit u ON u.id = f.recipient_unit_id
           LEFT JOIN organization o ON o.id = f.recipient_org_id LEFT JOIN investment_project p ON p.id = f.project_id
           ORDER BY 1, 2, 3, 4, 5, 6, 7`,
        )
        .all();
    expect(fold(target)).toEqual(fold(source));

    // One history row (committed) that every imported assignment points to, one audit row, nothing else written.
    const after = counts(target);
    expect(after).toEqual({ ...before, assignment: 17, decision: 3, decision_line: 25, ledger_fold: fold(source).length, organization: 6, investment_project: 1, exchange_log: 1, audit_log: before.audit_log + 1 });
    const log = target.db.prepare('SELECT * FROM exchange_log').get() as { id: number; direction: string; kind: string; result: string; sha256: string; line_count: number; total_dong: number };
    expect(log).toMatchObject({ direction: 'import', kind: 'package', result: 'committed', sha256: exported.sha256, line_count: 17, total_dong: 72_179_050_000 });
    expect(count(target, 'assignment') - (target.db.prepare('SELECT COUNT(*) AS n FROM assignment WHERE exchange_id = ?').get(log.id) as { n: number }).n).toBe(0);
    const audit = target.db.prepare('SELECT command, entity, entity_id FROM audit_log ORDER BY id DESC LIMIT 1').get();
    expect(audit).toEqual({ command: 'exchange.importPackage', entity: 'exchange_log', entity_id: log.id });

    // The export is in the source's history; the target's history lists the import, newest first.
    expect(call(source, 'exchange.history', { year: YEAR })).toEqual([expect.objectContaining({ direction: 'export', kind: 'package', result: 'exported', sha256: exported.sha256, lineCount: 17 })]);
    expect(call(target, 'exchange.history', {})).toEqual([expect.objectContaining({ direction: 'import', result: 'committed', fileName: exported.fileName })]);
  });

  it('a predecessor, a district-level recipient and registers the target already holds: remapped, reused, the same ledger', async () => {
    const source = seeded();
    const adjustment = call(source, 'decisions.create', { year: YEAR, kind: 'dieu_chinh', issuer: 'UBND', docDate: '2024-10-15', predecessorId: 1, summary: 'Điều chỉnh (thử)' }).header.id;
    call(source, 'decisions.lines.apply', {
      decisionId: adjustment,
      changes: [
        { op: 'add', line: { componentCode: 'DTTS.DA1.ND2', recipient: { kind: 'commune', code: '06001' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: -50_000_000 }, reasonCode: 'KHAC', note: 'Chuyển về huyện' } },
        { op: 'add', line: { componentCode: 'DTTS.DA1.ND2', recipient: { kind: 'district' }, sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 50_000_000 } } },
      ],
    });
    const issued = source.invoke('decisions.issue', { id: adjustment, docDate: '2024-10-15', signerId: 1, number: 301, ...ISSUE_TEXT });
    expect(issued.ok, issued.ok ? '' : issued.error.message).toBe(true);
    const exported = await exportOf(source);

    const target = officeCore(TRANG_DINH);
    call(target, 'organizations.create', { kind: 'investor', name: 'Ban Quản lý dự án đầu tư xây dựng huyện Tràng Định' });
    const result = await importInto(target, exported.base64);
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
    // The demo's 3 decisions with 25 lines, plus the adjustment with 2; 6 organizations, the investor already there.
    expect(result.ok && result.value.counts).toMatchObject({ decisions: 4, decisionLines: 27, organizations: 5, projects: 1 });
    expect(count(target, 'organization')).toBe(6);
    expect(decisionsOf(target)).toEqual(decisionsOf(source));
    const latest = call(target, 'decisions.list', { year: YEAR, status: 'issued' }).find((h) => h.number === 301)!;
    expect(call(target, 'decisions.get', { id: latest.predecessorId! }).header.numberText).toBe('215/QĐ-UBND');
    for (const groupBy of groupings()) {
      const plan = (core: Core) => withoutIds(call(core, 'ledger.plan', { year: YEAR, asOf: '2024-12-31', groupBy }));
      expect(plan(target), groupBy.join(',')).toEqual(plan(source));
    }
    expect(call(target, 'ledger.balance', { year: YEAR })).toEqual(call(source, 'ledger.balance', { year: YEAR }));
  });

  it('readable sheets: Vietnamese headers, đồng formats, frozen headers, A4 landscape, and a very hidden manifest', async () => {
    const exported = await exportOf(seeded());
    const wb = await workbookOf(exported.base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Vốn được giao', 'Quyết định', 'Chi tiết quyết định', 'Dự án', 'Đơn vị, chủ đầu tư', 'Lời văn', 'Giải ngân', 'manifest']);
    // Format 3: the year's disbursement, every cut-off, with the codes that attribute it (Đề Thám's June figure).
    const disbursed = wb.getWorksheet('Giải ngân')!;
    expect(disbursed.getCell(3, 12).value).toBe('Lũy kế giải ngân (đồng)');
    const deTham = rowWith(disbursed, 7, '06046');
    expect([disbursed.getCell(deTham, 1).value, disbursed.getCell(deTham, 3).value, disbursed.getCell(deTham, 9).value, disbursed.getCell(deTham, 12).value]).toEqual([new Date(Date.UTC(2024, 0, 31)), 'NTM.ND05', 'NSTW', 16_000_000]);
    const assigned = wb.getWorksheet('Vốn được giao')!;
    expect(assigned.getCell(3, 9).value).toBe('Số tiền (đồng)');
    expect(assigned.getCell(4, 9)).toMatchObject({ value: 3_850_000_000, numFmt: '#,##0' });
    expect(assigned.getCell(4, 11).value).toEqual(new Date(Date.UTC(2023, 11, 12)));
    expect(assigned.getCell(4, 11).numFmt).toBe('dd/mm/yyyy');
    expect(assigned.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(assigned.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, printTitlesRow: '3:3' });
    const decisions = wb.getWorksheet('Quyết định')!;
    // By date: QĐ 215 (15/3), NQ 19 (25/7), NQ 28 (20/9); none adjusts another document.
    expect([4, 5, 6].map((r) => decisions.getCell(r, 1).value)).toEqual(['215/QĐ-UBND (2024)', '19/NQ-HĐND (2024)', '28/NQ-HĐND (2024)']);
    expect([4, 5, 6].map((r) => decisions.getCell(r, 12).value)).toEqual([null, null, null]);
    const lines = wb.getWorksheet('Chi tiết quyết định')!;
    const decrease = rowWith(lines, 16, 'KHONG_CON_DOI_TUONG');
    expect([lines.getCell(decrease, 14).value, lines.getCell(decrease, 15).value]).toEqual([-300_000_000, 450_000_000]);
    const manifest = wb.getWorksheet('manifest')!;
    expect(manifest.state).toBe('veryHidden');
    const entries = Object.fromEntries(manifest.getSheetValues().flatMap((row) => (Array.isArray(row) ? [[row[1], row[2]]] : [])));
    expect(entries).toMatchObject({
      format: 'sovon-package',
      formatVersion: 3,
      districtCode: '180',
      officeName: 'Phòng Tài chính - Kế hoạch huyện Tràng Định',
      year: 2024,
      kind: 'year',
      'rows:Vốn được giao': 17,
      'rows:Quyết định': 3,
      'rows:Chi tiết quyết định': 25,
      'rows:Dự án': 1,
      'rows:Đơn vị, chủ đầu tư': 6,
      'rows:Lời văn': 3,
      // The sample's monthly disbursement, January–June: 17 keys × 6 cut-offs (format 3).
      'rows:Giải ngân': 102,
      dataSha256: exported.sha256,
    });
  });

  it('user text starting with = + - @ (or a tab, a line break) is written as text, never a formula: exceljs and openpyxl read string cells', async () => {
    const source = seeded();
    for (const note of [...INJECTION, ...CONTROL_LEADS.map(([stored]) => stored)]) {
      const { line } = call(source, 'assignments.create', { year: YEAR, componentCode: 'NTM.ND05', sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1_000_000 }, note: 'x' });
      source.db.prepare('UPDATE assignment SET note = ? WHERE id = ?').run(note, line!.id);
    }
    const exported = await exportOf(source);
    const ws = (await workbookOf(exported.base64)).getWorksheet('Vốn được giao')!;
    const expected = [...INJECTION, ...CONTROL_LEADS.map(([, cell]) => cell)];
    const rows = expected.map((note) => rowWith(ws, 13, note));
    for (const r of rows) {
      const cell = ws.getCell(r, 13);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    const file = path.join(tempDir('sovon-package-'), exported.fileName);
    fs.writeFileSync(file, Buffer.from(exported.base64, 'base64'));
    if (spawnSync('/usr/bin/python3', ['-c', 'import openpyxl']).status !== 0) {
      console.warn('openpyxl is missing (Debian python3-openpyxl): the second reader of the injection test is skipped.');
    } else {
      const script = `import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Vốn được giao']
print(json.dumps([[ws.cell(int(r), 13).value, ws.cell(int(r), 13).data_type] for r in sys.argv[2:]], ensure_ascii=False))`;
      const read = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, file, ...rows.map(String)], { encoding: 'utf8' })) as [string, string][];
      expect(read).toEqual(expected.map((note) => [note, 's']));
    }
    // The same text comes back through an import.
    const target = officeCore(TRANG_DINH);
    expect((await importInto(target, exported.base64)).ok).toBe(true);
    const notes = call(target, 'assignments.list', { year: YEAR }).lines.map((l) => l.note);
    for (const note of expected) expect(notes).toContain(note);
  });

  it('a package re-saved without changes (exceljs, LibreOffice) still imports: the hash covers the values, not the bytes', async () => {
    const exported = await exportOf(seeded());
    const resaved = await base64Of(await workbookOf(exported.base64));
    expect(resaved).not.toBe(exported.base64);
    expect((await importInto(officeCore(TRANG_DINH), resaved)).ok).toBe(true);

    const dir = tempDir('sovon-lo-');
    const file = path.join(dir, 'goi.xlsx');
    fs.writeFileSync(file, Buffer.from(exported.base64, 'base64'));
    const outDir = path.join(dir, 'out');
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'xlsx', '--outdir', outDir, file], { stdio: 'pipe', timeout: 110_000 });
    const viaLibreOffice = fs.readFileSync(path.join(outDir, 'goi.xlsx')).toString('base64');
    const result = await importInto(officeCore(TRANG_DINH), viaLibreOffice);
    expect(result.ok, result.ok ? '' : result.error.message).toBe(true);
  }, 120_000);

  it('one amount changed after export: PACKAGE_TAMPERED, the officer is told the file was edited, nothing written', async () => {
    const exported = await exportOf(seeded());
    const wb = await workbookOf(exported.base64);
    const cell = wb.getWorksheet('Vốn được giao')!.getCell(4, 9);
    cell.value = (cell.value as number) + 1_000_000;
    const target = officeCore(TRANG_DINH);
    const before = counts(target);
    const message = await expectError(importInto(target, await base64Of(wb), 'goi-da-sua.xlsx'), 'PACKAGE_TAMPERED');
    expect(message).toContain('đã bị sửa sau khi xuất');
    expect(counts(target)).toEqual(before);

    // A formula typed over a value, a row added, or the manifest's year changed are tampering too.
    const formula = await workbookOf(exported.base64);
    formula.getWorksheet('Vốn được giao')!.getCell(4, 9).value = { formula: '3850000000', result: 3_850_000_000 } as ExcelJS.CellFormulaValue;
    await expectError(importInto(target, await base64Of(formula)), 'PACKAGE_TAMPERED');
    const added = await workbookOf(exported.base64);
    added.getWorksheet('Dự án')!.getCell(5, 1).value = 'TD-2024-99';
    await expectError(importInto(target, await base64Of(added)), 'PACKAGE_TAMPERED');
    const otherYear = await workbookOf(exported.base64);
    const manifest = otherYear.getWorksheet('manifest')!;
    manifest.getCell(rowWith(manifest, 1, 'year'), 2).value = 2025;
    await expectError(importInto(target, await base64Of(otherYear)), 'PACKAGE_TAMPERED');
    expect(counts(target)).toEqual(before);
  });

  it('a package of another district: IMPORT_WRONG_OFFICE naming both, nothing written', async () => {
    const exported = await exportOf(seeded());
    const target = officeCore(LOC_BINH);
    const before = counts(target);
    const message = await expectError(importInto(target, exported.base64), 'IMPORT_WRONG_OFFICE');
    expect(message).toContain('Huyện Tràng Định (mã 180)');
    expect(message).toContain('Huyện Lộc Bình (mã 188)');
    expect(counts(target)).toEqual(before);
  });

  it('the same package imported twice: the second is a no-op with a clear message and a noop history row', async () => {
    const exported = await exportOf(seeded());
    const target = officeCore(TRANG_DINH);
    expect((await importInto(target, exported.base64, 'lan-1.xlsx')).ok).toBe(true);
    const before = counts(target);
    const second = await importInto(target, exported.base64, 'lan-2.xlsx');
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.value).toMatchObject({ noop: true, counts: { assignments: 0, decisions: 0 }, totalDong: 0 });
    // Stored at 08:00 UTC (the test clock), said in Vietnam's time: 15:00.
    expect(second.value.message).toContain('đã được nhập lúc 01/03/2024 15:00 từ tệp "lan-1.xlsx"; không ghi gì thêm');
    expect(counts(target)).toEqual({ ...before, exchange_log: before.exchange_log + 1, audit_log: before.audit_log + 1 });
    expect(call(target, 'exchange.history', { year: YEAR }).map((r) => r.result)).toEqual(['noop', 'committed']);
  });

  it('refuses a year that already has data, a newer format, a workbook that is no package, and bytes that are no workbook', async () => {
    const source = seeded();
    const exported = await exportOf(source);
    const before = counts(source);
    const message = await expectError(importInto(source, exported.base64), 'PACKAGE_TARGET_NOT_EMPTY');
    expect(message).toContain('Năm 2024 của văn phòng này đã có 17 dòng vốn được giao và 3 quyết định đã ban hành');
    expect(counts(source)).toEqual(before);

    const target = officeCore(TRANG_DINH);
    const newer = await workbookOf(exported.base64);
    const manifest = newer.getWorksheet('manifest')!;
    manifest.getCell(rowWith(manifest, 1, 'formatVersion'), 2).value = 4;
    expect(await expectError(importInto(target, await base64Of(newer)), 'PACKAGE_VERSION')).toContain('phiên bản mới hơn');

    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').getCell(1, 1).value = 'Vốn được giao';
    await expectError(importInto(target, await base64Of(plain)), 'PACKAGE_INVALID');
    await expectError(importInto(target, Buffer.from('không phải Excel').toString('base64')), 'IMPORT_NOT_WORKBOOK');
    expect(count(target, 'exchange_log')).toBe(0);
  });

  it('a year with nothing to export is refused with a clear message', async () => {
    const core = officeCore(TRANG_DINH);
    await expectError(core.invokeAsync('exchange.exportPackage', { year: 2023 }), 'NOT_FOUND');
    expect(count(core, 'exchange_log')).toBe(0);
  });
});
