import type { AmountInput } from '../../../shared/api/schemas';
import type { AssignmentPatch } from '../../../shared/api/assignments';
import type { CommandArgs } from '../../../shared/api/contract';
import type { AssignmentChange, AssignmentLine, AssignmentSheet, AssignmentTotals, ProgramTotal, TotalCell } from '../../../shared/api/assignments';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { ASSIGNMENT_FIELD_LABELS } from '../../../shared/domain/labels';
import { isValidIsoDate } from '../../../shared/format/date';
import { toDong, type Dong } from '../../../shared/money/dong';
import { amountFromInput } from '../money-input';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { counterpartRatio } from '../rules/counterpart';
import { CoreError } from '../errors';
import { findComponentForYear, periodsOfComponent } from '../reference/catalog';
import { requireOffice } from '../office/office';
import { assertKeyCoversMovedOut, movementLines } from '../transfers/movements';

interface AssignmentRow {
  id: number;
  year: number;
  component_id: number;
  source_code: string;
  capital_type: CapitalTypeCode;
  origin_year: number;
  amount_dong: number;
  basis_number: string;
  basis_date: string | null;
  basis_issuer: string;
  note: string;
}

interface LineRow extends AssignmentRow {
  component_code: string;
  component_name: string;
  program_code: string;
  program_name: string;
}

const LINE_SELECT = `
  SELECT a.*, c.code AS component_code, c.name_vi AS component_name, c.program_code,
    pr.name_vi AS program_name
  FROM assignment a
  JOIN component c ON c.id = a.component_id
  LEFT JOIN component pr ON pr.period_code = c.period_code AND pr.code = c.program_code
  JOIN funding_source s ON s.code = a.source_code
  JOIN capital_type t ON t.code = a.capital_type`;

function toLine(r: LineRow): AssignmentLine {
  return {
    id: r.id,
    year: r.year,
    componentCode: r.component_code,
    componentName: r.component_name,
    programCode: r.program_code,
    programName: r.program_name ?? r.program_code,
    sourceCode: r.source_code,
    capitalType: r.capital_type,
    originYear: r.origin_year,
    amountDong: toDong(r.amount_dong),
    basisNumber: r.basis_number,
    basisDate: r.basis_date,
    basisIssuer: r.basis_issuer,
    note: r.note,
  };
}

function fieldError(code: ConstructorParameters<typeof CoreError>[0], field: keyof AssignmentPatch, message: string, extra: Record<string, unknown> = {}): CoreError {
  return new CoreError(code, `${ASSIGNMENT_FIELD_LABELS[field]}: ${message}`, { field, ...extra });
}

function resolveAmount(input: AmountInput): Dong {
  const amount = amountFromInput(input, 'amount', ASSIGNMENT_FIELD_LABELS.amount);
  if (amount < 0) throw negativeAmount();
  return amount;
}

function negativeAmount(): CoreError {
  return fieldError(
    'NEGATIVE_AMOUNT',
    'amount',
    'số vốn được giao không được âm. Nhập số dương; khoản giảm hoặc thu hồi vốn được ghi bằng quyết định điều chỉnh.',
  );
}

interface ValidLine {
  year: number;
  componentId: number;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  amountDong: Dong;
  basisNumber: string;
  basisDate: string | null;
  basisIssuer: string;
  note: string;
}

/** Validates a whole line against the dated reference data; throws a field-named CoreError. */
function validateLine(db: Db, draft: Omit<ValidLine, 'componentId'> & { componentCode: string }): ValidLine {
  if (draft.originYear > draft.year || draft.originYear < draft.year - 10) {
    throw fieldError('INVALID_ORIGIN_YEAR', 'originYear', `năm nguồn vốn ${draft.originYear} phải từ ${draft.year - 10} đến ${draft.year} (vốn năm trước kéo dài sang năm ${draft.year}).`, {
      value: draft.originYear,
    });
  }
  // Money keeps the catalog of its origin year: carried-over 2021–2025 money stays on the old components.
  const component = findComponentForYear(db, draft.componentCode, draft.originYear);
  if (!component) {
    const periods = periodsOfComponent(db, draft.componentCode);
    if (periods.length === 0) {
      throw fieldError('UNKNOWN_COMPONENT', 'componentCode', `không có mã "${draft.componentCode}" trong danh mục chương trình. Hãy chọn hợp phần từ danh sách.`, {
        value: draft.componentCode,
      });
    }
    throw fieldError(
      'COMPONENT_NOT_VALID_FOR_YEAR',
      'componentCode',
      `"${draft.componentCode}" thuộc danh mục giai đoạn ${periods.map((p) => p.code).join(', ')}, không áp dụng cho vốn năm ${draft.originYear}. Hãy chọn hợp phần của danh mục năm ${draft.originYear}.`,
      { value: draft.componentCode, year: draft.originYear },
    );
  }
  const source = db.prepare('SELECT code FROM funding_source WHERE code = ?').get(draft.sourceCode);
  if (!source) {
    throw fieldError('UNKNOWN_FUNDING_SOURCE', 'sourceCode', `không có nguồn vốn "${draft.sourceCode}". Chọn một nguồn trong danh mục (NSTW, NS tỉnh đối ứng…).`, {
      value: draft.sourceCode,
    });
  }
  if (!component.allowedCapitalTypes.includes(draft.capitalType)) {
    throw fieldError('CAPITAL_TYPE_NOT_ALLOWED', 'capitalType', `hợp phần ${component.code} không nhận loại vốn ${draft.capitalType}.`, { value: draft.capitalType });
  }
  if (draft.basisDate !== null && !isValidIsoDate(draft.basisDate)) {
    throw fieldError('INVALID_DATE', 'basisDate', `"${draft.basisDate}" không phải ngày hợp lệ (dd/mm/yyyy).`, { value: draft.basisDate });
  }
  const { componentCode: _code, ...rest } = draft;
  return { ...rest, componentId: component.id };
}

function getRow(db: Db, id: number): LineRow {
  const row = db.prepare(`${LINE_SELECT} WHERE a.id = ?`).get(id) as LineRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy dòng vốn được giao số ${id}; có thể dòng đã bị xoá. Hãy tải lại màn hình.`, { id });
  return row;
}

export function listAssignments(db: Db, year: number): AssignmentSheet {
  const rows = db
    .prepare(
      `${LINE_SELECT} WHERE a.year = ?
       ORDER BY COALESCE(pr.sort_order, c.sort_order), c.sort_order, s.sort_order, t.sort_order, a.origin_year DESC, a.id`,
    )
    .all(year) as LineRow[];
  const lines = rows.map(toLine);
  // Plans never mix money years: the year's own money, then each earlier year's carried-over money on its own.
  const earlier = (db.prepare('SELECT DISTINCT origin_year AS y FROM assignment WHERE year = ? AND origin_year <> ? ORDER BY origin_year DESC').all(year, year) as { y: number }[]).map((r) => r.y);
  return {
    year,
    lines,
    totals: totalsOf(db, year, year),
    carriedOver: earlier.map((originYear) => ({ originYear, totals: totalsOf(db, year, originYear) })),
    counterpart: counterpartRatio(db, year),
    movements: movementLines(db, year),
  };
}

/** Totals of one origin year's money per program and per source × capital type, summed in SQL over integer đồng. */
function totalsOf(db: Db, year: number, originYear: number): AssignmentTotals {
  const cells = db
    .prepare(
      `SELECT c.program_code AS programCode, COALESCE(pr.name_vi, c.program_code) AS programName,
         a.source_code AS sourceCode, a.capital_type AS capitalType, SUM(a.amount_dong) AS totalDong
       FROM assignment a JOIN component c ON c.id = a.component_id
       LEFT JOIN component pr ON pr.period_code = c.period_code AND pr.code = c.program_code
       JOIN funding_source s ON s.code = a.source_code JOIN capital_type t ON t.code = a.capital_type
       WHERE a.year = ? AND a.origin_year = ?
       GROUP BY c.program_code, a.source_code, a.capital_type
       ORDER BY MIN(COALESCE(pr.sort_order, c.sort_order)), s.sort_order, t.sort_order`,
    )
    .all(year, originYear) as (TotalCell & { programCode: string; programName: string })[];
  const byProgram = new Map<string, ProgramTotal>();
  const bySourceCapital = new Map<string, TotalCell>();
  let grand = 0;
  for (const cell of cells) {
    const program = byProgram.get(cell.programCode) ?? { programCode: cell.programCode, programName: cell.programName, totalDong: toDong(0), cells: [] };
    program.totalDong = toDong(program.totalDong + cell.totalDong);
    program.cells.push({ sourceCode: cell.sourceCode, capitalType: cell.capitalType, totalDong: toDong(cell.totalDong) });
    byProgram.set(cell.programCode, program);
    const key = `${cell.sourceCode}|${cell.capitalType}`;
    const sc = bySourceCapital.get(key) ?? { sourceCode: cell.sourceCode, capitalType: cell.capitalType, totalDong: toDong(0) };
    sc.totalDong = toDong(sc.totalDong + cell.totalDong);
    bySourceCapital.set(key, sc);
    grand += cell.totalDong;
  }
  return { grandDong: toDong(grand), byProgram: [...byProgram.values()], bySourceCapital: [...bySourceCapital.values()] };
}

export function createAssignment(ctx: CoreContext, args: CommandArgs<'assignments.create'>): AssignmentChange {
  const { db } = ctx;
  requireOffice(db);
  const line = validateLine(db, {
    year: args.year,
    componentCode: args.componentCode,
    sourceCode: args.sourceCode,
    capitalType: args.capitalType,
    originYear: args.originYear ?? args.year,
    amountDong: resolveAmount(args.amount),
    basisNumber: args.basisNumber ?? '',
    basisDate: args.basisDate ?? null,
    basisIssuer: args.basisIssuer ?? '',
    note: args.note ?? '',
  });
  const created = db.transaction(() => {
    const now = ctx.now();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO assignment (year, component_id, source_code, capital_type, origin_year, amount_dong, basis_number, basis_date, basis_issuer, note, created_at, updated_at)
         VALUES (@year, @componentId, @sourceCode, @capitalType, @originYear, @amountDong, @basisNumber, @basisDate, @basisIssuer, @note, @now, @now)`,
      )
      .run({ ...line, now });
    const after = toLine(getRow(db, Number(lastInsertRowid)));
    writeAudit(ctx, 'assignments.create', 'assignment', after.id, null, after);
    return after;
  })();
  return { line: created, sheet: listAssignments(db, args.year) };
}

export function updateAssignment(ctx: CoreContext, args: CommandArgs<'assignments.update'>): AssignmentChange {
  const { db } = ctx;
  const before = getRow(db, args.id);
  const { patch } = args;
  const line = validateLine(db, {
    year: before.year,
    componentCode: patch.componentCode ?? before.component_code,
    sourceCode: patch.sourceCode ?? before.source_code,
    capitalType: patch.capitalType ?? before.capital_type,
    originYear: patch.originYear ?? before.origin_year,
    amountDong: patch.amount === undefined ? toDong(before.amount_dong) : resolveAmount(patch.amount),
    basisNumber: patch.basisNumber ?? before.basis_number,
    basisDate: patch.basisDate === undefined ? before.basis_date : patch.basisDate,
    basisIssuer: patch.basisIssuer ?? before.basis_issuer,
    note: patch.note ?? before.note,
  });
  const updated = db.transaction(() => {
    db.prepare(
      `UPDATE assignment SET component_id = @componentId, source_code = @sourceCode, capital_type = @capitalType, origin_year = @originYear,
         amount_dong = @amountDong, basis_number = @basisNumber, basis_date = @basisDate, basis_issuer = @basisIssuer, note = @note, updated_at = @now
       WHERE id = @id`,
    ).run({ ...line, id: args.id, now: ctx.now() });
    assertKeyCoversMovedOut(db, before.year, before.component_id, before.source_code, before.capital_type, before.origin_year);
    const after = toLine(getRow(db, args.id));
    writeAudit(ctx, 'assignments.update', 'assignment', args.id, toLine(before), after);
    return after;
  })();
  return { line: updated, sheet: listAssignments(db, before.year) };
}

export function deleteAssignment(ctx: CoreContext, args: CommandArgs<'assignments.delete'>): AssignmentChange {
  const { db } = ctx;
  const before = getRow(db, args.id);
  db.transaction(() => {
    db.prepare('DELETE FROM assignment WHERE id = ?').run(args.id);
    assertKeyCoversMovedOut(db, before.year, before.component_id, before.source_code, before.capital_type, before.origin_year);
    writeAudit(ctx, 'assignments.delete', 'assignment', args.id, toLine(before), null);
  })();
  return { line: null, sheet: listAssignments(db, before.year) };
}
