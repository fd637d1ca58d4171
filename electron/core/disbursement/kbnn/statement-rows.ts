/**
 * Stage: the statement's rows → disbursement lines. Each row passes named steps, any of which may keep it out with
 * a finding at its cell: its money (cumulative and recovery), what it is (a project of the register or a catalog
 * component), its key (source, capital type, origin year, commune), the key resolved once, then rules 14 and 13.
 */
import type { DisbursementKey, KbnnColumnRole, KbnnLine } from '../../../../shared/api/disbursement';
import type { CapitalTypeCode } from '../../../../shared/api/schemas';
import { cellAddress } from '../../../../shared/format/cell-address';
import { toDong, type MoneyUnit } from '../../../../shared/money/dong';
import { foldVietnamese } from '../../../../shared/text/fold';
import type { CoreError } from '../../errors';
import type { ReadSheet } from '../../excel/workbook-reader';
import { readAmount } from '../../import/amounts';
import { cumulativeNeverDecreases, disbursementDeadline } from '../disbursement-rules';
import { entryKey, type EntryKey } from '../figures';
import type { StatementLookups } from './lookups';
import type { KbnnReport } from './report';
import { capitalOf, cellText, sourceOf } from './row-values';
import type { ColumnOf } from './statement-header';

const TOTAL_ROW = /^(tong cong|tong so|cong|tong)\b/;

/** What every row step reads: the sheet and its columns, the statement's facts, the lookups, where findings go. */
export interface RowScope {
  sheet: ReadSheet;
  colOf: ColumnOf;
  cumulativeCol: number;
  unit: MoneyUnit;
  year: number;
  cutoffDate: string;
  lookups: StatementLookups;
  /** The entry key of a row's facts (throws the entries' CoreError when they name no valid key). */
  resolveKey(input: DisbursementKey): EntryKey;
  report: KbnnReport;
}

export type KeyedLine = EntryKey & { programCode: string };

/** The text of a row's cell in a role's column ('' when the statement has no such column). */
function at(scope: Pick<RowScope, 'sheet' | 'colOf'>, role: KbnnColumnRole, row: number): string {
  const col = scope.colOf(role);
  return col === null ? '' : cellText(scope.sheet, row, col);
}

/** A row's code and name, or null for rows that are no data: blank, a totals row, the column-number row ("1", "2"). */
export function rowLabel(scope: Pick<RowScope, 'sheet' | 'colOf'>, row: number): { code: string; name: string } | null {
  const code = at(scope, 'projectCode', row);
  const name = at(scope, 'name', row);
  const folded = foldVietnamese(`${code} ${name}`.trim());
  if (TOTAL_ROW.test(folded) || (code === '' && name === '')) return null;
  if (/^\(?\d+\)?$/.test(code) && /^\(?\d+\)?$/.test(name)) return null;
  return { code, name };
}

export interface RowMoney {
  cumulative: number;
  /** A rounding note on the cumulative, reported only when the row is kept. */
  note: string | null;
  recovery: number;
}

/** The cumulative (blank: no data; unreadable or negative: an error) and the recovery (its absolute value). */
export function readRowMoney(scope: Pick<RowScope, 'sheet' | 'colOf' | 'cumulativeCol' | 'unit' | 'report'>, row: number): RowMoney | null {
  const { sheet, cumulativeCol, unit, report } = scope;
  const cumulative = readAmount(sheet.rows.get(row)?.get(cumulativeCol), unit);
  const where = cellAddress(row, cumulativeCol);
  if (cumulative.kind === 'blank') return null;
  if (cumulative.kind === 'invalid') {
    report('E', 'KBNN_BAD_AMOUNT', where, `Dòng ${row}: lũy kế giải ngân không đọc được — ${cumulative.message}.`);
    return null;
  }
  if (cumulative.dong < 0) {
    report('E', 'NEGATIVE_AMOUNT', where, `Dòng ${row}: lũy kế giải ngân âm; số thu hồi ghi ở cột "Thu hồi".`);
    return null;
  }
  const recoveryCol = scope.colOf('recovery');
  const recoveryRead = recoveryCol ? readAmount(sheet.rows.get(row)?.get(recoveryCol), unit) : ({ kind: 'blank' } as const);
  if (recoveryRead.kind === 'invalid') {
    report('E', 'KBNN_BAD_AMOUNT', cellAddress(row, recoveryCol!), `Dòng ${row}: số thu hồi không đọc được — ${recoveryRead.message}.`);
    return null;
  }
  return { cumulative: cumulative.dong, note: cumulative.note, recovery: recoveryRead.kind === 'amount' ? Math.abs(recoveryRead.dong) : 0 };
}

export interface RowIdentity {
  project: { id: number; code: string } | undefined;
  componentCode: string;
  /** The row's code cell (or name cell): where a finding about what the row is points. */
  codeCell: string;
}

/**
 * A project of the register (by code, else by name), put on the one component it is planned under this year; else a
 * catalog component by code or, failing that, by its exact name among the components valid for the origin year.
 */
export function identifyRow(scope: Pick<RowScope, 'sheet' | 'colOf' | 'year' | 'lookups' | 'report'>, row: number, code: string, name: string): RowIdentity | null {
  const { colOf, year, lookups, report } = scope;
  const codeCell = colOf('projectCode') ? cellAddress(row, colOf('projectCode')!) : cellAddress(row, colOf('name')!);
  const project = lookups.projects.find((p) => code !== '' && p.code.toLowerCase() === code.toLowerCase()) ?? (name ? lookups.projects.find((p) => foldVietnamese(p.name) === foldVietnamese(name)) : undefined);
  if (project) {
    const planned = [...(lookups.projectComponents.get(project.id) ?? [])];
    if (planned.length !== 1) {
      report('E', 'KBNN_PROJECT_NOT_PLANNED', codeCell, planned.length === 0 ? `Dòng ${row}: dự án ${project.code} chưa có trong quyết định phân bổ nào đã ban hành năm ${year}; không biết hạng mục để ghi số giải ngân.` : `Dòng ${row}: dự án ${project.code} được phân bổ ở nhiều hạng mục; hãy tách dòng theo hạng mục.`);
      return null;
    }
    return { project, componentCode: lookups.components.get(planned[0]!)!.code, codeCell };
  }
  const originText = at(scope, 'originYear', row);
  const origin = /^\d{4}$/.test(originText) ? Number(originText) : year;
  const byCode = code ? lookups.componentByCode(code, origin) : null;
  let componentCode: string | null = null;
  if (byCode) componentCode = lookups.components.get(byCode.id)!.code;
  else if (name) {
    const matches = [...lookups.components.values()].filter((c) => c.firstYear <= origin && origin <= c.lastYear && foldVietnamese(c.name) === foldVietnamese(name));
    if (matches.length === 1) componentCode = matches[0]!.code;
  }
  if (!componentCode) {
    report('E', 'KBNN_UNKNOWN_ROW', codeCell, `Dòng ${row}: "${code || name}" không phải mã dự án trong danh mục dự án, cũng không phải mã hay tên hạng mục của chương trình. Sửa mã trong tệp hoặc thêm dự án vào danh mục.`);
    return null;
  }
  return { project: undefined, componentCode, codeCell };
}

/**
 * The rest of the row's key: the source (NSTW without a column), the capital type (a project's is ĐTPT, a component
 * with one allowed type has it), the origin year (the plan year when blank) and the commune, in force on the cut-off.
 */
export function rowKeyFacts(scope: Omit<RowScope, 'resolveKey'>, row: number, identity: RowIdentity): DisbursementKey | null {
  const { colOf, year, lookups, report } = scope;
  const { project, componentCode, codeCell } = identity;
  const sourceText = at(scope, 'source', row);
  const sourceCode = sourceText ? sourceOf(sourceText) : 'NSTW';
  if (!sourceCode) {
    report('E', 'UNKNOWN_FUNDING_SOURCE', cellAddress(row, colOf('source')!), `Dòng ${row}: nguồn vốn "${sourceText}" không nhận ra; ghi NSTW, NS tỉnh đối ứng, NS huyện…`);
    return null;
  }
  const capitalText = at(scope, 'capitalType', row);
  const allowed = [...lookups.components.values()].find((c) => c.code === componentCode)?.allowedCapitalTypes ?? ['DTPT', 'SN'];
  const capitalType: CapitalTypeCode | null = capitalText ? capitalOf(capitalText) : project ? 'DTPT' : allowed.length === 1 ? allowed[0]! : null;
  if (!capitalType) {
    report('E', 'UNKNOWN_CAPITAL_TYPE', colOf('capitalType') ? cellAddress(row, colOf('capitalType')!) : codeCell, `Dòng ${row}: không rõ loại vốn${capitalText ? ` "${capitalText}"` : ''}; ghi ĐTPT hoặc SN.`);
    return null;
  }
  const originText = at(scope, 'originYear', row);
  if (originText && !/^\d{4}$/.test(originText)) {
    report('E', 'INVALID_ORIGIN_YEAR', cellAddress(row, colOf('originYear')!), `Dòng ${row}: năm nguồn vốn "${originText}" phải là năm 4 chữ số.`);
    return null;
  }
  const originYear = originText ? Number(originText) : year;
  const communeCode = rowCommune(scope, row);
  if (communeCode === false) return null;
  return { componentCode, projectCode: project?.code ?? null, communeCode, sourceCode, capitalType, originYear };
}

/** The commune a row names (by code or name), null when it names none; false (reported) when it is unknown or not in force. */
function rowCommune(scope: Omit<RowScope, 'resolveKey'>, row: number): string | null | false {
  const { colOf, lookups, report } = scope;
  const communeText = at(scope, 'commune', row);
  if (!communeText) return null;
  const folded = foldVietnamese(communeText).replace(/^(xa|thi tran)\s+/, '');
  const unit = lookups.communes.find((u) => u.code === communeText || foldVietnamese(u.name).replace(/^(xa|thi tran)\s+/, '') === folded);
  if (!unit) {
    report('E', 'UNKNOWN_RECIPIENT', cellAddress(row, colOf('commune')!), `Dòng ${row}: không có xã "${communeText}" trong danh mục đơn vị hành chính.`);
    return false;
  }
  try {
    lookups.checkCommune(unit.code, scope.cutoffDate);
  } catch (error) {
    report('E', 'UNKNOWN_RECIPIENT', cellAddress(row, colOf('commune')!), `Dòng ${row}: ${(error as CoreError).message}`);
    return false;
  }
  return unit.code;
}

/**
 * Rules 14 and 13 with the severity of their rows: an error keeps the row out (false), a warning lets it in (and is
 * recorded with the entry when the file is committed).
 */
export function passesRules(
  scope: Pick<RowScope, 'cutoffDate' | 'lookups' | 'report'>,
  row: number,
  where: string,
  keyed: { key: EntryKey; input: DisbursementKey; programCode: string },
  money: Pick<RowMoney, 'cumulative' | 'recovery'>,
): boolean {
  const { cutoffDate, lookups, report } = scope;
  const { key, input, programCode } = keyed;
  const previous = lookups.previous.get(entryKey(key));
  const prev = previous?.cumulative_dong ?? 0;
  const dip = cumulativeNeverDecreases(lookups.ruleBook.rule(14, cutoffDate), {
    label: `Dòng ${row}`,
    cutoff: cutoffDate,
    cumulative: money.cumulative,
    recovery: money.recovery,
    previous: previous ? { cumulative: prev, cutoff: previous.cutoff_date } : null,
  });
  if (dip) {
    report(dip.severity, 'DISBURSEMENT_DECREASE', where, dip.message);
    if (dip.severity === 'E') return false;
  }
  if (money.cumulative > prev) {
    const { originYear, sourceCode, capitalType } = input;
    const info = lookups.deadlines.of({ originYear, programCode, sourceCode, capitalType, projectId: key.project_id });
    const late = disbursementDeadline(lookups.ruleBook.rule(13, cutoffDate), { label: `Dòng ${row}`, cutoff: cutoffDate, originYear, capitalType, increase: money.cumulative - prev, deadline: info });
    if (late) {
      report(late.severity, 'DISBURSEMENT_AFTER_DEADLINE', where, late.message);
      if (late.severity === 'E') return false;
    }
  }
  return true;
}

/** Every row under the header through the steps above; a key met twice is an error on the later row. */
export function readStatementRows(scope: RowScope, headerRow: number): { lines: KbnnLine[]; keys: KeyedLine[] } {
  const { sheet, report } = scope;
  const lines: KbnnLine[] = [];
  const keys: KeyedLine[] = [];
  const seen = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.maxRow; r++) {
    if (!sheet.rows.has(r)) continue;
    const label = rowLabel(scope, r);
    if (!label) continue;
    const money = readRowMoney(scope, r);
    if (!money) continue;
    const identity = identifyRow(scope, r, label.code, label.name);
    if (!identity) continue;
    const input = rowKeyFacts(scope, r, identity);
    if (!input) continue;
    let key: EntryKey;
    try {
      key = scope.resolveKey(input);
    } catch (error) {
      report('E', (error as CoreError).code, identity.codeCell, `Dòng ${r}: ${(error as CoreError).message}`);
      continue;
    }
    const where = cellAddress(r, scope.cumulativeCol);
    const id = entryKey(key);
    if (seen.has(id)) {
      report('E', 'KBNN_DUPLICATE_ROW', where, `Dòng ${r} trùng với dòng ${seen.get(id)} (cùng dự án/hạng mục, nguồn, loại vốn, năm nguồn); gộp hai dòng trong tệp.`);
      continue;
    }
    seen.set(id, r);
    const programCode = scope.lookups.components.get(key.component_id)!.programCode;
    if (!passesRules(scope, r, where, { key, input, programCode }, money)) continue;
    if (money.note) report('W', 'KBNN_ROUNDED', where, `Dòng ${r}: ${money.note}.`);
    const prev = scope.lookups.previous.get(id)?.cumulative_dong ?? 0;
    lines.push({ ...input, row: r, name: label.name || label.code, cumulativeDong: toDong(money.cumulative), recoveryDong: toDong(money.recovery), previousDong: toDong(prev) });
    keys.push({ ...key, programCode });
  }
  return { lines, keys };
}
