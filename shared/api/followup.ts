/** Khó khăn, vướng mắc & nhiệm vụ: obstacles, conclusion notices and their tasks (follow-up duties), inspections. */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import { amountInputSchema, command, entityId, isoDate, shortText } from './schemas';

export const OBSTACLE_CATEGORIES = ['phap_ly', 'thu_tuc', 'mat_bang', 'doi_tuong', 'nang_luc', 'nguon_von', 'khac'] as const;

export type ObstacleCategory = (typeof OBSTACLE_CATEGORIES)[number];

export const RESOLVING_LEVELS = ['xa', 'huyen', 'tinh', 'trung_uong'] as const;

export type ResolvingLevel = (typeof RESOLVING_LEVELS)[number];

export const OBSTACLE_STATUSES = ['moi', 'dang_xu_ly', 'da_de_xuat', 'da_giai_quyet', 'khong_giai_quyet'] as const;

export type ObstacleStatus = (typeof OBSTACLE_STATUSES)[number];

export const TASK_STATUSES = ['chua_thuc_hien', 'dang_thuc_hien', 'hoan_thanh'] as const;

export type TaskStatus = (typeof TASK_STATUSES)[number];

export const CATEGORY_LABELS: Record<ObstacleCategory, string> = {
  phap_ly: 'Pháp lý',
  thu_tuc: 'Thủ tục',
  mat_bang: 'Mặt bằng',
  doi_tuong: 'Đối tượng thụ hưởng',
  nang_luc: 'Năng lực',
  nguon_von: 'Nguồn vốn',
  khac: 'Khác',
};

export const LEVEL_LABELS: Record<ResolvingLevel, string> = { xa: 'Cấp xã', huyen: 'Cấp huyện', tinh: 'Cấp tỉnh', trung_uong: 'Trung ương' };

export const OBSTACLE_STATUS_LABELS: Record<ObstacleStatus, string> = {
  moi: 'Mới',
  dang_xu_ly: 'Đang xử lý',
  da_de_xuat: 'Đã đề xuất cấp trên',
  da_giai_quyet: 'Đã giải quyết',
  khong_giai_quyet: 'Không giải quyết được',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = { chua_thuc_hien: 'Chưa thực hiện', dang_thuc_hien: 'Đang thực hiện', hoan_thanh: 'Hoàn thành' };

export interface Escalation {
  id: number;
  toLevel: Exclude<ResolvingLevel, 'xa'>;
  toBody: string;
  document: string;
  sentOn: string;
  reply: string | null;
  replyOn: string | null;
}

export interface Obstacle {
  id: number;
  description: string;
  programCode: string | null;
  componentCode: string | null;
  projectCode: string | null;
  communeCode: string | null;
  communeName: string | null;
  amountAtRiskDong: Dong;
  category: ObstacleCategory;
  raisedBy: string;
  raisedOn: string;
  resolvingLevel: ResolvingLevel;
  responsible: string;
  proposal: string;
  status: ObstacleStatus;
  dueDate: string | null;
  inspectionId: number | null;
  /** Past its due date (on the date asked) and not closed. */
  overdue: boolean;
  escalations: Escalation[];
}

export interface NoticeTask {
  id: number;
  noticeId: number;
  noticeNumber: string;
  item: string;
  text: string;
  owner: string;
  deadline: string | null;
  status: TaskStatus;
  evidence: string;
  obstacleId: number | null;
  decisionId: number | null;
  overdue: boolean;
}

export interface Notice {
  id: number;
  number: string;
  noticeDate: string;
  issuer: string;
  signer: string;
  summary: string;
  tasks: NoticeTask[];
}

export interface InspectionVisit {
  id: number;
  communeCode: string;
  communeName: string;
  /** "2024-08" */
  month: string;
  team: string;
  checklist: string;
  findings: string;
  status: 'ke_hoach' | 'da_kiem_tra';
  /** Obstacles raised from its findings. */
  obstacleIds: number[];
}

export interface FollowupSummary {
  asOf: string;
  /** Open and closed obstacles per resolving level, with the money at risk of the open ones. */
  byLevel: { level: ResolvingLevel; open: number; closed: number; overdue: number; amountAtRiskDong: Dong }[];
  byProgram: { programCode: string | null; open: number; closed: number }[];
  tasks: { status: TaskStatus; count: number; overdue: number }[];
}

const obstacleFields = {
  description: shortText(4000).min(1),
  programCode: shortText(32).min(1).nullable(),
  componentCode: shortText(64).min(1).nullable(),
  projectCode: shortText(64).min(1).nullable(),
  communeCode: shortText(10).min(1).nullable(),
  amountAtRisk: amountInputSchema,
  category: z.enum(OBSTACLE_CATEGORIES),
  raisedBy: shortText(300),
  raisedOn: isoDate,
  resolvingLevel: z.enum(RESOLVING_LEVELS),
  responsible: shortText(300),
  proposal: shortText(4000),
  status: z.enum(OBSTACLE_STATUSES),
  dueDate: isoDate.nullable(),
};

const taskInput = z
  .object({
    item: shortText(20).optional(),
    text: shortText(4000).min(1),
    owner: shortText(300).min(1),
    deadline: isoDate.nullable().optional(),
    status: z.enum(TASK_STATUSES).optional(),
    evidence: shortText(500).optional(),
  })
  .strict();

export const followupCommands = {
  'obstacles.list': command<Obstacle[]>()(
    z.object({ status: z.enum(OBSTACLE_STATUSES).optional(), level: z.enum(RESOLVING_LEVELS).optional(), search: shortText(200).optional(), asOf: isoDate.optional() }).strict(),
    { reads: true },
  ),
  'obstacles.create': command<Obstacle>()(
    z
      .object({
        description: obstacleFields.description,
        programCode: obstacleFields.programCode.optional(),
        componentCode: obstacleFields.componentCode.optional(),
        projectCode: obstacleFields.projectCode.optional(),
        communeCode: obstacleFields.communeCode.optional(),
        amountAtRisk: obstacleFields.amountAtRisk.optional(),
        category: obstacleFields.category,
        raisedBy: obstacleFields.raisedBy.optional(),
        raisedOn: obstacleFields.raisedOn,
        resolvingLevel: obstacleFields.resolvingLevel,
        responsible: obstacleFields.responsible.optional(),
        proposal: obstacleFields.proposal.optional(),
        status: obstacleFields.status.optional(),
        dueDate: obstacleFields.dueDate.optional(),
        /** Raised from the findings of an inspection visit. */
        inspectionId: entityId.optional(),
      })
      .strict(),
  ),
  'obstacles.update': command<Obstacle>()(z.object({ id: entityId, patch: z.object(obstacleFields).partial().strict() }).strict()),
  'obstacles.escalate': command<Obstacle>()(
    z
      .object({
        id: entityId,
        /** Required: an escalation says to which level it goes. */
        toLevel: z.enum(['huyen', 'tinh', 'trung_uong'], { message: 'Chọn cấp nhận đề xuất: huyện, tỉnh hoặc trung ương.' }),
        toBody: shortText(300).min(1),
        document: shortText(300).optional(),
        sentOn: isoDate,
      })
      .strict(),
  ),
  'obstacles.reply': command<Obstacle>()(
    z.object({ escalationId: entityId, reply: shortText(4000).min(1), replyOn: isoDate, resolved: z.boolean().optional() }).strict(),
  ),
  'notices.list': command<Notice[]>()(z.object({ asOf: isoDate.optional() }).strict(), { reads: true }),
  'notices.create': command<Notice>()(
    z
      .object({
        number: shortText(100).min(1),
        noticeDate: isoDate,
        issuer: shortText(300).min(1),
        signer: shortText(200).optional(),
        summary: shortText(4000).optional(),
        tasks: z.array(taskInput).max(200),
      })
      .strict(),
  ),
  'tasks.list': command<NoticeTask[]>()(z.object({ status: z.enum(TASK_STATUSES).optional(), asOf: isoDate.optional() }).strict(), { reads: true }),
  'tasks.update': command<NoticeTask>()(
    z
      .object({
        id: entityId,
        patch: z.object({ status: z.enum(TASK_STATUSES), evidence: shortText(500), deadline: isoDate.nullable(), obstacleId: entityId.nullable(), decisionId: entityId.nullable() }).partial().strict(),
      })
      .strict(),
  ),
  'inspections.list': command<InspectionVisit[]>()(z.object({}).strict(), { reads: true }),
  'inspections.create': command<InspectionVisit>()(
    z
      .object({
        communeCode: shortText(10).min(1),
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Tháng phải có dạng yyyy-mm'),
        team: shortText(500).optional(),
        checklist: shortText(4000).optional(),
      })
      .strict(),
  ),
  'inspections.update': command<InspectionVisit>()(
    z
      .object({
        id: entityId,
        patch: z.object({ team: shortText(500), checklist: shortText(4000), findings: shortText(4000), status: z.enum(['ke_hoach', 'da_kiem_tra']) }).partial().strict(),
      })
      .strict(),
  ),
  'followup.summary': command<FollowupSummary>()(z.object({ asOf: isoDate.optional() }).strict(), { reads: true }),
  /** The summary workbook (xlsx) as base64, for the renderer to offer as a download. */
  'followup.export': command<{ fileName: string; base64: string }>()(z.object({ asOf: isoDate.optional() }).strict(), { async: true, reads: true }),
} as const;
