/** Commands of the decision ledger: drafts, lines, undo/redo, rules, issuing, plan in force, balance, registers. */
import { z } from 'zod';
import {
  DECISION_ISSUERS,
  DECISION_KINDS,
  PLAN_DIMENSIONS,
  type Balance,
  type ComponentTarget,
  type DecisionDocument,
  type DecisionHeader,
  type Delegation,
  type HeaderChangeResult,
  type InvestmentProject,
  type LineChangeResult,
  type Organization,
  type PlanInForce,
  type RecipientOption,
  type RuleCheck,
  type RuleRegistryRow,
} from './ledger-types';
import { ANNEX_KINDS, type PrintDocument } from '../print/document';
import { templateKeySchema } from '../print/annex-template';
import { amountInputSchema, capitalTypeSchema, command, entityId, isoDate, moneyUnitSchema, shortText, year } from './schemas';

export const decisionKindSchema = z.enum(DECISION_KINDS);
export const decisionIssuerSchema = z.enum(DECISION_ISSUERS);

export const recipientInputSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('district') }).strict(),
  z.object({ kind: z.literal('commune'), code: shortText(10).min(1) }).strict(),
  z.object({ kind: z.enum(['unit', 'investor']), id: entityId }).strict(),
]);
export type RecipientInput = z.infer<typeof recipientInputSchema>;

const lineFields = {
  componentCode: shortText(64).min(1),
  recipient: recipientInputSchema,
  projectCode: shortText(64).min(1).nullable(),
  sourceCode: shortText(32).min(1),
  capitalType: capitalTypeSchema,
  originYear: year,
  /** The change in đồng (negative = decrease). */
  amount: amountInputSchema,
  /** Adjustments only: the amount after the change; the core turns it into a change from the amount in force. */
  after: amountInputSchema,
  reasonCode: shortText(32).min(1).nullable(),
  note: shortText(1000),
};

export const lineInputSchema = z
  .object({
    componentCode: lineFields.componentCode,
    recipient: lineFields.recipient.optional(),
    projectCode: lineFields.projectCode.optional(),
    sourceCode: lineFields.sourceCode,
    capitalType: lineFields.capitalType,
    originYear: lineFields.originYear.optional(),
    amount: lineFields.amount.optional(),
    after: lineFields.after.optional(),
    reasonCode: lineFields.reasonCode.optional(),
    note: lineFields.note.optional(),
  })
  .strict();
export type LineInput = z.infer<typeof lineInputSchema>;

export const linePatchSchema = z.object(lineFields).partial().strict();
export type LinePatch = z.infer<typeof linePatchSchema>;

export const lineChangeSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('add'), line: lineInputSchema }).strict(),
  z.object({ op: z.literal('update'), id: entityId, patch: linePatchSchema }).strict(),
  z.object({ op: z.literal('delete'), id: entityId }).strict(),
]);
export type LineChange = z.infer<typeof lineChangeSchema>;

const basisSchema = z.array(shortText(500).min(1)).max(30);

const headerPatchSchema = z
  .object({
    kind: decisionKindSchema,
    issuer: decisionIssuerSchema,
    docDate: isoDate.nullable(),
    summary: shortText(2000),
    basis: basisSchema,
    declaredTotal: amountInputSchema.nullable(),
    signerId: entityId.nullable(),
    /** A legal normative resolution of the HĐND: numbered with its year (rule 17). */
    normative: z.boolean(),
  })
  .partial()
  .strict();
export type HeaderPatch = z.infer<typeof headerPatchSchema>;

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

export const ledgerCommands = {
  'decisions.list': command<DecisionHeader[]>()(
    z
      .object({
        year: year.optional(),
        kind: decisionKindSchema.optional(),
        issuer: decisionIssuerSchema.optional(),
        status: z.enum(['draft', 'issued']).optional(),
      })
      .strict(),
  ),
  'decisions.get': command<DecisionDocument>()(z.object({ id: entityId }).strict()),
  /** A decision named as an officer names it: its id ("12") or its number ("215/QĐ-UBND"; --year when numbers repeat across years). */
  'decisions.find': command<DecisionHeader>()(z.object({ ref: shortText(60).min(1), year: year.optional() }).strict()),
  /** The UBND's decision assigning an issued HĐND breakdown to the units that carry it out. */
  'decisions.createImplementation': command<DecisionDocument>()(z.object({ resolutionId: entityId }).strict()),
  'decisions.create': command<DecisionDocument>()(
    z
      .object({
        year,
        kind: decisionKindSchema,
        issuer: decisionIssuerSchema,
        docDate: isoDate.nullable().optional(),
        summary: shortText(2000).optional(),
        basis: basisSchema.optional(),
        /** Adjustments: start with one line per amount in force (as of the draft's date). */
        fromPlan: z.boolean().optional(),
        predecessorId: entityId.optional(),
      })
      .strict(),
  ),
  'decisions.update': command<HeaderChangeResult>()(z.object({ id: entityId, patch: headerPatchSchema }).strict()),
  'decisions.delete': command<{ deletedId: number }>()(z.object({ id: entityId }).strict()),
  'decisions.duplicate': command<DecisionDocument>()(z.object({ id: entityId }).strict()),
  'decisions.lines.apply': command<LineChangeResult>()(
    z
      .object({
        decisionId: entityId,
        changes: z.array(lineChangeSchema).min(1).max(20000),
        /** Apply the valid changes and report the others, instead of refusing the whole batch. */
        partial: z.boolean().optional(),
        label: shortText(200).optional(),
      })
      .strict(),
  ),
  'decisions.rebase': command<DecisionDocument>()(z.object({ id: entityId }).strict()),
  'decisions.undo': command<DecisionDocument>()(z.object({ decisionId: entityId }).strict()),
  'decisions.redo': command<DecisionDocument>()(z.object({ decisionId: entityId }).strict()),
  'decisions.check': command<RuleCheck>()(z.object({ id: entityId }).strict()),
  'decisions.nextNumber': command<{ number: number; numberText: string }>()(
    z.object({ issuer: decisionIssuerSchema, docDate: isoDate }).strict(),
  ),
  /** The trích yếu and căn cứ the issue dialog proposes, from the office's data (assignments, delegation, pilot). */
  'decisions.issueProposal': command<{ summary: string; basis: string[] }>()(z.object({ id: entityId }).strict()),
  'decisions.issue': command<DecisionDocument>()(
    z
      .object({
        id: entityId,
        docDate: isoDate,
        signerId: entityId,
        /** Omitted: the next free number for the issuer and year. */
        number: z.number().int().positive().max(99999).optional(),
        summary: shortText(2000).optional(),
        basis: basisSchema.optional(),
      })
      .strict(),
  ),
  'ledger.plan': command<PlanInForce>()(
    z
      .object({
        year,
        asOf: isoDate.optional(),
        groupBy: z.array(z.enum(PLAN_DIMENSIONS)).max(PLAN_DIMENSIONS.length),
      })
      .strict(),
  ),
  /** Every dated row of the rules registry (rules 1–26), with where each is checked and its status. */
  'rules.list': command<RuleRegistryRow[]>()(z.object({}).strict()),
  'ledger.balance': command<Balance>()(
    z.object({ year, asOf: isoDate.optional(), draftId: entityId.optional() }).strict(),
  ),
  'ledger.setAllocationDeadline': command<{ year: number; deadline: string | null }>()(
    z.object({ year, deadline: isoDate.nullable() }).strict(),
  ),
  'recipients.list': command<RecipientOption[]>()(z.object({ date: isoDate }).strict()),
  'organizations.list': command<Organization[]>()(z.object({}).strict()),
  'organizations.create': command<Organization>()(
    z.object({ kind: z.enum(['unit', 'investor']), name: shortText(300).min(1), note: shortText(1000).optional() }).strict(),
  ),
  'projects.list': command<InvestmentProject[]>()(z.object({}).strict()),
  'projects.create': command<InvestmentProject>()(projectFields),
  'projects.update': command<InvestmentProject>()(z.object({ id: entityId, patch: projectFields.partial() }).strict()),
  'delegations.list': command<Delegation[]>()(z.object({}).strict()),
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
  'print.decision': command<PrintDocument>()(
    z
      .object({
        id: entityId,
        unit: moneyUnitSchema.optional(),
        annexes: z.array(z.enum(ANNEX_KINDS)).min(1).max(8).optional(),
        /** The province's forms (templates in the data folder's mau-bieu/) to print as annexes, after the chosen ones. */
        templates: z.array(templateKeySchema).min(1).max(8).optional(),
        orientation: z.enum(['portrait', 'landscape']).optional(),
        /** The decision's text before its annexes (default); false prints the annexes alone. */
        body: z.boolean().optional(),
      })
      .strict(),
  ),
  'targets.list': command<ComponentTarget[]>()(z.object({ year }).strict()),
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
