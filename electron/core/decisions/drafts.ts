/** Draft decisions: create (from scratch or from the plan in force), edit the header, delete, duplicate, rebase, undo/redo. */
import type { CommandArgs } from '../../../shared/api/contract';
import type { DecisionDocument, HeaderChangeResult } from '../../../shared/api/decisions';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { foldIssued, inForceMap, lineKey } from '../ledger/fold';
import { amountFromInput } from '../money-input';
import { requireOffice } from '../office/office';
import { componentIndex } from '../reference/catalog';
import { editHistory, headerFieldsOf, recordEdit, stepHistory, type HeaderFields, type LineState } from './history';
import { draftDate } from './lines';
import { ADJUSTMENT_KINDS, documentNumberText } from '../../../shared/domain/documents';
import { formatDateVi } from '../../../shared/format/date';
import { getDecisionRow, getDocument, getDraftRow, getLineRecords, toHeader } from './store';
import { LINE_COLUMNS, type DecisionRow, type LineRecord } from './rows';

const INSERT_LINE = `INSERT INTO decision_line (${LINE_COLUMNS.filter((c) => c !== 'id').join(', ')})
  VALUES (${LINE_COLUMNS.filter((c) => c !== 'id').map((c) => `@${c}`).join(', ')})`;

export function createDraft(ctx: CoreContext, args: CommandArgs<'decisions.create'>): DecisionDocument {
  const { db } = ctx;
  requireOffice(db);
  if (args.fromPlan && !ADJUSTMENT_KINDS.has(args.kind)) {
    throw new CoreError('INVALID_INPUT', 'Chỉ quyết định điều chỉnh, bổ sung, thu hồi mới lập từ kế hoạch đang có hiệu lực.', { field: 'fromPlan' });
  }
  return db.transaction(() => {
    const now = ctx.now();
    if (args.predecessorId !== undefined && getDecisionRow(db, args.predecessorId).status !== 'issued') {
      throw new CoreError('INVALID_INPUT', 'Quyết định được điều chỉnh phải là quyết định đã ban hành; một dự thảo chưa thể được điều chỉnh.', { field: 'predecessorId' });
    }
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO decision (year, kind, issuer, doc_date, summary, basis_json, predecessor_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(args.year, args.kind, args.issuer, args.docDate ?? null, args.summary ?? '', JSON.stringify(args.basis ?? []), args.predecessorId ?? null, now, now);
    const id = Number(lastInsertRowid);
    const row = getDecisionRow(db, id);
    if (args.fromPlan) {
      const components = componentIndex(db);
      const inForce = foldIssued(db, args.year, draftDate(row, now))
        .filter((k) => k.amount !== 0)
        .sort((a, b) => components.get(a.component_id)!.sortOrder - components.get(b.component_id)!.sortOrder || lineKey(a).localeCompare(lineKey(b)));
      const insert = db.prepare(INSERT_LINE);
      inForce.forEach((k, i) =>
        insert.run({ ...k, amount: undefined, decision_id: id, position: i + 1, amount_dong: 0, before_dong: k.amount, reason_code: null, note: '' }),
      );
    }
    writeAudit(ctx, 'decisions.create', 'decision', id, null, { ...row, lines: args.fromPlan ? 'từ kế hoạch đang có hiệu lực' : 0 });
    return getDocument(db, id);
  })();
}

/**
 * The UBND's decision assigning an issued HĐND breakdown to the units that carry it out (giao dự toán):
 * a UBND draft bound to the resolution, with the resolution as its basis and no lines of its own.
 */
export function createImplementation(ctx: CoreContext, resolutionId: number): DecisionDocument {
  const { db } = ctx;
  requireOffice(db);
  const resolution = getDecisionRow(db, resolutionId);
  if (resolution.status !== 'issued' || resolution.issuer !== 'HDND' || resolution.kind !== 'phan_bo') {
    throw new CoreError('INVALID_INPUT', 'Chỉ lập quyết định giao dự toán cho một nghị quyết phân bổ của HĐND huyện đã ban hành.', { field: 'resolutionId', value: resolutionId });
  }
  const existing = db.prepare('SELECT id, status, number FROM decision WHERE implements_id = ?').get(resolutionId) as { id: number; status: string; number: number | null } | undefined;
  // One per resolution: a draft already begun is taken up again rather than refused.
  if (existing?.status === 'draft') return getDocument(db, existing.id);
  if (existing) {
    throw new CoreError('DUPLICATE_CODE', `Nghị quyết ${documentNumberText(resolution.number!, 'HDND')} đã có quyết định giao dự toán ${documentNumberText(existing.number!, 'UBND')}.`, { id: existing.id });
  }
  const office = requireOffice(db);
  const district = office.districtName.replace(/^Huyện\s+/i, '');
  const resolutionText = `Nghị quyết số ${documentNumberText(resolution.number!, 'HDND')} ngày ${formatDateVi(resolution.doc_date!)} của Hội đồng nhân dân huyện ${district}`;
  return db.transaction(() => {
    const now = ctx.now();
    const id = Number(
      db
        .prepare(
          `INSERT INTO decision (year, kind, issuer, summary, basis_json, implements_id, created_at, updated_at)
           VALUES (?, 'phan_bo', 'UBND', ?, ?, ?, ?, ?)`,
        )
        .run(
          resolution.year,
          `Giao dự toán chi thường xuyên thực hiện các Chương trình mục tiêu quốc gia năm ${resolution.year} cho các đơn vị (thực hiện ${resolutionText})`,
          JSON.stringify([resolutionText]),
          resolutionId,
          now,
          now,
        ).lastInsertRowid,
    );
    writeAudit(ctx, 'decisions.createImplementation', 'decision', id, null, getDecisionRow(db, id));
    return getDocument(db, id);
  })();
}

function resolveHeaderPatch(db: Db, row: DecisionRow, patch: CommandArgs<'decisions.update'>['patch']): HeaderFields {
  const next = headerFieldsOf(row);
  if (patch.kind !== undefined) next.kind = patch.kind;
  if (patch.issuer !== undefined) next.issuer = patch.issuer;
  if (patch.docDate !== undefined) next.doc_date = patch.docDate;
  if (patch.summary !== undefined) next.summary = patch.summary;
  if (patch.basis !== undefined) next.basis_json = JSON.stringify(patch.basis);
  if (patch.declaredTotal !== undefined) {
    next.declared_total_dong = patch.declaredTotal === null ? null : amountFromInput(patch.declaredTotal, 'declaredTotal', 'Tổng số tiền ghi trong quyết định');
  }
  if (patch.signerId !== undefined) {
    if (patch.signerId !== null && !db.prepare('SELECT 1 FROM signer WHERE id = ?').get(patch.signerId)) {
      throw new CoreError('UNKNOWN_SIGNER', `Người ký: không có người ký số ${patch.signerId}. Chọn người ký trong danh sách của văn phòng.`, { field: 'signerId' });
    }
    next.signer_id = patch.signerId;
  }
  if (patch.normative !== undefined) next.normative = patch.normative ? 1 : 0;
  // Rule 17: only a resolution can be a legal normative document here; a UBND decision is an individual one.
  if (next.normative === 1 && next.issuer !== 'HDND') {
    throw new CoreError('INVALID_INPUT', 'Chỉ nghị quyết của HĐND huyện mới là văn bản quy phạm pháp luật ghi năm trong số hiệu (ví dụ 19/2022/NQ-HĐND); quyết định phân bổ của UBND là văn bản cá biệt (215/QĐ-UBND).', { field: 'normative' });
  }
  return next;
}

/** Recomputes "before" of every line from the ledger on the draft's date (or clears it for kinds without one). */
function refreshBefore(db: Db, row: DecisionRow, now: string): LineState[] {
  const withBefore = ADJUSTMENT_KINDS.has(row.kind);
  const inForce = withBefore ? inForceMap(db, row.year, draftDate(row, now)) : null;
  const update = db.prepare('UPDATE decision_line SET before_dong = ? WHERE id = ?');
  const states: LineState[] = [];
  for (const line of getLineRecords(db, row.id)) {
    const before = inForce ? (inForce.get(lineKey(line)) ?? 0) : null;
    if (before === line.before_dong) continue;
    update.run(before, line.id);
    states.push({ before: line, after: { ...line, before_dong: before } });
  }
  return states;
}

export function updateDraftHeader(ctx: CoreContext, args: CommandArgs<'decisions.update'>): HeaderChangeResult {
  const { db } = ctx;
  return db.transaction(() => {
    const row = getDraftRow(db, args.id);
    const before = headerFieldsOf(row);
    const after = resolveHeaderPatch(db, row, args.patch);
    if (row.implements_id !== null && (after.kind !== row.kind || after.issuer !== row.issuer)) {
      throw new CoreError('INVALID_INPUT', 'Quyết định giao dự toán là quyết định phân bổ của UBND thực hiện một nghị quyết; không đổi được loại hay cơ quan ban hành. Muốn lập văn bản khác, hãy tạo dự thảo mới.', {
        field: after.kind !== row.kind ? 'kind' : 'issuer',
      });
    }
    const now = ctx.now();
    db.prepare(
      `UPDATE decision SET kind = @kind, issuer = @issuer, doc_date = @doc_date, summary = @summary, basis_json = @basis_json,
         declared_total_dong = @declared_total_dong, signer_id = @signer_id, normative = @normative, updated_at = @now WHERE id = @id`,
    ).run({ ...after, now, id: row.id });
    const updated = getDecisionRow(db, row.id);
    // Changing to or from a kind that shows "before" recomputes it; a new date alone does not (rule 3 reports it).
    const kindFamilyChanged = ADJUSTMENT_KINDS.has(before.kind) !== ADJUSTMENT_KINDS.has(after.kind);
    const lines = kindFamilyChanged ? refreshBefore(db, updated, now) : [];
    recordEdit(db, row.id, 'Sửa thông tin quyết định', { lines, header: { before, after } }, now);
    writeAudit(ctx, 'decisions.update', 'decision', row.id, before, after);
    return { header: toHeader(db, updated), history: editHistory(db, updated) };
  })();
}

export function deleteDraft(ctx: CoreContext, args: CommandArgs<'decisions.delete'>): { deletedId: number } {
  const { db } = ctx;
  return db.transaction(() => {
    const row = getDraftRow(db, args.id);
    const lines = getLineRecords(db, row.id);
    db.prepare('DELETE FROM draft_edit WHERE decision_id = ?').run(row.id);
    db.prepare('DELETE FROM decision_line WHERE decision_id = ?').run(row.id);
    db.prepare('DELETE FROM decision WHERE id = ?').run(row.id);
    writeAudit(ctx, 'decisions.delete', 'decision', row.id, { ...row, lines }, null);
    return { deletedId: row.id };
  })();
}

/** A new draft with the same header and lines; "before" is taken afresh from the ledger. */
export function duplicateDecision(ctx: CoreContext, args: CommandArgs<'decisions.duplicate'>): DecisionDocument {
  const { db } = ctx;
  return db.transaction(() => {
    const source = getDecisionRow(db, args.id);
    const now = ctx.now();
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO decision (year, kind, issuer, summary, basis_json, declared_total_dong, signer_id, predecessor_id, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(source.year, source.kind, source.issuer, source.summary, source.basis_json, source.declared_total_dong, source.signer_id, source.predecessor_id, now, now);
    const id = Number(lastInsertRowid);
    const insert = db.prepare(INSERT_LINE);
    for (const line of getLineRecords(db, source.id)) insert.run({ ...line, decision_id: id });
    refreshBefore(db, getDecisionRow(db, id), now);
    writeAudit(ctx, 'decisions.duplicate', 'decision', id, null, { from: source.id });
    return getDocument(db, id);
  })();
}

/** Takes "before" afresh from the ledger (after another decision was issued), keeping each line's change. */
export function rebaseDraft(ctx: CoreContext, args: CommandArgs<'decisions.rebase'>): DecisionDocument {
  const { db } = ctx;
  return db.transaction(() => {
    const row = getDraftRow(db, args.id);
    const now = ctx.now();
    const states = refreshBefore(db, row, now);
    if (states.length > 0) {
      db.prepare('UPDATE decision SET updated_at = ? WHERE id = ?').run(now, row.id);
      recordEdit(db, row.id, 'Cập nhật số đang có hiệu lực', { lines: states }, now);
      writeAudit(ctx, 'decisions.rebase', 'decision', row.id, states.map((s) => s.before), states.map((s) => s.after));
    }
    return getDocument(db, row.id);
  })();
}

export function stepDraftHistory(ctx: CoreContext, decisionId: number, direction: 'undo' | 'redo'): DecisionDocument {
  const { db } = ctx;
  return db.transaction(() => {
    getDraftRow(db, decisionId);
    const { label, change } = stepHistory(db, decisionId, direction, ctx.now());
    const touched = (pick: (s: LineState) => LineRecord | null) => change.lines.map(pick).filter(Boolean);
    writeAudit(
      ctx,
      `decisions.${direction}`,
      'decision',
      decisionId,
      { label, lines: touched(direction === 'undo' ? (s) => s.after : (s) => s.before), header: change.header?.[direction === 'undo' ? 'after' : 'before'] },
      { label, lines: touched(direction === 'undo' ? (s) => s.before : (s) => s.after), header: change.header?.[direction === 'undo' ? 'before' : 'after'] },
    );
    return getDocument(db, decisionId);
  })();
}
