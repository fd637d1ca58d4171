/**
 * Editing the lines of a draft: add, update, delete in one batch = one transaction = one undo step.
 * Each change is resolved against the dated reference data; what cannot be stored is refused with the
 * change's index and field, what can be stored but breaks a rule is left to the rules engine.
 */
import type { CommandArgs } from '../../../shared/api/contract';
import type { LineChange, LineInput, LinePatch } from '../../../shared/api/decisions';
import type { RecipientInput } from '../../../shared/api/registers';
import type { DecisionKind, LineChangeResult, LineProblem } from '../../../shared/api/decisions';
import type { OfficeInfo } from '../../../shared/api/office';
import { ADJUSTMENT_KINDS } from '../../../shared/domain/documents';
import { LINE_FIELD_LABELS } from '../../../shared/domain/labels';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { inForceMap, lineKey } from '../ledger/fold';
import { amountFromInput } from '../money-input';
import { requireOffice } from '../office/office';
import { resolveComponentCode } from '../reference/catalog';
import { resolveRecipient } from '../registers/recipients';
import { editHistory, recordEdit, type LineState } from './history';
import { decisionTotals, getDraftRow, getLinesByIds, toHeader } from './store';
import { LINE_COLUMNS, type DecisionRow, type LineRecord } from './rows';
import { vietnamDate } from '../../../shared/format/today';


export function draftDate(row: DecisionRow, now: string): string {
  return row.doc_date ?? vietnamDate(now);
}

const label = (field: keyof LinePatch) => LINE_FIELD_LABELS[field];

/** Resolves line inputs against the database for one draft; caches what a batch asks for repeatedly. */
export class LineResolver {
  private inForce: Map<string, number> | null = null;
  private readonly office: OfficeInfo;
  private readonly date: string;
  private readonly sources: Set<string>;
  private readonly reasons: Set<string>;
  private readonly recipients = new Map<string, { unitId: number | null; orgId: number | null }>();

  constructor(
    private readonly db: Db,
    readonly draft: DecisionRow,
    now: string,
  ) {
    this.office = requireOffice(db);
    this.date = draftDate(draft, now);
    this.sources = new Set((db.prepare('SELECT code FROM funding_source').all() as { code: string }[]).map((r) => r.code));
    this.reasons = new Set((db.prepare('SELECT code FROM reason_code').all() as { code: string }[]).map((r) => r.code));
  }

  /** The amount in force for a key on the draft's date (issued decisions only). */
  amountInForce(parts: Parameters<typeof lineKey>[0]): number {
    this.inForce ??= inForceMap(this.db, this.draft.year, this.date);
    return this.inForce.get(lineKey(parts)) ?? 0;
  }

  component(code: string, originYear: number): number {
    const found = resolveComponentCode(this.db, code, originYear);
    if (!found) {
      throw new CoreError('UNKNOWN_COMPONENT', `${label('componentCode')}: không có mã "${code}" trong danh mục chương trình. Chọn hạng mục từ danh sách.`, {
        field: 'componentCode',
        value: code,
      });
    }
    return found.id;
  }

  recipient(input: RecipientInput): { unitId: number | null; orgId: number | null } {
    const key = JSON.stringify(input);
    let found = this.recipients.get(key);
    if (!found) {
      found = resolveRecipient(this.db, input, this.date, this.office);
      this.recipients.set(key, found);
    }
    return found;
  }

  project(code: string | null): number | null {
    if (code === null) return null;
    const row = this.db.prepare('SELECT id FROM investment_project WHERE code = ?').get(code) as { id: number } | undefined;
    if (!row) {
      throw new CoreError('UNKNOWN_PROJECT', `${label('projectCode')}: không có dự án mã "${code}" trong danh mục dự án ĐTPT. Thêm dự án vào danh mục trước.`, {
        field: 'projectCode',
        value: code,
      });
    }
    return row.id;
  }

  source(code: string): string {
    if (!this.sources.has(code)) {
      throw new CoreError('UNKNOWN_FUNDING_SOURCE', `${label('sourceCode')}: không có nguồn vốn "${code}". Chọn một nguồn trong danh mục (NSTW, NS tỉnh đối ứng…).`, {
        field: 'sourceCode',
        value: code,
      });
    }
    return code;
  }

  reason(code: string | null): string | null {
    if (code !== null && !this.reasons.has(code)) {
      throw new CoreError('UNKNOWN_REASON', `${label('reasonCode')}: không có mã lý do "${code}". Chọn một lý do trong danh sách.`, { field: 'reasonCode', value: code });
    }
    return code;
  }

  originYear(value: number): number {
    const year = this.draft.year;
    if (value > year || value < year - 10) {
      throw new CoreError('INVALID_ORIGIN_YEAR', `${label('originYear')}: năm ${value} phải từ ${year - 10} đến ${year} (vốn năm trước kéo dài sang năm ${year}).`, {
        field: 'originYear',
        value,
      });
    }
    return value;
  }

  get kind(): DecisionKind {
    return this.draft.kind;
  }

  componentCodeOf(componentId: number): string {
    return (this.db.prepare('SELECT code FROM component WHERE id = ?').get(componentId) as { code: string }).code;
  }
}

type LineFields = Omit<LineRecord, 'id' | 'decision_id' | 'position'>;

/** Builds the stored fields of a line from its full input (add) or its previous state and a patch (update). */
function resolveFields(r: LineResolver, previous: LineRecord | null, input: LinePatch & { componentCode?: string }): LineFields {
  const originYear = r.originYear(input.originYear ?? previous?.origin_year ?? r.draft.year);
  const componentId =
    input.componentCode !== undefined || input.originYear !== undefined || previous === null
      ? r.component(input.componentCode ?? r.componentCodeOf(previous!.component_id), originYear)
      : previous.component_id;
  const recipient = input.recipient !== undefined ? r.recipient(input.recipient) : previous ? { unitId: previous.recipient_unit_id, orgId: previous.recipient_org_id } : r.recipient({ kind: 'district' });
  const capitalType = input.capitalType ?? previous!.capital_type;
  const projectId = input.projectCode !== undefined ? r.project(input.projectCode) : (previous?.project_id ?? null);
  if (projectId !== null && capitalType !== 'DTPT') {
    throw new CoreError('PROJECT_NEEDS_DTPT', `${label('projectCode')}: chỉ dòng vốn đầu tư phát triển (ĐTPT) mới gắn với dự án. Bỏ dự án hoặc đổi loại vốn sang ĐTPT.`, {
      field: 'projectCode',
    });
  }
  const key = {
    component_id: componentId,
    recipient_unit_id: recipient.unitId,
    recipient_org_id: recipient.orgId,
    project_id: projectId,
    source_code: input.sourceCode !== undefined ? r.source(input.sourceCode) : previous!.source_code,
    capital_type: capitalType,
    origin_year: originYear,
  };
  const keyChanged = previous === null || lineKey(key) !== lineKey(previous);
  const withBefore = ADJUSTMENT_KINDS.has(r.kind);
  const before = withBefore ? (keyChanged ? r.amountInForce(key) : (previous!.before_dong ?? r.amountInForce(key))) : null;
  let amount = previous?.amount_dong ?? 0;
  if (input.amount !== undefined) amount = amountFromInput(input.amount, 'amount', label('amount'));
  if (input.after !== undefined) {
    if (before === null) {
      throw new CoreError('INVALID_INPUT', `${label('after')}: chỉ quyết định điều chỉnh, bổ sung, thu hồi mới nhập số sau điều chỉnh. Nhập số tiền phân bổ.`, { field: 'after' });
    }
    amount = amountFromInput(input.after, 'after', label('after')) - before;
  }
  return {
    ...key,
    amount_dong: amount,
    before_dong: before,
    reason_code: input.reasonCode !== undefined ? r.reason(input.reasonCode) : (previous?.reason_code ?? null),
    note: input.note ?? previous?.note ?? '',
  };
}

function problemOf(index: number, error: CoreError): LineProblem {
  return { index, field: typeof error.details?.field === 'string' ? error.details.field : null, code: error.code, message: `Dòng thay đổi ${index + 1}: ${error.message}` };
}

const INSERT_LINE = `INSERT INTO decision_line (${LINE_COLUMNS.filter((c) => c !== 'id').join(', ')})
  VALUES (${LINE_COLUMNS.filter((c) => c !== 'id').map((c) => `@${c}`).join(', ')}) RETURNING id`;
const UPDATE_LINE = `UPDATE decision_line SET ${LINE_COLUMNS.filter((c) => c !== 'id' && c !== 'decision_id' && c !== 'position')
  .map((c) => `${c} = @${c}`)
  .join(', ')} WHERE id = @id`;

function describeBatch(changes: LineChange[]): string {
  if (changes.length === 1) {
    const c = changes[0]!;
    return c.op === 'add' ? 'Thêm dòng' : c.op === 'delete' ? 'Xoá dòng' : 'Sửa dòng';
  }
  return `Thay đổi ${changes.length} dòng`;
}

/** Applies a batch of line changes to a draft in one transaction and records it as one undo step. */
export function applyLineChanges(ctx: CoreContext, args: CommandArgs<'decisions.lines.apply'>): LineChangeResult {
  const { db } = ctx;
  return db.transaction(() => {
    const draft = getDraftRow(db, args.decisionId);
    if (draft.implements_id !== null) {
      throw new CoreError(
        'INVALID_LINES',
        'Quyết định giao dự toán thực hiện một nghị quyết của HĐND: số liệu là các dòng của nghị quyết, không nhập dòng riêng. Muốn đổi số liệu, hãy điều chỉnh nghị quyết.',
        { decisionId: draft.id },
      );
    }
    const resolver = new LineResolver(db, draft, ctx.now());
    const problems: LineProblem[] = [];
    const states: LineState[] = [];
    const getLine = db.prepare(`SELECT ${LINE_COLUMNS.join(', ')} FROM decision_line WHERE id = ? AND decision_id = ?`);
    const insert = db.prepare(INSERT_LINE);
    const update = db.prepare(UPDATE_LINE);
    const remove = db.prepare('DELETE FROM decision_line WHERE id = ?');
    let nextPosition = ((db.prepare('SELECT MAX(position) AS p FROM decision_line WHERE decision_id = ?').get(draft.id) as { p: number | null }).p ?? 0) + 1;
    args.changes.forEach((change, index) => {
      try {
        if (change.op === 'add') {
          const fields = resolveFields(resolver, null, change.line as LineInput);
          const record = { ...fields, decision_id: draft.id, position: nextPosition++ };
          const { id } = insert.get(record) as { id: number };
          states.push({ before: null, after: { id, ...record } });
          return;
        }
        const previous = getLine.get(change.id, draft.id) as LineRecord | undefined;
        if (!previous) throw new CoreError('NOT_FOUND', 'dòng này không còn trong dự thảo (có thể đã bị xoá ở cửa sổ khác); hãy tải lại dự thảo.', { field: null, id: change.id });
        if (change.op === 'delete') {
          remove.run(previous.id);
          states.push({ before: previous, after: null });
          return;
        }
        const next: LineRecord = { ...previous, ...resolveFields(resolver, previous, change.patch) };
        update.run(next);
        states.push({ before: previous, after: next });
      } catch (error) {
        if (!(error instanceof CoreError)) throw error;
        problems.push(problemOf(index, error));
      }
    });
    if (problems.length > 0 && !args.partial) {
      throw new CoreError(
        'INVALID_LINES',
        problems.length === 1 ? problems[0]!.message : `${problems.length} thay đổi không hợp lệ; không dòng nào được ghi. ${problems[0]!.message}`,
        { problems },
      );
    }
    const now = ctx.now();
    const labelText = args.label ?? describeBatch(args.changes);
    if (states.length > 0) {
      db.prepare('UPDATE decision SET updated_at = ? WHERE id = ?').run(now, draft.id);
      recordEdit(db, draft.id, labelText, { lines: states }, now);
      writeAudit(ctx, 'decisions.lines.apply', 'decision', draft.id, states.map((s) => s.before).filter(Boolean), states.map((s) => s.after).filter(Boolean));
    }
    const row = getDraftRow(db, draft.id);
    const removedIds = states.filter((s) => s.after === null).map((s) => s.before!.id);
    const changedIds = [...new Set(states.filter((s) => s.after !== null).map((s) => s.after!.id))];
    return {
      header: toHeader(db, row),
      changed: getLinesByIds(db, changedIds),
      removedIds,
      totals: decisionTotals(db, draft.id),
      history: editHistory(db, row),
      rejected: problems,
    };
  })();
}
