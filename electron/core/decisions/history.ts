/**
 * Undo/redo of draft edits, as a core command: each edit stores the states of what it touched before and
 * after, so undo writes the "before" states back and redo the "after" states, each in one transaction.
 */
import type { EditHistory } from '../../../shared/api/decisions';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { LINE_COLUMNS, type DecisionRow, type LineRecord } from './rows';

/** The draft header fields an edit may change. */
export const HEADER_FIELDS = ['kind', 'issuer', 'doc_date', 'summary', 'basis_json', 'declared_total_dong', 'signer_id', 'normative'] as const;
export type HeaderFields = Pick<DecisionRow, (typeof HEADER_FIELDS)[number]>;

export interface LineState {
  before: LineRecord | null;
  after: LineRecord | null;
}

export interface EditChange {
  lines: LineState[];
  header?: { before: HeaderFields; after: HeaderFields };
}

/** Enough to undo a day's work; older steps are dropped. */
const MAX_STEPS_PER_DRAFT = 500;

export function headerFieldsOf(row: DecisionRow): HeaderFields {
  return Object.fromEntries(HEADER_FIELDS.map((f) => [f, row[f]])) as HeaderFields;
}

/** Records one edit; a new edit clears the redo steps, as in any editor. */
export function recordEdit(db: Db, decisionId: number, label: string, change: EditChange, at: string): void {
  if (change.lines.length === 0 && !change.header) return;
  db.prepare('DELETE FROM draft_edit WHERE decision_id = ? AND undone = 1').run(decisionId);
  db.prepare('INSERT INTO draft_edit (decision_id, label, change_json, at) VALUES (?, ?, ?, ?)').run(decisionId, label, JSON.stringify(change), at);
  db.prepare(
    `DELETE FROM draft_edit WHERE decision_id = ? AND id NOT IN (SELECT id FROM draft_edit WHERE decision_id = ? ORDER BY id DESC LIMIT ${MAX_STEPS_PER_DRAFT})`,
  ).run(decisionId, decisionId);
}

export function editHistory(db: Db, row: DecisionRow): EditHistory {
  if (row.status !== 'draft') return { canUndo: false, canRedo: false, undoLabel: null, redoLabel: null };
  const undo = db.prepare('SELECT label FROM draft_edit WHERE decision_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1').get(row.id) as { label: string } | undefined;
  const redo = db.prepare('SELECT label FROM draft_edit WHERE decision_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1').get(row.id) as { label: string } | undefined;
  return { canUndo: undo !== undefined, canRedo: redo !== undefined, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
}

function writeLineState(db: Db, target: LineRecord | null, other: LineRecord | null): void {
  if (target === null) {
    if (other) db.prepare('DELETE FROM decision_line WHERE id = ?').run(other.id);
    return;
  }
  const columns = LINE_COLUMNS.join(', ');
  const values = LINE_COLUMNS.map((c) => `@${c}`).join(', ');
  const updates = LINE_COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ');
  db.prepare(`INSERT INTO decision_line (${columns}) VALUES (${values}) ON CONFLICT(id) DO UPDATE SET ${updates}`).run(target);
}

function writeHeader(db: Db, decisionId: number, fields: HeaderFields, at: string): void {
  db.prepare(`UPDATE decision SET ${HEADER_FIELDS.map((f) => `${f} = @${f}`).join(', ')}, updated_at = @at WHERE id = @id`).run({ ...fields, normative: fields.normative ?? 0, at, id: decisionId }); // edits recorded before the flag existed lack it (0)
}

/** Undo (write the "before" states, newest first) or redo (the "after" states, in order). Call inside a transaction. */
export function stepHistory(db: Db, decisionId: number, direction: 'undo' | 'redo', at: string): { label: string; change: EditChange } {
  const entry = db
    .prepare(
      direction === 'undo'
        ? 'SELECT id, label, change_json FROM draft_edit WHERE decision_id = ? AND undone = 0 ORDER BY id DESC LIMIT 1'
        : 'SELECT id, label, change_json FROM draft_edit WHERE decision_id = ? AND undone = 1 ORDER BY id ASC LIMIT 1',
    )
    .get(decisionId) as { id: number; label: string; change_json: string } | undefined;
  if (!entry) {
    throw direction === 'undo'
      ? new CoreError('NOTHING_TO_UNDO', 'Không còn thao tác nào để hoàn tác trên dự thảo này.')
      : new CoreError('NOTHING_TO_REDO', 'Không còn thao tác nào để làm lại trên dự thảo này.');
  }
  const change = JSON.parse(entry.change_json) as EditChange;
  const states = direction === 'undo' ? [...change.lines].reverse() : change.lines;
  for (const state of states) {
    if (direction === 'undo') writeLineState(db, state.before, state.after);
    else writeLineState(db, state.after, state.before);
  }
  if (change.header) writeHeader(db, decisionId, direction === 'undo' ? change.header.before : change.header.after, at);
  else db.prepare('UPDATE decision SET updated_at = ? WHERE id = ?').run(at, decisionId);
  db.prepare('UPDATE draft_edit SET undone = ? WHERE id = ?').run(direction === 'undo' ? 1 : 0, entry.id);
  return { label: entry.label, change };
}
