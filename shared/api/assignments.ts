/** Vốn được giao: the province's assignment lines of a year and their totals. */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import type { CounterpartRatio } from './ledger';
import type { TransferMovementLine } from './transfers';
import { type CapitalTypeCode, amountInputSchema, capitalTypeSchema, command, isoDate, shortText, year } from './schemas';

export interface AssignmentLine {
  id: number;
  year: number;
  componentCode: string;
  componentName: string;
  programCode: string;
  programName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  amountDong: Dong;
  basisNumber: string;
  basisDate: string | null;
  basisIssuer: string;
  note: string;
}

export interface TotalCell {
  sourceCode: string;
  capitalType: CapitalTypeCode;
  totalDong: Dong;
}

export interface ProgramTotal {
  programCode: string;
  programName: string;
  totalDong: Dong;
  cells: TotalCell[];
}

export interface AssignmentTotals {
  grandDong: Dong;
  byProgram: ProgramTotal[];
  bySourceCapital: TotalCell[];
}

export interface AssignmentSheet {
  year: number;
  lines: AssignmentLine[];
  /** The year's own money (origin year = year). */
  totals: AssignmentTotals;
  /** Each earlier year's money carried over into this year, on its own (plans never mix money years). */
  carriedOver: { originYear: number; totals: AssignmentTotals }[];
  /** Rule 11: local counterpart ÷ NSTW per program × capital type of the year's own money. */
  counterpart: CounterpartRatio[];
  /**
   * Money moved by recorded khoản 7 điểm b transfers (NQ 257/2025/QH15 Điều 1), one row per leg. Not in `lines` or
   * `totals` (those are what the province assigned); the balance (ledger.balance) counts them.
   */
  movements: TransferMovementLine[];
}

export interface AssignmentChange {
  line: AssignmentLine | null;
  sheet: AssignmentSheet;
}

const assignmentFields = {
  componentCode: shortText(64).min(1),
  sourceCode: shortText(32).min(1),
  capitalType: capitalTypeSchema,
  originYear: year,
  amount: amountInputSchema,
  basisNumber: shortText(64),
  basisDate: isoDate.nullable(),
  basisIssuer: shortText(200),
  note: shortText(1000),
};

const assignmentPatchSchema = z.object(assignmentFields).partial().strict();

export type AssignmentPatch = z.infer<typeof assignmentPatchSchema>;

export const assignmentsCommands = {
  'assignments.list': command<AssignmentSheet>()(z.object({ year }).strict(), { reads: true }),
  'assignments.create': command<AssignmentChange>()(
    z
      .object({
        year,
        componentCode: assignmentFields.componentCode,
        sourceCode: assignmentFields.sourceCode,
        capitalType: assignmentFields.capitalType,
        originYear: year.optional(),
        amount: assignmentFields.amount,
        basisNumber: assignmentFields.basisNumber.optional(),
        basisDate: assignmentFields.basisDate.optional(),
        basisIssuer: assignmentFields.basisIssuer.optional(),
        note: assignmentFields.note.optional(),
      })
      .strict(),
  ),
  'assignments.update': command<AssignmentChange>()(
    z
      .object({
        id: z.number().int().positive(),
        patch: assignmentPatchSchema,
      })
      .strict(),
  ),
  'assignments.delete': command<AssignmentChange>()(z.object({ id: z.number().int().positive() }).strict()),
} as const;
