/**
 * Disbursement entries: the cumulative disbursed (lũy kế) of a key to a cut-off date, entered in the grid, pasted
 * or read from a KBNN statement. Every write is checked against rule 14 (the cumulative never goes down between
 * two reports without a recovery: a warning kept with the entry) and rule 13 (no new investment disbursement after
 * the money's deadline; recurrent money after it is a carry-over warning), see disbursement-rules.ts.
 */
import type { CommandArgs } from '../../../shared/api/contract';
import type { DisbursementEntryInput } from '../../../shared/api/disbursement';
import type { DisbursementDataSource, DisbursementKey, DisbursementProblem, DisbursementSaveResult, DisbursementSheet, DisbursementSheetRow, DisbursementWarning } from '../../../shared/api/disbursement';
import type { OfficeInfo } from '../../../shared/api/office';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { formatDateVi } from '../../../shared/format/date';
import { rateText } from '../../../shared/format/rate';
import { toDong } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { foldIssued } from '../ledger/fold';
import { amountFromInput } from '../money-input';
import { requireOffice } from '../office/office';
import { componentIndex, resolveComponentCode, type ComponentInfo } from '../reference/catalog';
import { resolveRecipient } from '../registers/recipients';
import { DeadlineBook } from './deadlines';
import { cumulativeNeverDecreases, disbursementDeadline, DisbursementRuleBook } from './disbursement-rules';
import { entryKey, latestEntries, namedDenominator, type EntryKey } from './figures';

const DISTRICT_LEVELS = ['huyen', 'thanh_pho', 'thi_xa'];

interface StoredEntry extends EntryKey {
  id: number;
  cutoff_date: string;
  cumulative_dong: number;
  recovery_dong: number;
  data_source: DisbursementDataSource;
  note: string;
  warnings_json: string;
}

const KEY_WHERE = `year = @year AND component_id = @component_id AND COALESCE(project_id, 0) = COALESCE(@project_id, 0)
  AND COALESCE(commune_unit_id, 0) = COALESCE(@commune_unit_id, 0) AND source_code = @source_code AND capital_type = @capital_type AND origin_year = @origin_year`;

/** Resolves the codes of a key to ids, or throws the field's error in Vietnamese. */
export class KeyResolver {
  private readonly office: OfficeInfo;
  private readonly sources: Set<string>;
  readonly components: Map<number, ComponentInfo>;

  constructor(
    private readonly db: Db,
    private readonly year: number,
    private readonly date: string,
  ) {
    this.office = requireOffice(db);
    this.sources = new Set((db.prepare('SELECT code FROM funding_source').all() as { code: string }[]).map((r) => r.code));
    this.components = componentIndex(db);
  }

  private readonly communes = new Map<string, number | null>();

  private commune(code: string): number | null {
    let id = this.communes.get(code);
    if (id === undefined) {
      id = resolveRecipient(this.db, { kind: 'commune', code }, this.date, this.office).unitId;
      this.communes.set(code, id);
    }
    return id;
  }

  resolve(key: DisbursementKey): EntryKey {
    if (key.originYear > this.year || key.originYear < this.year - 10) {
      throw new CoreError('INVALID_ORIGIN_YEAR', `Năm nguồn vốn ${key.originYear} phải từ ${this.year - 10} đến ${this.year} (vốn năm trước kéo dài sang năm ${this.year}).`, { field: 'originYear' });
    }
    const component = resolveComponentCode(this.db, key.componentCode, key.originYear);
    if (!component) throw new CoreError('UNKNOWN_COMPONENT', `Hạng mục: không có mã "${key.componentCode}" trong danh mục chương trình.`, { field: 'componentCode' });
    if (!component.validForYear) {
      throw new CoreError('COMPONENT_NOT_VALID_FOR_YEAR', `Hạng mục "${key.componentCode}" không thuộc danh mục áp dụng cho vốn năm ${key.originYear}.`, { field: 'componentCode' });
    }
    if (!this.sources.has(key.sourceCode)) throw new CoreError('UNKNOWN_FUNDING_SOURCE', `Nguồn vốn: không có nguồn "${key.sourceCode}" (NSTW, NST_DOIUNG…).`, { field: 'sourceCode' });
    let projectId: number | null = null;
    if (key.projectCode !== null) {
      projectId = (this.db.prepare('SELECT id FROM investment_project WHERE code = ?').get(key.projectCode) as { id: number } | undefined)?.id ?? null;
      if (projectId === null) throw new CoreError('UNKNOWN_PROJECT', `Dự án: không có dự án mã "${key.projectCode}" trong danh mục dự án.`, { field: 'projectCode' });
    }
    const communeId = key.communeCode === null ? null : this.commune(key.communeCode);
    return { component_id: component.id, project_id: projectId, commune_unit_id: communeId, source_code: key.sourceCode, capital_type: key.capitalType, origin_year: key.originYear };
  }
}

function entriesOfKey(db: Db, year: number, key: EntryKey): StoredEntry[] {
  return db.prepare(`SELECT * FROM disbursement WHERE ${KEY_WHERE} ORDER BY cutoff_date`).all({ year, ...key }) as StoredEntry[];
}

export interface EntryWrite {
  cumulative: number | null;
  recovery: number;
  note?: string;
  dataSource: DisbursementDataSource;
  importId?: number | null;
}

/** What one key's entry at a cut-off changes; checks rules 13 and 14 first: an error throws a CoreError naming the problem, a warning is kept with the entry. */
export function writeEntry(
  ctx: CoreContext,
  book: DeadlineBook,
  year: number,
  cutoff: string,
  key: EntryKey,
  programCode: string,
  write: EntryWrite,
  label: string,
  rules: DisbursementRuleBook = new DisbursementRuleBook(ctx.db),
): { before: StoredEntry | null; after: StoredEntry | null; warnings: DisbursementWarning[] } {
  const { db } = ctx;
  const all = entriesOfKey(db, year, key);
  const existing = all.find((e) => e.cutoff_date === cutoff) ?? null;
  const previous = [...all].reverse().find((e) => e.cutoff_date < cutoff) ?? null;
  const next = all.find((e) => e.cutoff_date > cutoff) ?? null;
  const prevCumulative = previous?.cumulative_dong ?? 0;
  const warnings: DisbursementWarning[] = [];
  /** An error stops the write; a warning is kept. */
  const apply = (result: DisbursementWarning | null, code: 'DISBURSEMENT_DECREASE' | 'DISBURSEMENT_AFTER_DEADLINE', details: Record<string, unknown>) => {
    if (!result) return;
    if (result.severity === 'E') throw new CoreError(code, result.message, details);
    warnings.push(result);
  };
  const rule14 = (date: string) => rules.rule(14, date);
  if (write.cumulative === null) {
    if (!existing) return { before: null, after: null, warnings };
    if (previous && next) {
      const dip = cumulativeNeverDecreases(
        rule14(next.cutoff_date),
        { label, cutoff: next.cutoff_date, cumulative: next.cumulative_dong, recovery: next.recovery_dong, previous: { cumulative: previous.cumulative_dong, cutoff: previous.cutoff_date } },
        true,
      );
      apply(dip, 'DISBURSEMENT_DECREASE', { field: 'cumulative' });
      // The later report now follows a higher one: its warning is recorded with it.
      if (dip) db.prepare('UPDATE disbursement SET warnings_json = ? WHERE id = ?').run(JSON.stringify([...storedWarnings(next), dip]), next.id);
    }
    db.prepare('DELETE FROM disbursement WHERE id = ?').run(existing.id);
    return { before: existing, after: null, warnings };
  }
  const cumulative = write.cumulative;
  // Rule 14: the cumulative goes down only by what was recovered (thu hồi) in between.
  apply(
    cumulativeNeverDecreases(rule14(cutoff), { label, cutoff, cumulative, recovery: write.recovery, previous: previous ? { cumulative: prevCumulative, cutoff: previous.cutoff_date } : null }),
    'DISBURSEMENT_DECREASE',
    { field: 'cumulative', previous: prevCumulative },
  );
  if (next) {
    apply(
      cumulativeNeverDecreases(rule14(next.cutoff_date), { label, cutoff: next.cutoff_date, cumulative: next.cumulative_dong, recovery: next.recovery_dong, previous: { cumulative, cutoff } }, true),
      'DISBURSEMENT_DECREASE',
      { field: 'cumulative', next: next.cumulative_dong },
    );
  }
  // Rule 13: nothing new is disbursed after the money's deadline (investment refused, recurrent warned).
  if (cumulative > prevCumulative) {
    const info = book.of({ originYear: key.origin_year, programCode, sourceCode: key.source_code, capitalType: key.capital_type, projectId: key.project_id });
    apply(
      disbursementDeadline(rules.rule(13, cutoff), { label, cutoff, originYear: key.origin_year, capitalType: key.capital_type, increase: cumulative - prevCumulative, deadline: info }),
      'DISBURSEMENT_AFTER_DEADLINE',
      { field: 'cumulative', deadline: info.deadline },
    );
  }
  const now = ctx.now();
  const values = {
    cumulative_dong: cumulative,
    recovery_dong: write.recovery,
    data_source: write.dataSource,
    import_id: write.importId ?? null,
    note: write.note ?? existing?.note ?? '',
    warnings_json: JSON.stringify(warnings),
    now,
  };
  if (existing) {
    db.prepare(
      'UPDATE disbursement SET cumulative_dong = @cumulative_dong, recovery_dong = @recovery_dong, data_source = @data_source, import_id = @import_id, note = @note, warnings_json = @warnings_json, updated_at = @now WHERE id = @id',
    ).run({ ...values, id: existing.id });
  } else {
    db.prepare(
      `INSERT INTO disbursement (year, cutoff_date, component_id, project_id, commune_unit_id, source_code, capital_type, origin_year, cumulative_dong, recovery_dong, data_source, import_id, note, warnings_json, created_at, updated_at)
       VALUES (@year, @cutoff, @component_id, @project_id, @commune_unit_id, @source_code, @capital_type, @origin_year, @cumulative_dong, @recovery_dong, @data_source, @import_id, @note, @warnings_json, @now, @now)`,
    ).run({ year, cutoff, ...key, ...values });
  }
  const after = db.prepare(`SELECT * FROM disbursement WHERE ${KEY_WHERE} AND cutoff_date = @cutoff`).get({ year, cutoff, ...key }) as StoredEntry;
  return { before: existing, after, warnings };
}

/** The warnings kept with an entry. */
export function storedWarnings(entry: { warnings_json?: string } | null | undefined): DisbursementWarning[] {
  if (!entry?.warnings_json) return [];
  return JSON.parse(entry.warnings_json) as DisbursementWarning[];
}

export function checkCutoff(year: number, cutoff: string): void {
  if (cutoff < `${year}-01-01`) {
    throw new CoreError('DISBURSEMENT_BAD_CUTOFF', `Ngày chốt số liệu ${formatDateVi(cutoff)} đứng trước năm kế hoạch ${year}; chọn một ngày từ 01/01/${year}.`, { field: 'cutoffDate' });
  }
}

export function saveEntries(ctx: CoreContext, args: CommandArgs<'disbursement.save'>): DisbursementSaveResult {
  const { db } = ctx;
  return db.transaction(() => {
    checkCutoff(args.year, args.cutoffDate);
    const resolver = new KeyResolver(db, args.year, args.cutoffDate);
    const book = new DeadlineBook(db);
    const rules = new DisbursementRuleBook(db);
    const rejected: DisbursementProblem[] = [];
    const warned: DisbursementSaveResult['warnings'] = [];
    const changes: { before: StoredEntry | null; after: StoredEntry | null }[] = [];
    args.entries.forEach((entry: DisbursementEntryInput, index) => {
      const label = `Dòng ${index + 1} (${entry.key.componentCode}${entry.key.projectCode ? ` · ${entry.key.projectCode}` : ''}${entry.key.communeCode ? ` · xã ${entry.key.communeCode}` : ''} · ${entry.key.sourceCode} ${entry.key.capitalType} · vốn ${entry.key.originYear})`;
      try {
        const key = resolver.resolve(entry.key);
        const cumulative = entry.cumulative === null ? null : amountFromInput(entry.cumulative, 'cumulative', `${label}, lũy kế giải ngân`);
        const recovery = entry.recovery ? amountFromInput(entry.recovery, 'recovery', `${label}, thu hồi`) : 0;
        if ((cumulative ?? 0) < 0 || recovery < 0) throw new CoreError('NEGATIVE_AMOUNT', `${label}: số lũy kế và số thu hồi không được âm.`, { field: cumulative !== null && cumulative < 0 ? 'cumulative' : 'recovery' });
        const programCode = resolver.components.get(key.component_id)!.programCode;
        const change = db.transaction(() => writeEntry(ctx, book, args.year, args.cutoffDate, key, programCode, { cumulative, recovery, note: entry.note, dataSource: 'tu_bao_cao' }, label, rules))();
        if (change.before || change.after) changes.push(change);
        warned.push(...change.warnings.map((w) => ({ ...w, index })));
      } catch (error) {
        if (!(error instanceof CoreError)) throw error;
        rejected.push({ index, field: typeof error.details?.field === 'string' ? error.details.field : null, code: error.code, message: error.message });
      }
    });
    if (rejected.length > 0 && !args.partial) {
      throw new CoreError('INVALID_LINES', rejected.length === 1 ? rejected[0]!.message : `${rejected.length} dòng không ghi được; dòng đầu: ${rejected[0]!.message}`, { problems: rejected.slice(0, 50), field: rejected[0]!.field });
    }
    if (changes.length > 0) writeAudit(ctx, 'disbursement.save', 'disbursement', null, changes.map((c) => c.before), changes.map((c) => c.after));
    return { sheet: disbursementSheet(db, args.year, args.cutoffDate), saved: changes.length, rejected, warnings: warned };
  })();
}

interface Labels {
  component(componentId: number): ComponentInfo;
  project(id: number | null): { code: string; name: string } | null;
  commune(id: number | null): { code: string; name: string } | null;
}

function labels(db: Db, components: Map<number, ComponentInfo>): Labels {
  const projects = new Map((db.prepare('SELECT id, code, name FROM investment_project').all() as { id: number; code: string; name: string }[]).map((p) => [p.id, p]));
  const units = new Map<number, { code: string; name: string } | null>();
  const unit = db.prepare(`SELECT code, name_vi AS name, level FROM admin_unit WHERE id = ?`);
  return {
    component: (id) => components.get(id)!,
    project: (id) => (id === null ? null : (projects.get(id) ?? null)),
    commune: (id) => {
      if (id === null) return null;
      if (!units.has(id)) {
        const u = unit.get(id) as { code: string; name: string; level: string } | undefined;
        units.set(id, u && !DISTRICT_LEVELS.includes(u.level) ? { code: u.code, name: u.name } : null);
      }
      return units.get(id)!;
    },
  };
}

const carriedKey = (k: EntryKey) => `${k.component_id}|${k.source_code}|${k.capital_type}|${k.origin_year}`;

/** The entry sheet of a cut-off: every key planned (issued decisions in force on the date) or reported in the year. */
export function disbursementSheet(db: Db, year: number, cutoffDate: string): DisbursementSheet {
  const components = componentIndex(db);
  const names = labels(db, components);
  const rows = new Map<string, { key: EntryKey; plan: number; previous: StoredEntry | null; current: StoredEntry | null }>();
  const slot = (key: EntryKey) => {
    const id = entryKey(key);
    let found = rows.get(id);
    if (!found) {
      found = { key, plan: 0, previous: null, current: null };
      rows.set(id, found);
    }
    return found;
  };
  for (const k of foldIssued(db, year, cutoffDate)) {
    if (k.amount === 0) continue;
    const commune = names.commune(k.recipient_unit_id);
    slot({ component_id: k.component_id, project_id: k.project_id, commune_unit_id: commune ? k.recipient_unit_id : null, source_code: k.source_code, capital_type: k.capital_type, origin_year: k.origin_year }).plan += k.amount;
  }
  for (const e of db.prepare('SELECT DISTINCT component_id, project_id, commune_unit_id, source_code, capital_type, origin_year FROM disbursement WHERE year = ?').all(year) as EntryKey[]) slot(e);
  // Money of an earlier year carried over that no decision of this year allocates again: its plan is the extended
  // plan assigned to the component, on the component's row where disbursement is reported (not 0 beside it).
  const allocatedCarried = new Set([...rows.values()].filter((r) => r.key.origin_year < year && r.plan !== 0).map((r) => carriedKey(r.key)));
  // Money a khoản 7 điểm b transfer moved (assignment_movement) leaves the 2021–2025 component's extended plan and
  // becomes the receiving content's, under the same origin year (as in the ledger's balance).
  const extended = db
    .prepare(
      `SELECT component_id, source_code, capital_type, origin_year, SUM(amount_dong) AS amount FROM (
         SELECT component_id, source_code, capital_type, origin_year, amount_dong FROM assignment WHERE year = ? AND origin_year < ?
         UNION ALL
         SELECT component_id, source_code, capital_type, origin_year, amount_dong FROM assignment_movement WHERE year = ? AND origin_year < ?)
       GROUP BY component_id, source_code, capital_type, origin_year`,
    )
    .all(year, year, year, year) as { component_id: number; source_code: string; capital_type: string; origin_year: number; amount: number }[];
  const deadlineBook = new DeadlineBook(db);
  for (const a of extended) {
    const key = { component_id: a.component_id, project_id: null, commune_unit_id: null, source_code: a.source_code, capital_type: a.capital_type, origin_year: a.origin_year } as EntryKey;
    if (a.amount === 0 || allocatedCarried.has(carriedKey(key))) continue;
    // Money an extension record carries into the year has its row before its first figure is reported too: the
    // officer types that figure against this plan. Money nothing extended only shows once figures of it exist.
    const scope = { originYear: a.origin_year, programCode: names.component(a.component_id).programCode, sourceCode: a.source_code, capitalType: a.capital_type as CapitalTypeCode };
    const row = rows.get(entryKey(key)) ?? (deadlineBook.of(scope).extensionId !== null ? slot(key) : undefined);
    if (row) row.plan += a.amount;
  }
  for (const e of latestEntries(db, year, cutoffDate, true) as StoredEntry[]) slot(e).previous = e;
  for (const e of db.prepare('SELECT * FROM disbursement WHERE year = ? AND cutoff_date = ?').all(year, cutoffDate) as StoredEntry[]) slot(e).current = e;
  const list: DisbursementSheetRow[] = [...rows.entries()]
    .map(([rowId, r]) => {
      const c = names.component(r.key.component_id);
      const project = names.project(r.key.project_id);
      const commune = names.commune(r.key.commune_unit_id);
      const shown = r.current?.cumulative_dong ?? r.previous?.cumulative_dong ?? 0;
      return {
        rowId,
        componentCode: c.code,
        componentName: c.name,
        programCode: c.programCode,
        programName: c.programName,
        projectCode: project?.code ?? null,
        projectName: project?.name ?? null,
        communeCode: commune?.code ?? null,
        communeName: commune?.name ?? null,
        sourceCode: r.key.source_code,
        capitalType: r.key.capital_type,
        originYear: r.key.origin_year,
        planDong: toDong(r.plan),
        previousDong: toDong(r.previous?.cumulative_dong ?? 0),
        previousCutoff: r.previous?.cutoff_date ?? null,
        cumulativeDong: r.current ? toDong(r.current.cumulative_dong) : null,
        recoveryDong: toDong(r.current?.recovery_dong ?? 0),
        dataSource: r.current?.data_source ?? null,
        note: r.current?.note ?? '',
        warnings: storedWarnings(r.current),
        rateText: rateText(shown, r.plan),
        // Rule 12: the row's rate names its plan — the year's whole plan, or the extended plan of an earlier year.
        denominator: namedDenominator(r.key.origin_year < year ? 'keo_dai' : 'ca_nam', r.key.origin_year),
        sortKey: [c.programSortOrder, c.sortOrder, project?.code ?? '', commune?.code ?? '', r.key.source_code === 'NSTW' ? ' ' : r.key.source_code, r.key.capital_type, -r.key.origin_year] as (string | number)[],
      };
    })
    .sort((a, b) => {
      for (let i = 0; i < a.sortKey.length; i++) {
        const x = a.sortKey[i]!;
        const y = b.sortKey[i]!;
        if (x !== y) return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
      }
      return 0;
    })
    .map(({ sortKey: _sortKey, ...row }) => row);
  const cutoffs = (db.prepare('SELECT DISTINCT cutoff_date AS d FROM disbursement WHERE year = ? ORDER BY d DESC').all(year) as { d: string }[]).map((r) => r.d);
  const plan = list.reduce((a, r) => a + r.planDong, 0);
  const cumulative = latestEntries(db, year, cutoffDate).reduce((a, e) => a + e.cumulative_dong, 0);
  return { year, cutoffDate, cutoffs, rows: list, planDong: toDong(plan), cumulativeDong: toDong(cumulative), rateText: rateText(cumulative, plan) };
}
