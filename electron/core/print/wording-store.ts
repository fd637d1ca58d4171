/**
 * The wording of decision documents as data: the office's templates over the built-in defaults, a draft's own
 * override, and the wording frozen with a decision at issue (the table's triggers refuse any change after).
 */
import type { CommandArgs } from '../../../shared/api/contract';
import type { DecisionWordingState, WordingTemplate } from '../../../shared/api/print';
import { DECISION_ISSUERS, type DecisionIssuer } from '../../../shared/api/decisions';
import { defaultWording, TEMPLATE_KEYS, templateKeyOf, type DecisionWording, type TemplateKey } from '../../../shared/print/wording';
import { unitNameParts } from '../../../shared/domain/office-level';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { getDecisionRow, getDraftRow } from '../decisions/store';
import type { DecisionRow } from '../decisions/rows';

/** The built-in wording in the office's unit word ("huyện" for a district office, "xã"/"phường" for a commune's); its
 * căn cứ are those in force on `docDate` (a decision's date), or today's for a template. */
function builtIn(db: Db, key: TemplateKey, issuer: DecisionIssuer, docDate?: string | null): DecisionWording {
  const office = db
    .prepare('SELECT u.name_vi FROM office o JOIN admin_unit u ON u.id = o.district_unit_id WHERE o.id = 1')
    .get() as { name_vi: string } | undefined;
  return defaultWording(key, issuer, docDate, office ? unitNameParts(office.name_vi).word : 'huyện');
}

function readTemplate(db: Db, key: TemplateKey, issuer: DecisionIssuer, docDate?: string | null): WordingTemplate {
  const row = db.prepare('SELECT wording_json FROM document_template WHERE template_key = ? AND issuer = ?').get(key, issuer) as { wording_json: string } | undefined;
  return row
    ? { key, issuer, wording: { ...builtIn(db, key, issuer, docDate), ...(JSON.parse(row.wording_json) as Partial<DecisionWording>) }, custom: true }
    : { key, issuer, wording: builtIn(db, key, issuer, docDate), custom: false };
}

export function listTemplates(db: Db): WordingTemplate[] {
  return TEMPLATE_KEYS.flatMap((key) => DECISION_ISSUERS.map((issuer) => readTemplate(db, key, issuer)));
}

export function saveTemplate(ctx: CoreContext, args: CommandArgs<'documents.saveTemplate'>): WordingTemplate {
  const { db } = ctx;
  return db.transaction(() => {
    const before = readTemplate(db, args.key, args.issuer);
    if (args.wording === null) {
      db.prepare('DELETE FROM document_template WHERE template_key = ? AND issuer = ?').run(args.key, args.issuer);
    } else {
      db.prepare(
        `INSERT INTO document_template (template_key, issuer, wording_json, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(template_key, issuer) DO UPDATE SET wording_json = excluded.wording_json, updated_at = excluded.updated_at`,
      ).run(args.key, args.issuer, JSON.stringify(args.wording), ctx.now());
    }
    const after = readTemplate(db, args.key, args.issuer);
    writeAudit(ctx, 'documents.saveTemplate', 'document_template', null, before, after);
    return after;
  })();
}

function templateKeyOfRow(row: DecisionRow): TemplateKey {
  return templateKeyOf(row.kind, row.implements_id !== null);
}

/** The wording a decision prints with: its own (override or frozen), else the office's template, else the default. */
export function decisionWording(db: Db, id: number): DecisionWordingState {
  const row = getDecisionRow(db, id);
  const key = templateKeyOfRow(row);
  const own = db.prepare('SELECT wording_json FROM decision_wording WHERE decision_id = ?').get(id) as { wording_json: string } | undefined;
  const issued = row.status === 'issued';
  if (own) {
    return { decisionId: id, templateKey: key, wording: { ...builtIn(db, key, row.issuer, row.doc_date), ...(JSON.parse(own.wording_json) as Partial<DecisionWording>) }, source: issued ? 'frozen' : 'decision', editable: !issued };
  }
  const template = readTemplate(db, key, row.issuer, row.doc_date);
  return { decisionId: id, templateKey: key, wording: template.wording, source: template.custom ? 'template' : 'default', editable: !issued };
}

export function saveDecisionWording(ctx: CoreContext, args: CommandArgs<'documents.saveDecisionWording'>): DecisionWordingState {
  const { db } = ctx;
  return db.transaction(() => {
    getDraftRow(db, args.id);
    const before = decisionWording(db, args.id);
    if (args.wording === null) db.prepare('DELETE FROM decision_wording WHERE decision_id = ?').run(args.id);
    else {
      db.prepare(
        `INSERT INTO decision_wording (decision_id, wording_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT(decision_id) DO UPDATE SET wording_json = excluded.wording_json, updated_at = excluded.updated_at`,
      ).run(args.id, JSON.stringify(args.wording), ctx.now());
    }
    const after = decisionWording(db, args.id);
    writeAudit(ctx, 'documents.saveDecisionWording', 'decision', args.id, before.wording, after.wording);
    return after;
  })();
}

/**
 * Called by the issue command inside its transaction, before the status changes: the wording in effect is written
 * with the decision, so a later change of the office's templates does not change what was signed.
 */
export function freezeWording(ctx: CoreContext, id: number): void {
  const state = decisionWording(ctx.db, id);
  ctx.db
    .prepare(
      `INSERT INTO decision_wording (decision_id, wording_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT(decision_id) DO UPDATE SET wording_json = excluded.wording_json, updated_at = excluded.updated_at`,
    )
    .run(id, JSON.stringify(state.wording), ctx.now());
}
