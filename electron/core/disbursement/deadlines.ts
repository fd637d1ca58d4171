/**
 * Carried-over money (kéo dài) and its deadlines (rule 13): the money of origin year Y may be disbursed until
 * 31/01 of Y+1; an extension record moves that, at most to 31/12 of Y+1, later only on a National Assembly basis
 * (NQ 108/2023/QH15 carried 2022 money into 2024; NQ 257/2025/QH15 extends 2021–2025 money to 31/12/2026).
 */
import type { CommandArgs } from '../../../shared/api/contract';
import { EXTENSION_AUTHORITY_LABELS, type CarriedOverRow, type Deadlines, type Extension, type ExtensionAuthority } from '../../../shared/api/disbursement';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { formatDateVi } from '../../../shared/format/date';
import { toDong } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { rulesValidOn, param } from '../rules/definitions';
import { daysBetween, figure, type LatestEntry } from './figures';
import { ceilingFigures, planOfFigure, programOrder } from './progress';

interface ExtensionRow {
  id: number;
  origin_year_from: number;
  origin_year_to: number;
  program_code: string | null;
  source_code: string | null;
  capital_type: CapitalTypeCode | null;
  project_id: number | null;
  project_code: string | null;
  authority: ExtensionAuthority;
  decision_number: string;
  decision_date: string;
  new_deadline: string;
  note: string;
}

const SELECT = 'SELECT e.*, p.code AS project_code FROM extension e LEFT JOIN investment_project p ON p.id = e.project_id';

function toExtension(r: ExtensionRow): Extension {
  return {
    id: r.id,
    originYearFrom: r.origin_year_from,
    originYearTo: r.origin_year_to,
    programCode: r.program_code,
    sourceCode: r.source_code,
    capitalType: r.capital_type,
    projectCode: r.project_code,
    authority: r.authority,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    newDeadline: r.new_deadline,
    note: r.note,
  };
}

export function listExtensions(db: Db): Extension[] {
  return (db.prepare(`${SELECT} ORDER BY e.origin_year_from DESC, e.new_deadline DESC, e.id`).all() as ExtensionRow[]).map(toExtension);
}

/** Rule 13 (disbursementDeadline): month-day parameters valid in the year after the origin year ("01-31": 31 January; "12-31": the ceiling). */
function deadlineParameters(db: Db, originYear: number): { defaultDeadline: string; ceiling: string } {
  const rule = rulesValidOn(db, `${originYear + 1}-01-01`).get(13);
  const day = (name: string, fallback: string) => `${originYear + 1}-${rule ? param(rule, name, fallback) : fallback}`;
  return { defaultDeadline: day('defaultDeadline', '01-31'), ceiling: day('ceiling', '12-31') };
}

export interface MoneyScope {
  originYear: number;
  programCode: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  projectId?: number | null;
}

export interface DeadlineInfo {
  deadline: string;
  basis: string;
  extensionId: number | null;
}

/**
 * Until when money may be disbursed: the extension records and rule 13's dated parameters, read once and kept
 * for a batch (a grid save, an import, a view), so each key costs no query.
 */
export class DeadlineBook {
  private readonly extensions: ExtensionRow[];
  private readonly rules = new Map<number, { defaultDeadline: string; ceiling: string }>();

  constructor(private readonly db: Db) {
    this.extensions = db.prepare(SELECT).all() as ExtensionRow[];
  }

  private rule(originYear: number) {
    let found = this.rules.get(originYear);
    if (!found) {
      found = deadlineParameters(this.db, originYear);
      this.rules.set(originYear, found);
    }
    return found;
  }

  defaultDeadline(originYear: number): string {
    return this.rule(originYear).defaultDeadline;
  }

  ceiling(originYear: number): string {
    return this.rule(originYear).ceiling;
  }

  /** The latest matching extension, or the law's default. */
  of(scope: MoneyScope): DeadlineInfo {
    const best = this.extensions
      .filter(
        (e) =>
          e.origin_year_from <= scope.originYear &&
          scope.originYear <= e.origin_year_to &&
          (e.program_code === null || e.program_code === scope.programCode) &&
          (e.source_code === null || e.source_code === scope.sourceCode) &&
          (e.capital_type === null || e.capital_type === scope.capitalType) &&
          (e.project_id === null || e.project_id === (scope.projectId ?? null)),
      )
      .sort((a, b) => b.new_deadline.localeCompare(a.new_deadline))[0];
    const fallback = this.defaultDeadline(scope.originYear);
    if (!best || best.new_deadline <= fallback) {
      return { deadline: fallback, basis: `Mặc định: kế hoạch năm ${scope.originYear} giải ngân đến ${formatDateVi(fallback)} (Luật Đầu tư công)`, extensionId: null };
    }
    return {
      deadline: best.new_deadline,
      basis: `Kéo dài đến ${formatDateVi(best.new_deadline)} theo ${best.decision_number} ngày ${formatDateVi(best.decision_date)} của ${EXTENSION_AUTHORITY_LABELS[best.authority]}`,
      extensionId: best.id,
    };
  }
}

export function warnDays(db: Db): number {
  return (db.prepare('SELECT warn_days FROM disbursement_setting WHERE id = 1').get() as { warn_days: number } | undefined)?.warn_days ?? 30;
}

export function setWarnDays(ctx: CoreContext, days: number): { warnDays: number } {
  return ctx.db.transaction(() => {
    const before = warnDays(ctx.db);
    ctx.db.prepare('INSERT INTO disbursement_setting (id, warn_days) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET warn_days = excluded.warn_days').run(days);
    writeAudit(ctx, 'disbursement.setWarnDays', 'disbursement_setting', 1, { warnDays: before }, { warnDays: days });
    return { warnDays: days };
  })();
}

/** Every origin year's money held in a plan year, its remaining amount as of a date and its deadline. */
export function deadlines(db: Db, year: number, asOf: string, latest?: LatestEntry[]): Deadlines {
  const book = new DeadlineBook(db);
  const days = warnDays(db);
  const pOrder = programOrder(db);
  const rows: CarriedOverRow[] = ceilingFigures(db, year, asOf, latest)
    .filter((f) => planOfFigure(f) > 0)
    .sort((a, b) => a.originYear - b.originYear || (pOrder.get(a.programCode) ?? 0) - (pOrder.get(b.programCode) ?? 0) || a.sourceCode.localeCompare(b.sourceCode) || a.capitalType.localeCompare(b.capitalType))
    .map((f) => {
      const plan = planOfFigure(f);
      const info = book.of(f);
      const remaining = plan - f.disbursed;
      const daysLeft = daysBetween(asOf, info.deadline);
      const status = remaining <= 0 ? 'da_giai_ngan_het' : daysLeft < 0 ? 'qua_han' : daysLeft <= days ? 'sap_het_han' : 'con_han';
      return {
        ...figure(plan, f.disbursed),
        originYear: f.originYear,
        programCode: f.programCode,
        programName: f.programName,
        sourceCode: f.sourceCode,
        capitalType: f.capitalType,
        remainingDong: toDong(Math.max(remaining, 0)),
        deadline: info.deadline,
        deadlineBasis: info.basis,
        extensionId: info.extensionId,
        daysLeft,
        status,
      };
    });
  return { year, asOf, warnDays: days, rows };
}

export function createExtension(ctx: CoreContext, args: CommandArgs<'extensions.create'>): Extension {
  const { db } = ctx;
  return db.transaction(() => {
    if (args.originYearTo < args.originYearFrom) {
      throw new CoreError('INVALID_YEAR_RANGE', `Năm nguồn vốn: "từ năm" ${args.originYearFrom} phải không sau "đến năm" ${args.originYearTo}.`, { field: 'originYearTo' });
    }
    const book = new DeadlineBook(db);
    const earliest = book.defaultDeadline(args.originYearFrom);
    if (args.newDeadline <= earliest) {
      throw new CoreError(
        'EXTENSION_BAD_DEADLINE',
        `Hạn mới ${formatDateVi(args.newDeadline)} không muộn hơn hạn mặc định ${formatDateVi(earliest)} của vốn năm ${args.originYearFrom}; quyết định kéo dài phải đưa ra hạn sau ngày đó.`,
        { field: 'newDeadline' },
      );
    }
    // Rule 13: beyond 31/12 of the next year only the National Assembly can extend (checked for each origin year).
    if (args.authority !== 'QH') {
      for (let y = args.originYearFrom; y <= args.originYearTo; y++) {
        const ceiling = book.ceiling(y);
        if (args.newDeadline > ceiling) {
          throw new CoreError(
            'EXTENSION_NEEDS_ASSEMBLY',
            `Hạn mới ${formatDateVi(args.newDeadline)} muộn hơn ${formatDateVi(ceiling)} (31/12 năm sau năm nguồn ${y}): ${EXTENSION_AUTHORITY_LABELS[args.authority]} chỉ được kéo dài đến ${formatDateVi(ceiling)}. Muộn hơn cần nghị quyết của Quốc hội (ví dụ NQ 108/2023/QH15, NQ 257/2025/QH15): chọn cơ quan "Quốc hội" và ghi số nghị quyết.`,
            { field: 'newDeadline', ceiling, originYear: y },
          );
        }
      }
    }
    if (args.programCode && !db.prepare("SELECT 1 FROM component WHERE level = 'program' AND code = ?").get(args.programCode)) {
      throw new CoreError('UNKNOWN_COMPONENT', `Chương trình: không có mã "${args.programCode}" (DTTS, GNBV, NTM…).`, { field: 'programCode' });
    }
    if (args.sourceCode && !db.prepare('SELECT 1 FROM funding_source WHERE code = ?').get(args.sourceCode)) {
      throw new CoreError('UNKNOWN_FUNDING_SOURCE', `Nguồn vốn: không có nguồn "${args.sourceCode}".`, { field: 'sourceCode' });
    }
    let projectId: number | null = null;
    if (args.projectCode) {
      projectId = (db.prepare('SELECT id FROM investment_project WHERE code = ?').get(args.projectCode) as { id: number } | undefined)?.id ?? null;
      if (projectId === null) throw new CoreError('UNKNOWN_PROJECT', `Dự án: không có dự án mã "${args.projectCode}" trong danh mục dự án.`, { field: 'projectCode' });
    }
    const now = ctx.now();
    const id = Number(
      db
        .prepare(
          `INSERT INTO extension (origin_year_from, origin_year_to, program_code, source_code, capital_type, project_id, authority, decision_number, decision_date, new_deadline, note, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(args.originYearFrom, args.originYearTo, args.programCode ?? null, args.sourceCode ?? null, args.capitalType ?? null, projectId, args.authority, args.decisionNumber, args.decisionDate, args.newDeadline, args.note ?? '', now, now).lastInsertRowid,
    );
    const created = toExtension(db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as ExtensionRow);
    writeAudit(ctx, 'extensions.create', 'extension', id, null, created);
    return created;
  })();
}

export function deleteExtension(ctx: CoreContext, id: number): { deletedId: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as ExtensionRow | undefined;
    if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy quyết định kéo dài số ${id}; hãy tải lại danh sách.`, { id });
    db.prepare('DELETE FROM extension WHERE id = ?').run(id);
    writeAudit(ctx, 'extensions.delete', 'extension', id, toExtension(row), null);
    return { deletedId: id };
  })();
}
