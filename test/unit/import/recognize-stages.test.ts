/**
 * The stages of recognizeSheet (electron/core/import/recognize/), each on a small hand-built sheet or row set:
 * what it settles and the findings it reports, in Vietnamese, at the cell.
 */
import { describe, expect, it } from 'vitest';
import type { ImportColumn, ImportRow } from '../../../shared/api/import';
import type { ImportFinding } from '../../../shared/api/findings';
import type { ComponentOption } from '../../../shared/api/reference';
import { CatalogMatcher } from '../../../electron/core/import/catalog-match';
import type { HeaderBlock } from '../../../electron/core/import/header';
import { flagDuplicateColumns, flagUnplacedColumns } from '../../../electron/core/import/recognize/column-checks';
import { collectDataRows } from '../../../electron/core/import/recognize/data-rows';
import { flagUnsureMatches, markDetailRows } from '../../../electron/core/import/recognize/detail-rows';
import { confineToDistrictBlock, districtInTitle, districtOfFile } from '../../../electron/core/import/recognize/district';
import { noteBadAddresses, noteComputedCells, noteLegacyText } from '../../../electron/core/import/recognize/file-notes';
import { layoutFingerprint } from '../../../electron/core/import/recognize/fingerprint';
import { assignmentLines } from '../../../electron/core/import/recognize/lines';
import { nameRows } from '../../../electron/core/import/recognize/name-rows';
import type { Report } from '../../../electron/core/import/recognize/report';
import { readRowAmounts } from '../../../electron/core/import/recognize/row-amounts';
import { rowView } from '../../../electron/core/import/recognize/row-view';
import { shapeTree } from '../../../electron/core/import/recognize/tree';
import { settleUnit } from '../../../electron/core/import/recognize/unit';
import { settleYear } from '../../../electron/core/import/recognize/year';
import { SheetText } from '../../../electron/core/import/sheet-text';
import type { TitleFacts } from '../../../electron/core/import/title';
import { sheetOf } from './sheet-builder';

type Found = Omit<ImportFinding, 'sheet'>;
function collector(): { found: Found[]; report: Report } {
  const found: Found[] = [];
  return { found, report: (f) => found.push(f) };
}

const HEADER: HeaderBlock = { top: 4, bottom: 5, sttCol: 1, nameCol: 2, numberRow: null, numberTokens: new Map(), firstDataRow: 6 };
const TRANG_DINH = { code: '180', name: 'Huyện Tràng Định' };
const LOC_BINH = { code: '188', name: 'Huyện Lộc Bình' };

function title(over: Partial<TitleFacts> = {}): TitleFacts {
  return { unit: null, unitCell: null, year: null, folded: '', title: '', basisNumber: '', basisDate: null, basisIssuer: '', ...over };
}

function column(col: string, over: Partial<ImportColumn> = {}): ImportColumn {
  return { col, label: `Cột ${col}`, key: col, role: 'amount', sourceCode: 'NSTW', capitalType: 'DTPT', covers: [], hidden: false, ...over };
}

function row(n: number, over: Partial<ImportRow> = {}): ImportRow {
  return { row: n, stt: '', name: `Dòng ${n}`, depth: 0, parentRow: null, kind: 'component', componentCode: null, componentName: null, confidence: 'high', key: String(n), amounts: {}, hidden: false, detail: false, ...over };
}

function option(code: string, name: string, depth: number, programCode: string): ComponentOption {
  return { id: 0, code, programCode, parentCode: depth === 0 ? null : programCode, level: String(depth), levelLabel: '', name, depth, periodCode: '2021-2025', allowedCapitalTypes: ['DTPT', 'SN'], openParent: false };
}

describe('unit stage', () => {
  it('keeps the unit the title declares over a chosen one, with an error at the title cell', () => {
    const { found, report } = collector();
    const text = new SheetText(sheetOf({ A4: 'STT' }));
    expect(settleUnit(text, HEADER, title({ unit: 'trieu', unitCell: 'E2' }), 'nghin', report)).toBe('trieu');
    expect(found).toMatchObject([{ severity: 'E', code: 'IMPORT_UNIT_CONFLICT', cell: 'E2' }]);
    expect(found[0]!.message).toContain('triệu đồng');
  });

  it('reads "(triệu đồng)" from the header block when the title says none', () => {
    const { found, report } = collector();
    const text = new SheetText(sheetOf({ A4: 'STT', C5: 'Tổng số (triệu đồng)' }));
    expect(settleUnit(text, HEADER, title(), undefined, report)).toBe('trieu');
    expect(found).toEqual([]);
  });

  it('without any unit says so and asks the officer to choose one', () => {
    const { found, report } = collector();
    expect(settleUnit(new SheetText(sheetOf({ A4: 'STT' })), HEADER, title(), undefined, report)).toBeNull();
    expect(found).toMatchObject([{ severity: 'E', code: 'IMPORT_NO_UNIT', cell: null }]);
  });
});

describe('year stage', () => {
  it('takes the year being imported over another year in the title, with an error', () => {
    const { found, report } = collector();
    expect(settleYear({ year: 2023, title: 'Giao vốn năm 2023' }, 2024, report)).toBe(2024);
    expect(found).toMatchObject([{ code: 'IMPORT_WRONG_YEAR' }]);
    expect(found[0]!.message).toContain('năm 2023');
  });

  it("takes the title's year, else the hint, else reports none", () => {
    const a = collector();
    expect(settleYear({ year: 2024, title: '' }, null, a.report)).toBe(2024);
    expect(settleYear({ year: null, title: '' }, 2025, a.report)).toBe(2025);
    expect(a.found).toEqual([]);
    const b = collector();
    expect(settleYear({ year: null, title: '' }, null, b.report)).toBeNull();
    expect(b.found).toMatchObject([{ code: 'IMPORT_NO_YEAR' }]);
  });
});

describe('district stages', () => {
  it("refuses a title naming another district, not one naming the office's", () => {
    const other = collector();
    const td = districtInTitle('giao von huyen loc binh nam 2024', TRANG_DINH, [LOC_BINH], other.report);
    expect(td).toMatchObject({ titleNamesOurs: false, otherInTitle: LOC_BINH });
    expect(other.found).toMatchObject([{ code: 'IMPORT_WRONG_DISTRICT' }]);
    const ours = collector();
    expect(districtInTitle('giao von huyen trang dinh nam 2024', TRANG_DINH, [LOC_BINH], ours.report).titleNamesOurs).toBe(true);
    expect(ours.found).toEqual([]);
  });

  it("in a province-wide file ignores every row outside the office's block", () => {
    const rows = new Map([
      [6, row(6, { kind: 'ignored', name: 'Huyện Lộc Bình' })],
      [7, row(7, { parentRow: 6 })],
      [8, row(8, { kind: 'district', name: 'Huyện Tràng Định' })],
      [9, row(9, { parentRow: 8 })],
      [10, row(10)],
    ]);
    const { found, report } = collector();
    confineToDistrictBlock(rows, 1, TRANG_DINH, report);
    expect([...rows.values()].map((r) => r.kind)).toEqual(['ignored', 'ignored', 'district', 'component', 'ignored']);
    expect(found).toEqual([]);
    expect(districtOfFile(rows.values(), { titleNamesOurs: false, otherInTitle: undefined }, TRANG_DINH)).toBe('Huyện Tràng Định');
  });

  it("reports a file with other districts' blocks and none of the office's", () => {
    const rows = new Map([[6, row(6, { kind: 'ignored' })]]);
    const { found, report } = collector();
    confineToDistrictBlock(rows, 1, TRANG_DINH, report);
    expect(found).toMatchObject([{ code: 'IMPORT_WRONG_DISTRICT' }]);
    expect(found[0]!.message).toContain('không có Huyện Tràng Định');
  });
});

describe('column stages', () => {
  it('marks two amount columns of one source × capital type as a conflict, at the header', () => {
    const columns = [column('C'), column('D'), column('E', { capitalType: 'SN' })];
    const { found, report } = collector();
    flagDuplicateColumns(columns, HEADER, report);
    expect(columns.map((c) => c.conflict ?? false)).toEqual([true, true, false]);
    expect(found).toMatchObject([{ code: 'IMPORT_DUPLICATE_COLUMN', cell: 'C5' }]);
  });

  it('reports an unplaced column only when a counted row uses it, and every hidden amount column', () => {
    const text = new SheetText(sheetOf({ F7: 5, G9: 1 }));
    const columns = [column('C', { hidden: true }), column('F', { role: 'unknown', hidden: true }), column('G', { role: 'unknown' })];
    const { found, report } = collector();
    flagUnplacedColumns(text, HEADER, columns, [row(7)], report);
    expect(found.map((f) => [f.code, f.cell])).toEqual([
      ['IMPORT_UNKNOWN_COLUMN', 'F5'],
      ['IMPORT_HIDDEN_COLUMN', 'F5'],
      ['IMPORT_HIDDEN_COLUMN', 'C5'],
    ]);
  });
});

describe('rows and tree stages', () => {
  it('collects rows with a name, an STT or a value, up to the signature block', () => {
    const text = new SheetText(sheetOf({ A6: 'I', B6: 'Chương trình', C8: 12, A10: '1', B10: 'Dự án 1', B12: 'Người lập biểu', B13: 'Dòng sau chữ ký' }));
    const rows = collectDataRows(text, HEADER, [column('C')]);
    expect(rows).toEqual([
      { row: 6, stt: 'I', name: 'Chương trình', folded: 'chuong trinh' },
      { row: 8, stt: '', name: '', folded: '' },
      { row: 10, stt: '1', name: 'Dự án 1', folded: 'du an 1' },
    ]);
  });

  it('stops after more than 20 empty rows once rows were found', () => {
    const text = new SheetText(sheetOf({ B6: 'Một', B28: 'Sau 21 dòng trống' }));
    expect(collectDataRows(text, HEADER, []).map((r) => r.row)).toEqual([6]);
    const near = new SheetText(sheetOf({ B6: 'Một', B27: 'Sau 20 dòng trống' }));
    expect(collectDataRows(near, HEADER, []).map((r) => r.row)).toEqual([6, 27]);
  });

  it('sets the totals row apart and hangs the others under their STT parents', () => {
    const tree = shapeTree([
      { row: 6, stt: '', name: 'Tổng cộng', folded: 'tong cong' },
      { row: 7, stt: 'I', name: 'A', folded: 'a' },
      { row: 8, stt: '1', name: 'B', folded: 'b' },
      { row: 9, stt: '2', name: 'C', folded: 'c' },
      { row: 10, stt: 'II', name: 'D', folded: 'd' },
    ]);
    expect(tree.totalRows.map((r) => r.row)).toEqual([6]);
    expect([...tree.parents]).toEqual([[7, null], [8, 7], [9, 7], [10, null]]);
    expect([...tree.children]).toEqual([[7, [8, 9]]]);
  });
});

describe('amount and naming stages', () => {
  it("reads a row's amounts in the unit, rounding with a warning and refusing text", () => {
    const text = new SheetText(sheetOf({ C7: 1.5, D7: 0.0000001, E7: 'mười' }));
    const { found, report } = collector();
    const amounts = readRowAmounts(text, 7, [column('C'), column('D'), column('E'), column('F')], 'trieu', report);
    expect(amounts).toEqual({ C: 1_500_000, D: 0, E: null, F: null });
    expect(found.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ['W', 'IMPORT_ROUNDED', 'D7'],
      ['E', 'IMPORT_BAD_AMOUNT', 'E7'],
    ]);
  });

  it('names the program, its components and their detail items, and counts another district as ignored', () => {
    const matcher = new CatalogMatcher([option('NTM', 'Chương trình MTQG xây dựng nông thôn mới', 0, 'NTM'), option('NTM.01', 'Dự án 1: Hạ tầng kinh tế - xã hội', 1, 'NTM')]);
    const text = new SheetText(sheetOf({ C9: 100 }, { hiddenRows: [9] }));
    const tree = shapeTree([
      { row: 6, stt: '', name: 'Tổng cộng', folded: 'tong cong' },
      { row: 7, stt: 'I', name: 'Chương trình MTQG xây dựng nông thôn mới', folded: 'chuong trinh mtqg xay dung nong thon moi' },
      { row: 8, stt: '1', name: 'Dự án 1: Hạ tầng kinh tế - xã hội', folded: 'du an 1: ha tang kinh te - xa hoi' },
      { row: 9, stt: '-', name: 'Đường thôn Bản Chắt', folded: 'duong thon ban chat' },
      { row: 10, stt: '2', name: 'Khác hẳn', folded: 'khac han' },
      { row: 11, stt: 'II', name: 'Huyện Lộc Bình', folded: 'huyen loc binh' },
    ]);
    const { found, report } = collector();
    const named = nameRows(text, tree, [column('C')], 'dong', { matcher, mapping: undefined, officeDistrict: TRANG_DINH, otherDistricts: [LOC_BINH] }, report);
    const kinds = [...named.rows.values()].map((r) => [r.row, r.kind, r.componentCode, r.depth]);
    expect(kinds).toEqual([
      [6, 'total', null, 0],
      [7, 'program', 'NTM', 0],
      [8, 'component', 'NTM.01', 1],
      [9, 'item', null, 2],
      // Under the program itself, a row the catalog does not know is no detail item of a component.
      [10, 'unmatched', null, 1],
      [11, 'ignored', null, 0],
    ]);
    expect(named.otherDistrictRows).toBe(1);
    expect(named.rows.get(9)).toMatchObject({ amounts: { C: 100 }, hidden: true, key: '/I|chuong trinh mtqg xay dung nong thon moi/1|du an 1: ha tang kinh te - xa hoi/-|duong thon ban chat' });
    expect(found).toEqual([]);
  });

  it("follows the officer's mapping of a row, ignore included, before the catalog", () => {
    const matcher = new CatalogMatcher([option('NTM', 'Chương trình MTQG xây dựng nông thôn mới', 0, 'NTM'), option('NTM.01', 'Dự án 1', 1, 'NTM')]);
    const tree = shapeTree([
      { row: 6, stt: '1', name: 'Hạng mục lạ', folded: 'hang muc la' },
      { row: 7, stt: '2', name: 'Bỏ qua', folded: 'bo qua' },
    ]);
    const mapping = { rows: { '/1|hang muc la': 'NTM.01', '/2|bo qua': 'ignore' } };
    const named = nameRows(new SheetText(sheetOf({})), tree, [], 'dong', { matcher, mapping, officeDistrict: TRANG_DINH, otherDistricts: [] }, collector().report);
    expect(named.rows.get(6)).toMatchObject({ kind: 'component', componentCode: 'NTM.01', confidence: 'high' });
    expect(named.rows.get(7)!.kind).toBe('ignored');
  });
});

describe('detail, lines and notes stages', () => {
  function smallTree() {
    const rows = new Map([
      [7, row(7, { componentCode: 'NTM.01', amounts: { C: 300 } })],
      [8, row(8, { kind: 'item', stt: '-', name: 'Đường', parentRow: 7, amounts: { C: 100 } })],
      [9, row(9, { kind: 'item', stt: '-', name: 'Đường', parentRow: 7, amounts: { C: 200 }, hidden: true })],
      [10, row(10, { kind: 'unmatched', name: 'Lạ', amounts: { C: 5 } })],
      [11, row(11, { kind: 'item', parentRow: 7, amounts: { C: -4 } })],
    ]);
    const children = new Map([[7, [8, 9, 11]]]);
    return { rows, children };
  }

  it('marks the detail rows and reports unmatched, duplicate, hidden and negative ones at their cells', () => {
    const { rows, children } = smallTree();
    const view = rowView(rows, children, [column('C')]);
    const foldedName = new Map([[8, 'duong'], [9, 'duong'], [10, 'la'], [11, 'dong 11']]);
    const { found, report } = collector();
    markDetailRows(rows, { view, amountCols: [column('C')], nameCol: 'B', foldedName, year: 2024 }, report);
    expect([...rows.values()].filter((r) => r.detail).map((r) => r.row)).toEqual([8, 9, 11]);
    expect(found.map((f) => [f.code, f.cell])).toEqual([
      ['IMPORT_DUPLICATE_ROW', 'B9'],
      ['IMPORT_HIDDEN_ROW', 'B9'],
      ['IMPORT_UNMATCHED_ROW', 'B10'],
      ['IMPORT_NEGATIVE_AMOUNT', 'C11'],
    ]);
  });

  it('asks to confirm a component matched with medium confidence (warning) or low (error)', () => {
    const rows = new Map([
      [7, row(7, { confidence: 'medium' })],
      [8, row(8, { confidence: 'low' })],
      [9, row(9, { confidence: 'low', kind: 'ignored' })],
    ]);
    const { found, report } = collector();
    flagUnsureMatches(rows, rowView(rows, new Map(), []), 'B', report);
    expect(found.map((f) => [f.severity, f.cell])).toEqual([['W', 'B7'], ['E', 'B8']]);
  });

  it('adds the detail rows up per component × source × capital type under their nearest named row', () => {
    const matcher = new CatalogMatcher([option('NTM', 'Nông thôn mới', 0, 'NTM'), option('NTM.01', 'Dự án 1', 1, 'NTM')]);
    const rows = new Map([
      [7, row(7, { componentCode: 'NTM.01' })],
      [8, row(8, { kind: 'item', parentRow: 7, detail: true, amounts: { C: 100, D: 7 } })],
      [9, row(9, { kind: 'item', parentRow: 7, detail: true, amounts: { C: 200, D: 0 } })],
      [10, row(10, { kind: 'item', parentRow: 7, amounts: { C: 999 } })],
    ]);
    const { found, report } = collector();
    const result = assignmentLines(rows, [column('C'), column('D', { sourceCode: 'NST_DOIUNG' })], matcher, 2024, report);
    expect(result.totalDong).toBe(307);
    expect(result.detailLines).toBe(2);
    expect(result.lines.map((l) => [l.componentCode, l.sourceCode, l.capitalType, l.originYear, l.amountDong, l.rows])).toEqual([
      ['NTM.01', 'NSTW', 'DTPT', 2024, 300, [8, 9]],
      ['NTM.01', 'NST_DOIUNG', 'DTPT', 2024, 7, [8]],
    ]);
    expect(found).toEqual([]);
  });

  it('refuses sums past what a number holds exactly', () => {
    const matcher = new CatalogMatcher([option('NTM.01', 'Dự án 1', 1, 'NTM')]);
    const big = Number.MAX_SAFE_INTEGER - 1;
    const rows = new Map([
      [8, row(8, { componentCode: 'NTM.01', detail: true, amounts: { C: big } })],
      [9, row(9, { componentCode: 'NTM.01', detail: true, amounts: { C: big } })],
    ]);
    const { found, report } = collector();
    assignmentLines(rows, [column('C')], matcher, 2024, report);
    expect(found).toMatchObject([{ code: 'IMPORT_TOTAL_TOO_LARGE' }]);
  });

  it('notes bad addresses, computed formula values and converted legacy text', () => {
    const sheet = sheetOf(
      { C7: { kind: 'number', text: '5', number: 5, computed: true }, B7: { text: 'Đường', convertedFrom: 'tcvn3' }, B8: { text: 'Cầu', convertedFrom: 'vni', guessed: true } },
      { badAddresses: 2 },
    );
    const { found, report } = collector();
    noteBadAddresses(sheet, report);
    noteComputedCells(new SheetText(sheet), [row(7), row(8)], [column('C')], report);
    noteLegacyText(sheet, report);
    expect(found.map((f) => [f.severity, f.code, f.cell])).toEqual([
      ['W', 'IMPORT_BAD_ADDRESS', null],
      ['I', 'IMPORT_COMPUTED_VALUES', 'C7'],
      ['I', 'IMPORT_LEGACY_TEXT', null],
      ['W', 'IMPORT_LEGACY_GUESS', null],
    ]);
    expect(found[0]!.message).toContain('2 ô');
  });

  it('fingerprints the layout by its columns and where STT and names are', () => {
    const a = layoutFingerprint([column('C'), column('D')], HEADER);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(layoutFingerprint([column('C'), column('D')], HEADER)).toBe(a);
    expect(layoutFingerprint([column('C'), column('D', { key: 'other' })], HEADER)).not.toBe(a);
    expect(layoutFingerprint([column('C'), column('D')], { ...HEADER, nameCol: 3 })).not.toBe(a);
  });
});
