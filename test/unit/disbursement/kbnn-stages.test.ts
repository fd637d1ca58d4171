/**
 * The stages of analyzeKbnn (electron/core/disbursement/kbnn/), each on a small hand-built statement or row:
 * the header and its roles, the statement's facts, the cell readers, each row step, and rules 14 and 13 over the
 * rule rows of a real office database.
 */
import { describe, expect, it } from 'vitest';
import type { KbnnFinding } from '../../../shared/api/findings';
import { CoreError } from '../../../electron/core/errors';
import { KeyResolver } from '../../../electron/core/disbursement/entries';
import { loadLookups, type StatementLookups } from '../../../electron/core/disbursement/kbnn/lookups';
import type { KbnnReport } from '../../../electron/core/disbursement/kbnn/report';
import { capitalOf, sourceOf } from '../../../electron/core/disbursement/kbnn/row-values';
import { flagMissingColumns, isoOf, readStatementFacts, unitOf } from '../../../electron/core/disbursement/kbnn/statement-facts';
import { applyMapping, columnOf, findStatementHeader, locateStatement, recognizeRoles } from '../../../electron/core/disbursement/kbnn/statement-header';
import { identifyRow, passesRules, readRowMoney, rowKeyFacts, rowLabel, type RowScope } from '../../../electron/core/disbursement/kbnn/statement-rows';
import { entryKey, type LatestEntry } from '../../../electron/core/disbursement/figures';
import type { ComponentInfo } from '../../../electron/core/reference/catalog';
import { requireOffice } from '../../../electron/core/office/office';
import { testCore } from '../../support/helpers';
import { sheetOf } from '../import/sheet-builder';

type Found = Omit<KbnnFinding, 'sheet'>;
function collector(): { found: Found[]; report: KbnnReport } {
  const found: Found[] = [];
  return { found, report: (severity, code, cell, message) => found.push({ severity, code, cell, message }) };
}

/** A statement: title, header on row 3 (A mã, B tên, C nguồn, D loại vốn, E năm nguồn, F xã, G lũy kế, H thu hồi). */
const HEADER_CELLS = {
  A1: 'SAO KÊ GIẢI NGÂN VỐN CTMTQG',
  A2: 'Đơn vị tính: nghìn đồng',
  A3: 'Mã dự án',
  B3: 'Tên dự án, nội dung',
  C3: 'Nguồn vốn',
  D3: 'Loại vốn',
  E3: 'Năm nguồn vốn',
  F3: 'Xã',
  G3: 'Lũy kế giải ngân đến ngày 30/06/2024',
  H3: 'Thu hồi',
};

function component(id: number, code: string, name: string, allowed: ComponentInfo['allowedCapitalTypes'] = ['DTPT', 'SN']): ComponentInfo {
  return { id, code, name, programCode: 'NTM', programName: 'Nông thôn mới', parentCode: 'NTM', depth: 1, periodCode: '2021-2025', firstYear: 2021, lastYear: 2025, allowedCapitalTypes: allowed, projectCode: code, sortOrder: id, programSortOrder: 1 };
}

function lookups(over: Partial<StatementLookups> = {}): StatementLookups {
  return {
    components: new Map([
      [1, component(1, 'NTM.01', 'Hạ tầng kinh tế - xã hội')],
      [2, component(2, 'NTM.02', 'Phát triển sản xuất', ['SN'])],
    ]),
    projects: [{ id: 10, code: 'DA-01', name: 'Đường thôn Bản Chắt' }, { id: 11, code: 'DA-02', name: 'Cầu Khuổi Ngọa' }],
    projectComponents: new Map([[10, new Set([1])], [11, new Set([1, 2])]]),
    communes: [{ code: '06100', name: 'Xã Tân Tiến' }],
    previous: new Map(),
    componentByCode: (code) => (code === 'NTM.02' ? { id: 2 } : null),
    checkCommune: () => undefined,
    deadlines: undefined as never,
    ruleBook: undefined as never,
    ...over,
  };
}

function scopeOf(cells: Record<string, string | number>, over: Partial<RowScope> = {}): RowScope & { found: Found[] } {
  const sheet = sheetOf({ ...HEADER_CELLS, ...cells });
  const header = findStatementHeader(sheet)!;
  const { found, report } = collector();
  return { sheet, colOf: columnOf(header.roles), cumulativeCol: 7, unit: 'nghin', year: 2024, cutoffDate: '2024-06-30', lookups: lookups(), resolveKey: () => { throw new Error('not used'); }, report, found, ...over };
}

describe('header stage', () => {
  it('gives each header its role once, left to right, the first pattern winning', () => {
    const roles = recognizeRoles(new Map([[1, 'Mã dự án'], [2, 'Tên công trình'], [3, 'Lũy kế giải ngân'], [4, 'Lũy kế kỳ trước'], [5, 'Số thu hồi']]));
    expect([...roles]).toEqual([[1, 'projectCode'], [2, 'name'], [3, 'cumulative'], [5, 'recovery']]);
  });

  it('finds the header row with its fingerprint, which ignores the dates in it', () => {
    const header = findStatementHeader(sheetOf(HEADER_CELLS))!;
    expect(header.row).toBe(3);
    expect(header.roles.get(7)).toBe('cumulative');
    const later = findStatementHeader(sheetOf({ ...HEADER_CELLS, G3: 'Lũy kế giải ngân đến ngày 30/09/2024' }))!;
    expect(later.fingerprint).toBe(header.fingerprint);
  });

  it('takes a header without the cumulative when no row has one, so the officer can map it', () => {
    const header = findStatementHeader(sheetOf({ A2: 'Mã dự án', B2: 'Tên dự án', C2: 'Nguồn vốn', D2: 'Số tiền' }))!;
    expect(header.row).toBe(2);
    expect([...header.roles.values()]).not.toContain('cumulative');
  });

  it('skips hidden sheets and names the file when no visible sheet has a table', () => {
    const hidden = { ...sheetOf(HEADER_CELLS), state: 'hidden' as const };
    expect(() => locateStatement([hidden, sheetOf({ A1: 'Ghi chú' })], 'sao-ke.xlsx')).toThrow(expect.objectContaining({ code: 'KBNN_NO_TABLE', message: expect.stringContaining('"sao-ke.xlsx"') }));
    const visible = sheetOf(HEADER_CELLS, { name: 'Sao kê' });
    expect(locateStatement([hidden, visible], 'x.xlsx').sheet.name).toBe('Sao kê');
  });

  it("lays the officer's mapping over the recognized roles: a role moves, ignore drops a column", () => {
    const header = findStatementHeader(sheetOf(HEADER_CELLS))!;
    const roles = applyMapping(header, { columns: { I: 'cumulative', F: 'ignore' } });
    expect(columnOf(roles)('cumulative')).toBe(9);
    expect(columnOf(roles)('commune')).toBeNull();
    expect(applyMapping(header, undefined)).toBe(header.roles);
  });
});

describe('facts stage', () => {
  it('reads dd/mm/yyyy dates and the unit words of a title', () => {
    expect(isoOf('đến ngày 5/6/2024')).toBe('2024-06-05');
    expect(isoOf('31/02/2024')).toBeNull();
    expect(unitOf('don vi tinh: trieu dong')).toBe('trieu');
    expect(unitOf('don vi: nghin')).toBe('nghin');
    expect(unitOf('bao cao')).toBeNull();
  });

  it("takes the cut-off from the cumulative column's header, the unit from the title and the year from the cut-off", () => {
    const sheet = sheetOf(HEADER_CELLS);
    const header = findStatementHeader(sheet)!;
    const { found, report } = collector();
    expect(readStatementFacts(sheet, header, columnOf(header.roles), {}, report)).toEqual({ cutoffDate: '2024-06-30', unit: 'nghin', year: 2024 });
    expect(found).toEqual([]);
    expect(readStatementFacts(sheet, header, columnOf(header.roles), { cutoffDate: '2024-03-31', unit: 'dong', year: 2025 }, report)).toEqual({ cutoffDate: '2024-03-31', unit: 'dong', year: 2025 });
  });

  it('without a cut-off anywhere, reports it at the cumulative header', () => {
    const sheet = sheetOf({ ...HEADER_CELLS, G3: 'Lũy kế giải ngân' });
    const header = findStatementHeader(sheet)!;
    const { found, report } = collector();
    expect(readStatementFacts(sheet, header, columnOf(header.roles), {}, report).cutoffDate).toBeNull();
    expect(found).toMatchObject([{ severity: 'E', code: 'KBNN_NO_CUTOFF', cell: 'G3' }]);
  });

  it('reports the missing cumulative and project columns, and a missing source column as a warning', () => {
    const { found, report } = collector();
    flagMissingColumns(() => null, report);
    expect(found.map((f) => [f.severity, f.code])).toEqual([
      ['E', 'KBNN_MISSING_COLUMN'],
      ['E', 'KBNN_MISSING_COLUMN'],
      ['W', 'KBNN_DEFAULT_SOURCE'],
    ]);
  });
});

describe('cell readers', () => {
  it('read sources by code or words and capital types by words', () => {
    expect(['NSTW', 'nst_doiung', 'Ngân sách trung ương', 'NS tỉnh đối ứng', 'Vốn lồng ghép', 'Vốn vay'].map(sourceOf)).toEqual(['NSTW', 'NST_DOIUNG', 'NSTW', 'NST_DOIUNG', 'LONG_GHEP', null]);
    expect(['ĐTPT', 'Vốn đầu tư', 'SN', 'Sự nghiệp', 'Khác'].map(capitalOf)).toEqual(['DTPT', 'DTPT', 'SN', 'SN', null]);
  });
});

describe('row steps', () => {
  it('skip blank rows, totals rows and the column-number row', () => {
    const scope = scopeOf({ A4: '1', B4: '2', B5: 'Tổng cộng', A6: 'DA-01' });
    expect(rowLabel(scope, 4)).toBeNull();
    expect(rowLabel(scope, 5)).toBeNull();
    expect(rowLabel(scope, 7)).toBeNull();
    expect(rowLabel(scope, 6)).toEqual({ code: 'DA-01', name: '' });
  });

  it("read a row's money in the unit: blank is no row, text and negatives are errors, a recovery is its absolute value", () => {
    const scope = scopeOf({ G4: 12.5, H4: -2, G5: 'nhiều', G6: -1, G7: 3, H7: 'x' });
    expect(readRowMoney(scope, 4)).toEqual({ cumulative: 12_500, note: null, recovery: 2_000 });
    expect(readRowMoney(scope, 8)).toBeNull();
    expect(readRowMoney(scope, 5)).toBeNull();
    expect(readRowMoney(scope, 6)).toBeNull();
    expect(readRowMoney(scope, 7)).toBeNull();
    expect(scope.found.map((f) => [f.code, f.cell])).toEqual([
      ['KBNN_BAD_AMOUNT', 'G5'],
      ['NEGATIVE_AMOUNT', 'G6'],
      ['KBNN_BAD_AMOUNT', 'H7'],
    ]);
  });

  it('identify a project by code or name on the one component it is planned under, else a component by code or exact name', () => {
    const scope = scopeOf({});
    expect(identifyRow(scope, 4, 'da-01', '')).toEqual({ project: expect.objectContaining({ code: 'DA-01' }), componentCode: 'NTM.01', codeCell: 'A4' });
    expect(identifyRow(scope, 5, '', 'Đường thôn bản chắt')?.componentCode).toBe('NTM.01');
    expect(identifyRow(scope, 6, 'NTM.02', '')).toEqual({ project: undefined, componentCode: 'NTM.02', codeCell: 'A6' });
    expect(identifyRow(scope, 7, '', 'Hạ tầng kinh tế - xã hội')?.componentCode).toBe('NTM.01');
    expect(scope.found).toEqual([]);
  });

  it('refuse a project planned under two components or none, and a row that names nothing known', () => {
    const scope = scopeOf({});
    expect(identifyRow(scope, 4, 'DA-02', '')).toBeNull();
    expect(identifyRow(scope, 5, 'XYZ', 'Không có')).toBeNull();
    expect(scope.found.map((f) => [f.code, f.cell])).toEqual([
      ['KBNN_PROJECT_NOT_PLANNED', 'A4'],
      ['KBNN_UNKNOWN_ROW', 'A5'],
    ]);
    expect(scope.found[0]!.message).toContain('nhiều hạng mục');
  });

  it('complete the key: NSTW by default, ĐTPT for a project, the only capital type a component allows, the plan year', () => {
    const scope = scopeOf({ F5: 'Tân Tiến' });
    const project = { project: { id: 10, code: 'DA-01' }, componentCode: 'NTM.01', codeCell: 'A4' };
    expect(rowKeyFacts(scope, 4, project)).toEqual({ componentCode: 'NTM.01', projectCode: 'DA-01', communeCode: null, sourceCode: 'NSTW', capitalType: 'DTPT', originYear: 2024 });
    const sn = { project: undefined, componentCode: 'NTM.02', codeCell: 'A5' };
    expect(rowKeyFacts(scope, 5, sn)).toEqual({ componentCode: 'NTM.02', projectCode: null, communeCode: '06100', sourceCode: 'NSTW', capitalType: 'SN', originYear: 2024 });
    expect(scope.found).toEqual([]);
  });

  it('refuse an unknown source, capital type, origin year or commune at its cell', () => {
    const failing = new CoreError('UNKNOWN_RECIPIENT', 'Xã đã giải thể.');
    const scope = scopeOf(
      { C4: 'Vốn vay', D5: 'Khác', D6: 'ĐTPT', E6: '24', D7: 'ĐTPT', F7: 'Xã Không Có', D8: 'ĐTPT', F8: 'Tân Tiến' },
      { lookups: lookups({ checkCommune: () => { throw failing; } }) },
    );
    const id = { project: undefined, componentCode: 'NTM.01', codeCell: 'A4' };
    for (const r of [4, 5, 6, 7, 8]) expect(rowKeyFacts(scope, r, id)).toBeNull();
    expect(scope.found.map((f) => [f.code, f.cell])).toEqual([
      ['UNKNOWN_FUNDING_SOURCE', 'C4'],
      ['UNKNOWN_CAPITAL_TYPE', 'D5'],
      ['INVALID_ORIGIN_YEAR', 'E6'],
      ['UNKNOWN_RECIPIENT', 'F7'],
      ['UNKNOWN_RECIPIENT', 'F8'],
    ]);
    expect(scope.found[4]!.message).toBe('Dòng 8: Xã đã giải thể.');
  });
});

describe('lookups and rules 14 and 13, on a real office database', () => {
  it("loads the office's communes and catalog, and judges a lower cumulative and money raised after its deadline", () => {
    const core = testCore({ district: '180' });
    const office = requireOffice(core.db);
    const real = loadLookups(core.db, office, 2024, '2024-06-30');
    expect(real.communes.length).toBeGreaterThan(0);
    const component = [...real.components.values()].find((c) => c.depth > 0 && c.firstYear <= 2024 && 2024 <= c.lastYear && c.allowedCapitalTypes.includes('DTPT'))!;
    const input = { componentCode: component.code, projectCode: null, communeCode: null, sourceCode: 'NSTW', capitalType: 'DTPT' as const, originYear: 2024 };
    const key = new KeyResolver(core.db, 2024, '2024-06-30').resolve(input);
    const previous: LatestEntry = { ...key, id: 1, cutoff_date: '2024-03-31', cumulative_dong: 500, recovery_dong: 0 };
    const scope = { cutoffDate: '2024-06-30', lookups: { ...real, previous: new Map([[entryKey(key), previous]]) }, ...collector() };
    const keyed = { key, input, programCode: component.programCode };

    // Rule 14: lower than the previous report without a recovery — kept out when the rule's row says error, in with a warning otherwise.
    const kept = passesRules(scope, 4, 'G4', keyed, { cumulative: 400, recovery: 0 });
    const rule14 = real.ruleBook.rule(14, '2024-06-30');
    expect(scope.found).toMatchObject([{ code: 'DISBURSEMENT_DECREASE', cell: 'G4', severity: rule14?.severity ?? 'E' }]);
    expect(kept).toBe((rule14?.severity ?? 'E') !== 'E');
    // With the recovery entered it is no decrease; a raise within the year's deadline passes silently.
    scope.found.length = 0;
    expect(passesRules(scope, 5, 'G5', keyed, { cumulative: 400, recovery: 100 })).toBe(true);
    expect(passesRules(scope, 6, 'G6', keyed, { cumulative: 900, recovery: 0 })).toBe(true);
    expect(scope.found).toEqual([]);

    // Rule 13: 2022 investment money raised in mid-2024, past its deadline and without an extension, is refused.
    const old = { ...input, originYear: 2022 };
    const oldKey = new KeyResolver(core.db, 2024, '2024-06-30').resolve(old);
    expect(passesRules(scope, 7, 'G7', { key: oldKey, input: old, programCode: component.programCode }, { cumulative: 900, recovery: 0 })).toBe(false);
    expect(scope.found).toMatchObject([{ severity: 'E', code: 'DISBURSEMENT_AFTER_DEADLINE', cell: 'G7' }]);
  });
});
