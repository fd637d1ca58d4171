/** Commands of the follow-up registers: obstacles and their escalation, conclusion notices and their tasks. */
import { z } from 'zod';
import { OBSTACLE_CATEGORIES, OBSTACLE_STATUSES, RESOLVING_LEVELS, TASK_STATUSES, type FollowupSummary, type InspectionVisit, type Notice, type NoticeTask, type Obstacle } from './followup-types';
import { amountInputSchema, command, entityId, isoDate, shortText } from './schemas';

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
  'notices.list': command<Notice[]>()(z.object({ asOf: isoDate.optional() }).strict()),
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
  'tasks.list': command<NoticeTask[]>()(z.object({ status: z.enum(TASK_STATUSES).optional(), asOf: isoDate.optional() }).strict()),
  'tasks.update': command<NoticeTask>()(
    z
      .object({
        id: entityId,
        patch: z.object({ status: z.enum(TASK_STATUSES), evidence: shortText(500), deadline: isoDate.nullable(), obstacleId: entityId.nullable(), decisionId: entityId.nullable() }).partial().strict(),
      })
      .strict(),
  ),
  'inspections.list': command<InspectionVisit[]>()(z.object({}).strict()),
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
  'followup.summary': command<FollowupSummary>()(z.object({ asOf: isoDate.optional() }).strict()),
  /** The summary workbook (xlsx) as base64, for the renderer to offer as a download. */
  'followup.export': command<{ fileName: string; base64: string }>()(z.object({ asOf: isoDate.optional() }).strict()),
} as const;
