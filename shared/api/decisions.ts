/** Decisions and resolutions: drafts, header and lines, undo/redo, the rule check before issuing, issuing. */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import { type Recipient, recipientInputSchema } from './registers';
import type { RuleCheck } from './rules';
import { type CapitalTypeCode, amountInputSchema, capitalTypeSchema, command, entityId, isoDate, shortText, year } from './schemas';

export const DECISION_KINDS = ['phan_bo', 'dieu_chinh', 'bo_sung', 'thu_hoi', 'keo_dai'] as const;

export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_ISSUERS = ['UBND', 'HDND'] as const;

export type DecisionIssuer = (typeof DECISION_ISSUERS)[number];

export type DecisionStatus = 'draft' | 'issued';

export interface DecisionHeader {
  id: number;
  year: number;
  kind: DecisionKind;
  issuer: DecisionIssuer;
  status: DecisionStatus;
  number: number | null;
  /** "QĐ-UBND" or "NQ-HĐND". */
  symbol: string;
  /** "07/QĐ-UBND" once issued (1–9 zero-padded, Nghị định 30/2020); a normative resolution "19/2022/NQ-HĐND". */
  numberText: string | null;
  /** A legal normative resolution (văn bản quy phạm pháp luật): its number carries the year (rule 17). */
  normative: boolean;
  docDate: string | null;
  summary: string;
  basis: string[];
  declaredTotalDong: Dong | null;
  signerId: number | null;
  signerName: string | null;
  signerTitle: string | null;
  predecessorId: number | null;
  /** A UBND decision implementing this HĐND resolution's breakdown: it has no lines of its own. */
  implementsId: number | null;
  createdAt: string;
  updatedAt: string;
  issuedAt: string | null;
  lineCount: number;
  increaseDong: Dong;
  decreaseDong: Dong;
}

export interface DecisionLine {
  id: number;
  position: number;
  componentId: number;
  componentCode: string;
  componentName: string;
  programCode: string;
  programName: string;
  recipient: Recipient;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  /** The change this decision makes (negative = decrease). */
  amountDong: Dong;
  /** Adjustments: the amount in force when the line was drafted; null for other kinds. */
  beforeDong: Dong | null;
  /** before − decrease + increase, when before is known. */
  afterDong: Dong | null;
  decreaseDong: Dong;
  increaseDong: Dong;
  reasonCode: string | null;
  note: string;
}

export interface SourceCapitalTotal {
  sourceCode: string;
  capitalType: CapitalTypeCode;
  netDong: Dong;
  increaseDong: Dong;
  decreaseDong: Dong;
}

export interface DecisionTotals {
  netDong: Dong;
  increaseDong: Dong;
  decreaseDong: Dong;
  bySourceCapital: SourceCapitalTotal[];
}

export interface EditHistory {
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
}

export interface DecisionDocument {
  header: DecisionHeader;
  lines: DecisionLine[];
  totals: DecisionTotals;
  history: EditHistory;
}

export interface LineProblem {
  /** Index of the change in the request. */
  index: number;
  field: string | null;
  code: string;
  message: string;
}

export interface LineChangeResult {
  header: DecisionHeader;
  changed: DecisionLine[];
  removedIds: number[];
  totals: DecisionTotals;
  history: EditHistory;
  /** Changes refused in partial mode (the others were applied in one transaction). */
  rejected: LineProblem[];
}

export interface HeaderChangeResult {
  header: DecisionHeader;
  history: EditHistory;
}

export const decisionKindSchema = z.enum(DECISION_KINDS);

export const decisionIssuerSchema = z.enum(DECISION_ISSUERS);

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

export const decisionsCommands = {
  'decisions.list': command<DecisionHeader[]>()(
    z
      .object({
        year: year.optional(),
        kind: decisionKindSchema.optional(),
        issuer: decisionIssuerSchema.optional(),
        status: z.enum(['draft', 'issued']).optional(),
      })
      .strict(),
    { reads: true },
  ),
  'decisions.get': command<DecisionDocument>()(z.object({ id: entityId }).strict(), { reads: true }),
  /** A decision named as an officer names it: its id ("12") or its number ("215/QĐ-UBND"; --year when numbers repeat across years). */
  'decisions.find': command<DecisionHeader>()(z.object({ ref: shortText(60).min(1), year: year.optional() }).strict(), { reads: true }),
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
  'decisions.check': command<RuleCheck>()(z.object({ id: entityId }).strict(), { reads: true }),
  'decisions.nextNumber': command<{ number: number; numberText: string }>()(
    z.object({ issuer: decisionIssuerSchema, docDate: isoDate }).strict(),
    { reads: true },
  ),
  /** The trích yếu and căn cứ the issue dialog proposes, from the office's data (assignments, delegation, pilot). */
  'decisions.issueProposal': command<{ summary: string; basis: string[] }>()(z.object({ id: entityId }).strict(), { reads: true }),
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
} as const;
