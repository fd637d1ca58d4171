/** Registers the decisions point at: recipients, organizations, investment projects, delegations, component targets. */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import { amountInputSchema, command, entityId, isoDate, shortText, year } from './schemas';

export const RECIPIENT_KINDS = ['district', 'commune', 'unit', 'investor'] as const;

export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface Recipient {
  kind: RecipientKind;
  /** admin_unit id for district/commune, organization id for unit/investor. */
  id: number | null;
  /** TCTK code for communes and the district; null for organizations. */
  code: string | null;
  name: string;
}

export type ProjectStatus = 'chuan_bi' | 'thuc_hien' | 'hoan_thanh' | 'tam_dung';

export interface InvestmentProject {
  id: number;
  code: string;
  name: string;
  communeCode: string | null;
  communeName: string | null;
  investorId: number | null;
  investorName: string | null;
  totalInvestmentDong: Dong;
  approvalNumber: string;
  approvalDate: string | null;
  specialMechanism: boolean;
  status: ProjectStatus;
  note: string;
}

export interface Organization {
  id: number;
  kind: 'unit' | 'investor';
  name: string;
  note: string;
}

export interface RecipientOption extends Recipient {
  /** Shown greyed and refused by rule 16 when the unit is not valid on the date asked for. */
  validOnDate: boolean;
}

export interface Delegation {
  id: number;
  basisNumber: string;
  basisDate: string;
  basisIssuer: string;
  firstYear: number;
  lastYear: number;
  scope: string;
}

export interface ComponentTarget {
  id: number;
  year: number;
  componentCode: string;
  componentName: string;
  indicator: string;
  unit: string;
  targetValue: string;
  actualValue: string;
  complete: boolean;
}

export const recipientInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('district') }).strict(),
  z.object({ kind: z.literal('commune'), code: shortText(10).min(1) }).strict(),
  z.object({ kind: z.enum(['unit', 'investor']), id: entityId }).strict(),
]);

export type RecipientInput = z.infer<typeof recipientInputSchema>;

const projectFields = z
  .object({
    code: shortText(64).min(1),
    name: shortText(500).min(1),
    communeCode: shortText(10).min(1).nullable().optional(),
    investorId: entityId.nullable().optional(),
    totalInvestment: amountInputSchema.optional(),
    approvalNumber: shortText(100).optional(),
    approvalDate: isoDate.nullable().optional(),
    specialMechanism: z.boolean().optional(),
    status: z.enum(['chuan_bi', 'thuc_hien', 'hoan_thanh', 'tam_dung']).optional(),
    note: shortText(1000).optional(),
  })
  .strict();

export const registersCommands = {
  'recipients.list': command<RecipientOption[]>()(z.object({ date: isoDate }).strict(), { reads: true }),
  'organizations.list': command<Organization[]>()(z.object({}).strict(), { reads: true }),
  'organizations.create': command<Organization>()(
    z.object({ kind: z.enum(['unit', 'investor']), name: shortText(300).min(1), note: shortText(1000).optional() }).strict(),
  ),
  'projects.list': command<InvestmentProject[]>()(z.object({}).strict(), { reads: true }),
  'projects.create': command<InvestmentProject>()(projectFields),
  'projects.update': command<InvestmentProject>()(z.object({ id: entityId, patch: projectFields.partial() }).strict()),
  'delegations.list': command<Delegation[]>()(z.object({}).strict(), { reads: true }),
  'delegations.create': command<Delegation>()(
    z
      .object({
        basisNumber: shortText(100).min(1),
        basisDate: isoDate,
        basisIssuer: shortText(300).min(1),
        firstYear: year,
        lastYear: year,
        scope: shortText(1000).optional(),
      })
      .strict(),
  ),
  'targets.list': command<ComponentTarget[]>()(z.object({ year }).strict(), { reads: true }),
  'targets.save': command<ComponentTarget>()(
    z
      .object({
        id: entityId.optional(),
        year,
        componentCode: shortText(64).min(1),
        indicator: shortText(500).min(1),
        unit: shortText(50).optional(),
        targetValue: shortText(100).optional(),
        actualValue: shortText(100).optional(),
        complete: z.boolean(),
      })
      .strict(),
  ),
} as const;
