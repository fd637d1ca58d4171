/** The register of investment projects (danh mục dự án ĐTPT); ĐTPT lines may reference one. */
import type { CommandArgs } from '../../../shared/api/contract';
import type { InvestmentProject, ProjectStatus } from '../../../shared/api/registers';
import { toDong } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { amountFromInput } from '../money-input';
import { requireOffice } from '../office/office';
import { resolveRecipient } from './recipients';
import { vietnamDate } from '../../../shared/format/today';

interface ProjectRow {
  id: number;
  code: string;
  name: string;
  commune_code: string | null;
  commune_name: string | null;
  investor_org_id: number | null;
  investor_name: string | null;
  total_investment_dong: number;
  approval_number: string;
  approval_date: string | null;
  special_mechanism: number;
  status: ProjectStatus;
  note: string;
}

const SELECT = `SELECT p.*, u.code AS commune_code, u.name_vi AS commune_name, o.name AS investor_name
  FROM investment_project p LEFT JOIN admin_unit u ON u.id = p.commune_unit_id LEFT JOIN organization o ON o.id = p.investor_org_id`;

function toProject(r: ProjectRow): InvestmentProject {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    communeCode: r.commune_code,
    communeName: r.commune_name,
    investorId: r.investor_org_id,
    investorName: r.investor_name,
    totalInvestmentDong: toDong(r.total_investment_dong),
    approvalNumber: r.approval_number,
    approvalDate: r.approval_date,
    specialMechanism: r.special_mechanism === 1,
    status: r.status,
    note: r.note,
  };
}

export function listProjects(db: Db): InvestmentProject[] {
  return (db.prepare(`${SELECT} ORDER BY p.code`).all() as ProjectRow[]).map(toProject);
}

function getProject(db: Db, id: number): InvestmentProject {
  const row = db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
  if (!row) throw new CoreError('NOT_FOUND', `Không tìm thấy dự án số ${id}.`, { id });
  return toProject(row);
}

type ProjectFields = CommandArgs<'projects.create'>;

function columnsOf(ctx: CoreContext, fields: Partial<ProjectFields>, today: string): Record<string, unknown> {
  const { db } = ctx;
  const out: Record<string, unknown> = {};
  if (fields.code !== undefined) out.code = fields.code;
  if (fields.name !== undefined) out.name = fields.name;
  if (fields.communeCode !== undefined) {
    out.commune_unit_id = fields.communeCode === null ? null : resolveRecipient(db, { kind: 'commune', code: fields.communeCode }, today, requireOffice(db)).unitId;
  }
  if (fields.investorId !== undefined) {
    if (fields.investorId !== null && !db.prepare("SELECT 1 FROM organization WHERE id = ? AND kind = 'investor'").get(fields.investorId)) {
      throw new CoreError('UNKNOWN_RECIPIENT', `Chủ đầu tư: không có chủ đầu tư số ${fields.investorId} trong danh mục.`, { field: 'investorId' });
    }
    out.investor_org_id = fields.investorId;
  }
  if (fields.totalInvestment !== undefined) {
    const amount = amountFromInput(fields.totalInvestment, 'totalInvestment', 'Tổng mức đầu tư');
    if (amount < 0) throw new CoreError('NEGATIVE_AMOUNT', 'Tổng mức đầu tư: không được âm.', { field: 'totalInvestment' });
    out.total_investment_dong = amount;
  }
  if (fields.approvalNumber !== undefined) out.approval_number = fields.approvalNumber;
  if (fields.approvalDate !== undefined) out.approval_date = fields.approvalDate;
  if (fields.specialMechanism !== undefined) out.special_mechanism = fields.specialMechanism ? 1 : 0;
  if (fields.status !== undefined) out.status = fields.status;
  if (fields.note !== undefined) out.note = fields.note;
  return out;
}

function assertCodeFree(db: Db, code: string, exceptId: number | null): void {
  const row = db.prepare('SELECT id FROM investment_project WHERE code = ?').get(code) as { id: number } | undefined;
  if (row && row.id !== exceptId) throw new CoreError('DUPLICATE_CODE', `Mã dự án: "${code}" đã dùng cho dự án khác.`, { field: 'code', value: code });
}

export function createProject(ctx: CoreContext, args: ProjectFields): InvestmentProject {
  const { db } = ctx;
  return db.transaction(() => {
    assertCodeFree(db, args.code, null);
    const now = ctx.now();
    const columns = { ...columnsOf(ctx, args, vietnamDate(now)), created_at: now, updated_at: now };
    const names = Object.keys(columns);
    const { lastInsertRowid } = db.prepare(`INSERT INTO investment_project (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(columns);
    const created = getProject(db, Number(lastInsertRowid));
    writeAudit(ctx, 'projects.create', 'investment_project', created.id, null, created);
    return created;
  })();
}

export function updateProject(ctx: CoreContext, args: CommandArgs<'projects.update'>): InvestmentProject {
  const { db } = ctx;
  return db.transaction(() => {
    const before = getProject(db, args.id);
    if (args.patch.code !== undefined) assertCodeFree(db, args.patch.code, args.id);
    const now = ctx.now();
    const columns = { ...columnsOf(ctx, args.patch, vietnamDate(now)), updated_at: now };
    db.prepare(`UPDATE investment_project SET ${Object.keys(columns).map((n) => `${n} = @${n}`).join(', ')} WHERE id = @id`).run({ ...columns, id: args.id });
    const after = getProject(db, args.id);
    writeAudit(ctx, 'projects.update', 'investment_project', args.id, before, after);
    return after;
  })();
}
