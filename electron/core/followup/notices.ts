/** Conclusion notices (thông báo kết luận) and their tasks, with deadlines and overdue flags. */
import type { CommandArgs } from '../../../shared/api/contract';
import { RESOLVING_LEVELS, TASK_STATUSES, type FollowupSummary, type Notice, type NoticeTask } from '../../../shared/api/followup';
import { formatDateVi } from '../../../shared/format/date';
import { toDong } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { vietnamDate } from '../../../shared/format/today';

interface TaskRow {
  id: number;
  notice_id: number;
  notice_number: string;
  item: string;
  text: string;
  owner: string;
  deadline: string | null;
  status: NoticeTask['status'];
  evidence: string;
  obstacle_id: number | null;
  decision_id: number | null;
}

const TASK_SELECT = 'SELECT t.*, n.number AS notice_number FROM notice_task t JOIN notice n ON n.id = t.notice_id';

function toTask(r: TaskRow, asOf: string): NoticeTask {
  return {
    id: r.id,
    noticeId: r.notice_id,
    noticeNumber: r.notice_number,
    item: r.item,
    text: r.text,
    owner: r.owner,
    deadline: r.deadline,
    status: r.status,
    evidence: r.evidence,
    obstacleId: r.obstacle_id,
    decisionId: r.decision_id,
    overdue: r.deadline !== null && r.deadline < asOf && r.status !== 'hoan_thanh',
  };
}

export function listTasks(db: Db, args: CommandArgs<'tasks.list'>, today: string): NoticeTask[] {
  const asOf = args.asOf ?? today;
  const rows = db.prepare(`${TASK_SELECT} ${args.status ? 'WHERE t.status = ?' : ''} ORDER BY n.notice_date, n.id, t.id`).all(...(args.status ? [args.status] : [])) as TaskRow[];
  return rows.map((r) => toTask(r, asOf));
}

export function listNotices(db: Db, asOf: string): Notice[] {
  const notices = db.prepare('SELECT id, number, notice_date AS noticeDate, issuer, signer, summary FROM notice ORDER BY notice_date DESC, id DESC').all() as Omit<Notice, 'tasks'>[];
  const tasks = db.prepare(`${TASK_SELECT} WHERE t.notice_id = ? ORDER BY t.id`);
  return notices.map((n) => ({ ...n, tasks: (tasks.all(n.id) as TaskRow[]).map((r) => toTask(r, asOf)) }));
}

/** A notice and its tasks in one transaction; a deadline before the notice's date refuses the whole notice. */
export function createNotice(ctx: CoreContext, args: CommandArgs<'notices.create'>): Notice {
  const { db } = ctx;
  args.tasks.forEach((t, i) => {
    if (t.deadline && t.deadline < args.noticeDate) {
      throw new CoreError(
        'DEADLINE_BEFORE_NOTICE',
        `Nhiệm vụ ${t.item || i + 1}: hạn ${formatDateVi(t.deadline)} đứng trước ngày thông báo ${formatDateVi(args.noticeDate)}. Sửa hạn hoặc ngày thông báo; chưa ghi gì.`,
        { field: 'deadline', index: i },
      );
    }
  });
  return db.transaction(() => {
    const now = ctx.now();
    const { lastInsertRowid } = db
      .prepare('INSERT INTO notice (number, notice_date, issuer, signer, summary, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(args.number, args.noticeDate, args.issuer, args.signer ?? '', args.summary ?? '', now);
    const id = Number(lastInsertRowid);
    const insert = db.prepare(
      'INSERT INTO notice_task (notice_id, item, text, owner, deadline, status, evidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const t of args.tasks) insert.run(id, t.item ?? '', t.text, t.owner, t.deadline ?? null, t.status ?? 'chua_thuc_hien', t.evidence ?? '', now, now);
    const created = listNotices(db, vietnamDate(now)).find((n) => n.id === id)!;
    writeAudit(ctx, 'notices.create', 'notice', id, null, created);
    return created;
  })();
}

export function updateTask(ctx: CoreContext, args: CommandArgs<'tasks.update'>): NoticeTask {
  const { db } = ctx;
  return db.transaction(() => {
    const today = vietnamDate(ctx.now());
    const row = db.prepare(`${TASK_SELECT} WHERE t.id = ?`).get(args.id) as TaskRow | undefined;
    if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy nhiệm vụ (mã ${args.id}).`, { id: args.id });
    const p = args.patch;
    if (p.obstacleId != null && !db.prepare('SELECT 1 FROM obstacle WHERE id = ?').get(p.obstacleId)) throw new CoreError('NOT_FOUND', `Không có khó khăn, vướng mắc mã ${p.obstacleId}.`, { field: 'obstacleId' });
    if (p.decisionId != null && !db.prepare('SELECT 1 FROM decision WHERE id = ?').get(p.decisionId)) throw new CoreError('NOT_FOUND', `Không có quyết định mã ${p.decisionId}.`, { field: 'decisionId' });
    if (p.deadline) {
      const { notice_date } = db.prepare('SELECT notice_date FROM notice WHERE id = ?').get(row.notice_id) as { notice_date: string };
      if (p.deadline < notice_date) throw new CoreError('DEADLINE_BEFORE_NOTICE', `Hạn ${formatDateVi(p.deadline)} đứng trước ngày thông báo ${formatDateVi(notice_date)}.`, { field: 'deadline' });
    }
    const columns: Record<string, unknown> = {};
    if (p.status !== undefined) columns.status = p.status;
    if (p.evidence !== undefined) columns.evidence = p.evidence;
    if (p.deadline !== undefined) columns.deadline = p.deadline;
    if (p.obstacleId !== undefined) columns.obstacle_id = p.obstacleId;
    if (p.decisionId !== undefined) columns.decision_id = p.decisionId;
    columns.updated_at = ctx.now();
    db.prepare(`UPDATE notice_task SET ${Object.keys(columns).map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...columns, id: args.id });
    const after = toTask(db.prepare(`${TASK_SELECT} WHERE t.id = ?`).get(args.id) as TaskRow, today);
    writeAudit(ctx, 'tasks.update', 'notice_task', args.id, toTask(row, today), after);
    return after;
  })();
}

/** Obstacles per resolving level and program, and tasks per status: the "khó khăn, vướng mắc" section of a report. */
export function followupSummary(db: Db, asOf: string): FollowupSummary {
  const obstacles = db.prepare('SELECT resolving_level AS level, program_code AS program, status, due_date AS due, amount_at_risk_dong AS amount FROM obstacle').all() as {
    level: (typeof RESOLVING_LEVELS)[number];
    program: string | null;
    status: string;
    due: string | null;
    amount: number;
  }[];
  const closed = (s: string) => s === 'da_giai_quyet' || s === 'khong_giai_quyet';
  const byLevel = RESOLVING_LEVELS.map((level) => {
    const here = obstacles.filter((o) => o.level === level);
    const open = here.filter((o) => !closed(o.status));
    return {
      level,
      open: open.length,
      closed: here.length - open.length,
      overdue: open.filter((o) => o.due !== null && o.due < asOf).length,
      amountAtRiskDong: toDong(open.reduce((a, o) => a + o.amount, 0)),
    };
  });
  const programs = [...new Set(obstacles.map((o) => o.program))];
  const byProgram = programs.map((programCode) => {
    const here = obstacles.filter((o) => o.program === programCode);
    return { programCode, open: here.filter((o) => !closed(o.status)).length, closed: here.filter((o) => closed(o.status)).length };
  });
  const tasks = db.prepare('SELECT status, deadline FROM notice_task').all() as { status: string; deadline: string | null }[];
  return {
    asOf,
    byLevel,
    byProgram,
    tasks: TASK_STATUSES.map((status) => ({
      status,
      count: tasks.filter((t) => t.status === status).length,
      overdue: tasks.filter((t) => t.status === status && status !== 'hoan_thanh' && t.deadline !== null && t.deadline < asOf).length,
    })),
  };
}

