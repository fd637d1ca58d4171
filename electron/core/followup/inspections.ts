/** The inspection plan: visits per commune and month, their team and checklist, findings that become obstacles. */
import type { CommandArgs } from '../../../shared/api/contract';
import type { InspectionVisit } from '../../../shared/api/followup';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { requireOffice } from '../office/office';
import { resolveRecipient } from '../registers/recipients';

interface VisitRow {
  id: number;
  commune_code: string;
  commune_name: string;
  month: string;
  team: string;
  checklist: string;
  findings: string;
  status: InspectionVisit['status'];
  obstacle_ids: string | null;
}

const SELECT = `SELECT v.*, u.code AS commune_code, u.name_vi AS commune_name,
  (SELECT group_concat(o.id) FROM obstacle o WHERE o.inspection_id = v.id) AS obstacle_ids
  FROM inspection_visit v JOIN admin_unit u ON u.id = v.commune_unit_id`;

const toVisit = (r: VisitRow): InspectionVisit => ({
  id: r.id,
  communeCode: r.commune_code,
  communeName: r.commune_name,
  month: r.month,
  team: r.team,
  checklist: r.checklist,
  findings: r.findings,
  status: r.status,
  obstacleIds: r.obstacle_ids ? r.obstacle_ids.split(',').map(Number) : [],
});

export function listInspections(db: Db): InspectionVisit[] {
  return (db.prepare(`${SELECT} ORDER BY v.month, u.code, v.id`).all() as VisitRow[]).map(toVisit);
}

function getInspection(db: Db, id: number): InspectionVisit {
  const row = db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as VisitRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy đợt kiểm tra (mã ${id}).`, { id });
  return toVisit(row);
}

export function createInspection(ctx: CoreContext, args: CommandArgs<'inspections.create'>): InspectionVisit {
  const { db } = ctx;
  // The commune as it was in the month of the visit.
  const unit = resolveRecipient(db, { kind: 'commune', code: args.communeCode }, `${args.month}-15`, requireOffice(db));
  return db.transaction(() => {
    const now = ctx.now();
    const { lastInsertRowid } = db
      .prepare('INSERT INTO inspection_visit (commune_unit_id, month, team, checklist, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(unit.unitId, args.month, args.team ?? '', args.checklist ?? '', now, now);
    const created = getInspection(db, Number(lastInsertRowid));
    writeAudit(ctx, 'inspections.create', 'inspection_visit', created.id, null, created);
    return created;
  })();
}

export function updateInspection(ctx: CoreContext, args: CommandArgs<'inspections.update'>): InspectionVisit {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getInspection(db, args.id);
    const columns: Record<string, unknown> = { ...args.patch, updated_at: ctx.now() };
    db.prepare(`UPDATE inspection_visit SET ${Object.keys(columns).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...columns, id: args.id });
    const after = getInspection(db, args.id);
    writeAudit(ctx, 'inspections.update', 'inspection_visit', args.id, before, after);
    return after;
  })();
}
