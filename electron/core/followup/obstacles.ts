/** Khó khăn, vướng mắc: each with the level that can resolve it, escalated with a document and answered. */
import type { CommandArgs } from '../../../shared/api/contract';
import { LEVEL_LABELS, type Escalation, type Obstacle, type ResolvingLevel } from '../../../shared/api/followup';
import { formatDateVi } from '../../../shared/format/date';
import { toDong } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { amountFromInput } from '../money-input';
import { requireOffice } from '../office/office';
import { resolveComponentCode } from '../reference/catalog';
import { resolveRecipient } from '../registers/recipients';
import { vietnamDate } from '../../../shared/format/today';

interface ObstacleRow {
  id: number;
  description: string;
  program_code: string | null;
  component_code: string | null;
  project_code: string | null;
  commune_code: string | null;
  commune_name: string | null;
  amount_at_risk_dong: number;
  category: Obstacle['category'];
  raised_by: string;
  raised_on: string;
  resolving_level: ResolvingLevel;
  responsible: string;
  proposal: string;
  status: Obstacle['status'];
  due_date: string | null;
  inspection_id: number | null;
}

const SELECT = `SELECT o.*, c.code AS component_code, p.code AS project_code, u.code AS commune_code, u.name_vi AS commune_name
  FROM obstacle o LEFT JOIN component c ON c.id = o.component_id LEFT JOIN investment_project p ON p.id = o.project_id
  LEFT JOIN admin_unit u ON u.id = o.commune_unit_id`;

const CLOSED = new Set(['da_giai_quyet', 'khong_giai_quyet']);
const LEVEL_ORDER: ResolvingLevel[] = ['xa', 'huyen', 'tinh', 'trung_uong'];

function toObstacle(db: Db, r: ObstacleRow, asOf: string): Obstacle {
  const escalations = db
    .prepare('SELECT id, to_level AS toLevel, to_body AS toBody, document, sent_on AS sentOn, reply, reply_on AS replyOn FROM obstacle_escalation WHERE obstacle_id = ? ORDER BY sent_on, id')
    .all(r.id) as Escalation[];
  return {
    id: r.id,
    description: r.description,
    programCode: r.program_code,
    componentCode: r.component_code,
    projectCode: r.project_code,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    amountAtRiskDong: toDong(r.amount_at_risk_dong),
    category: r.category,
    raisedBy: r.raised_by,
    raisedOn: r.raised_on,
    resolvingLevel: r.resolving_level,
    responsible: r.responsible,
    proposal: r.proposal,
    status: r.status,
    dueDate: r.due_date,
    inspectionId: r.inspection_id,
    overdue: r.due_date !== null && r.due_date < asOf && !CLOSED.has(r.status),
    escalations,
  };
}

export function getObstacle(db: Db, id: number, asOf: string): Obstacle {
  const row = db.prepare(`${SELECT} WHERE o.id = ?`).get(id) as ObstacleRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy khó khăn, vướng mắc (mã ${id}).`, { id });
  return toObstacle(db, row, asOf);
}

export function listObstacles(db: Db, args: CommandArgs<'obstacles.list'>, today: string): Obstacle[] {
  const asOf = args.asOf ?? today;
  const where: string[] = [];
  const params: string[] = [];
  const filter = (clause: string, ...values: string[]) => {
    where.push(clause);
    params.push(...values);
  };
  if (args.status) filter('o.status = ?', args.status);
  if (args.level) filter('o.resolving_level = ?', args.level);
  if (args.search) {
    const like = `%${args.search.replace(/[%_\\]/g, '\\$&')}%`;
    filter("(o.description LIKE ? ESCAPE '\\' OR o.proposal LIKE ? ESCAPE '\\')", like, like);
  }
  const rows = db.prepare(`${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY o.due_date IS NULL, o.due_date, o.id`).all(...params) as ObstacleRow[];
  return rows.map((r) => toObstacle(db, r, asOf));
}

type Fields = Partial<CommandArgs<'obstacles.update'>['patch']>;

/** Resolves codes to ids and checks dates; returns the columns to write. */
function columnsOf(ctx: CoreContext, f: Fields, raisedOn: string | null): Record<string, unknown> {
  const { db } = ctx;
  const out: Record<string, unknown> = {};
  if (f.description !== undefined) out.description = f.description;
  if (f.programCode !== undefined) {
    if (f.programCode !== null && !db.prepare("SELECT 1 FROM component WHERE code = ? AND level = 'program'").get(f.programCode)) {
      throw new CoreError('UNKNOWN_COMPONENT', `Chương trình: không có mã "${f.programCode}".`, { field: 'programCode' });
    }
    out.program_code = f.programCode;
  }
  if (f.componentCode !== undefined) {
    const found = f.componentCode === null ? null : resolveComponentCode(db, f.componentCode, Number((raisedOn ?? ctx.now()).slice(0, 4)));
    if (f.componentCode !== null && !found) throw new CoreError('UNKNOWN_COMPONENT', `Hạng mục: không có mã "${f.componentCode}" trong danh mục.`, { field: 'componentCode' });
    out.component_id = found?.id ?? null;
  }
  if (f.projectCode !== undefined) {
    const project = f.projectCode === null ? null : (db.prepare('SELECT id FROM investment_project WHERE code = ?').get(f.projectCode) as { id: number } | undefined);
    if (f.projectCode !== null && !project) throw new CoreError('UNKNOWN_PROJECT', `Dự án: không có mã "${f.projectCode}" trong danh mục dự án.`, { field: 'projectCode' });
    out.project_id = project?.id ?? null;
  }
  if (f.communeCode !== undefined) {
    out.commune_unit_id = f.communeCode === null ? null : resolveRecipient(db, { kind: 'commune', code: f.communeCode }, raisedOn ?? vietnamDate(ctx.now()), requireOffice(db)).unitId;
  }
  if (f.amountAtRisk !== undefined) {
    const amount = amountFromInput(f.amountAtRisk, 'amountAtRisk', 'Số vốn bị ảnh hưởng');
    if (amount < 0) throw new CoreError('NEGATIVE_AMOUNT', 'Số vốn bị ảnh hưởng: không được âm.', { field: 'amountAtRisk' });
    out.amount_at_risk_dong = amount;
  }
  if (f.category !== undefined) out.category = f.category;
  if (f.raisedBy !== undefined) out.raised_by = f.raisedBy;
  if (f.raisedOn !== undefined) out.raised_on = f.raisedOn;
  if (f.resolvingLevel !== undefined) out.resolving_level = f.resolvingLevel;
  if (f.responsible !== undefined) out.responsible = f.responsible;
  if (f.proposal !== undefined) out.proposal = f.proposal;
  if (f.status !== undefined) out.status = f.status;
  if (f.dueDate !== undefined) out.due_date = f.dueDate;
  const raised = (out.raised_on as string | undefined) ?? raisedOn;
  const due = out.due_date as string | null | undefined;
  if (raised && due && due < raised) {
    throw new CoreError('INVALID_DATE', `Hạn giải quyết ${formatDateVi(due)} đứng trước ngày phát sinh ${formatDateVi(raised)}. Sửa một trong hai ngày.`, { field: 'dueDate' });
  }
  return out;
}

export function createObstacle(ctx: CoreContext, args: CommandArgs<'obstacles.create'>): Obstacle {
  const { db } = ctx;
  requireOffice(db);
  return db.transaction(() => {
    const now = ctx.now();
    if (args.inspectionId !== undefined && !db.prepare('SELECT 1 FROM inspection_visit WHERE id = ?').get(args.inspectionId)) {
      throw new CoreError('NOT_FOUND', `Không có đợt kiểm tra mã ${args.inspectionId}.`, { field: 'inspectionId' });
    }
    const columns = { ...columnsOf(ctx, args, args.raisedOn), inspection_id: args.inspectionId ?? null, created_at: now, updated_at: now };
    const names = Object.keys(columns);
    const { lastInsertRowid } = db.prepare(`INSERT INTO obstacle (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(columns);
    const created = getObstacle(db, Number(lastInsertRowid), vietnamDate(now));
    writeAudit(ctx, 'obstacles.create', 'obstacle', created.id, null, created);
    return created;
  })();
}

export function updateObstacle(ctx: CoreContext, args: CommandArgs<'obstacles.update'>): Obstacle {
  const { db } = ctx;
  return db.transaction(() => {
    const today = vietnamDate(ctx.now());
    const before = getObstacle(db, args.id, today);
    const columns = { ...columnsOf(ctx, { dueDate: args.patch.dueDate === undefined ? before.dueDate : args.patch.dueDate, ...args.patch }, before.raisedOn), updated_at: ctx.now() };
    db.prepare(`UPDATE obstacle SET ${Object.keys(columns).map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...columns, id: args.id });
    const after = getObstacle(db, args.id, today);
    writeAudit(ctx, 'obstacles.update', 'obstacle', args.id, before, after);
    return after;
  })();
}

/** Sends an obstacle up to the level that can resolve it; it is then "đã đề xuất cấp trên". */
export function escalateObstacle(ctx: CoreContext, args: CommandArgs<'obstacles.escalate'>): Obstacle {
  const { db } = ctx;
  return db.transaction(() => {
    const today = vietnamDate(ctx.now());
    const before = getObstacle(db, args.id, today);
    // A reminder may go to the same level again; never back down.
    const previous = before.escalations.at(-1);
    if (previous && LEVEL_ORDER.indexOf(args.toLevel) < LEVEL_ORDER.indexOf(previous.toLevel)) {
      throw new CoreError('ESCALATION_LEVEL', `Đã đề xuất lên ${LEVEL_LABELS[previous.toLevel].toLowerCase()}; không đề xuất xuống ${LEVEL_LABELS[args.toLevel].toLowerCase()}.`, { field: 'toLevel' });
    }
    if (args.sentOn < before.raisedOn) {
      throw new CoreError('INVALID_DATE', `Ngày gửi ${formatDateVi(args.sentOn)} đứng trước ngày phát sinh ${formatDateVi(before.raisedOn)}.`, { field: 'sentOn' });
    }
    db.prepare('INSERT INTO obstacle_escalation (obstacle_id, to_level, to_body, document, sent_on, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      args.id,
      args.toLevel,
      args.toBody,
      args.document ?? '',
      args.sentOn,
      ctx.now(),
    );
    db.prepare("UPDATE obstacle SET status = 'da_de_xuat', resolving_level = ?, updated_at = ? WHERE id = ?").run(args.toLevel, ctx.now(), args.id);
    const after = getObstacle(db, args.id, today);
    writeAudit(ctx, 'obstacles.escalate', 'obstacle', args.id, before, after);
    return after;
  })();
}

export function replyToEscalation(ctx: CoreContext, args: CommandArgs<'obstacles.reply'>): Obstacle {
  const { db } = ctx;
  return db.transaction(() => {
    const escalation = db.prepare('SELECT obstacle_id, sent_on FROM obstacle_escalation WHERE id = ?').get(args.escalationId) as { obstacle_id: number; sent_on: string } | undefined;
    if (!escalation) throw new CoreError('NOT_FOUND', `Không tìm thấy lần đề xuất (mã ${args.escalationId}).`, { id: args.escalationId });
    if (args.replyOn < escalation.sent_on) {
      throw new CoreError('INVALID_DATE', `Ngày trả lời ${formatDateVi(args.replyOn)} đứng trước ngày gửi đề xuất ${formatDateVi(escalation.sent_on)}.`, { field: 'replyOn' });
    }
    const today = vietnamDate(ctx.now());
    const before = getObstacle(db, escalation.obstacle_id, today);
    db.prepare('UPDATE obstacle_escalation SET reply = ?, reply_on = ? WHERE id = ?').run(args.reply, args.replyOn, args.escalationId);
    db.prepare('UPDATE obstacle SET status = ?, updated_at = ? WHERE id = ?').run(args.resolved ? 'da_giai_quyet' : 'dang_xu_ly', ctx.now(), escalation.obstacle_id);
    const after = getObstacle(db, escalation.obstacle_id, today);
    writeAudit(ctx, 'obstacles.reply', 'obstacle', after.id, before, after);
    return after;
  })();
}
