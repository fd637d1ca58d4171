/** Follow-up registers: obstacles with the level that can resolve them, conclusion notices and their tasks. */
import type { Dong } from '../money/dong';

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
