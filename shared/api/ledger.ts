/** The plan in force (never stored: folded from issued decisions) and the balance of assigned against allocated. */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import type { Recipient } from './registers';
import type { RuleFinding } from './findings';
import { type CapitalTypeCode, command, entityId, isoDate, year } from './schemas';

export const PLAN_DIMENSIONS = ['program', 'component', 'recipient', 'project', 'source', 'capitalType', 'originYear'] as const;

export type PlanDimension = (typeof PLAN_DIMENSIONS)[number];

export interface PlanRow {
  program?: { code: string; name: string };
  component?: { code: string; name: string };
  recipient?: Recipient;
  project?: { id: number; code: string; name: string } | null;
  source?: string;
  capitalType?: CapitalTypeCode;
  originYear?: number;
  amountDong: Dong;
}

export interface PlanInForce {
  year: number;
  asOf: string;
  groupBy: PlanDimension[];
  rows: PlanRow[];
  totalDong: Dong;
}

export interface BalanceRow {
  originYear: number;
  programCode: string;
  programName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  /** What the province assigned. */
  assignedDong: Dong;
  /** Moved in or out by HĐND re-plans between programs or capital types (NQ 111 pilot); 0 otherwise. */
  replannedDong: Dong;
  /**
   * Net money moved by recorded khoản 7 điểm b transfers (NQ 257/2025/QH15 Điều 1): negative on the 2021–2025
   * program that gave it, positive on the 2026–2035 program that received it, under the money's origin year.
   */
  transferredDong: Dong;
  /** "Nhận chuyển theo NQ 257/2025/QH15 Điều 1 khoản 7 điểm b (vốn năm 2025): 41/QĐ-UBND ngày 15/04/2026"; null without a transfer. */
  transferNote: string | null;
  /** Issued decisions in force on the date. */
  allocatedDong: Dong;
  /** The change the draft would make (0 without a draft). */
  draftDong: Dong;
  remainingDong: Dong;
  /** (allocated + draft) ÷ (assigned + replanned + transferred); null when nothing is planned. */
  rate: number | null;
  over: boolean;
}

/**
 * The money of one origin year in a plan year: the year's own money, or an earlier year's carried over (kéo dài).
 * Plans never mix money years: each group has its own totals and its own rate, divided by its own plan.
 */
export interface BalanceGroup {
  originYear: number;
  carriedOver: boolean;
  /** "Vốn năm 2024" / "Vốn năm 2023 kéo dài sang năm 2024". */
  label: string;
  /** What the rate is divided by, in words (rule 12). */
  denominatorLabel: string;
  assignedDong: Dong;
  replannedDong: Dong;
  /** Net of the khoản 7 điểm b transfers in the group: 0, since a transfer keeps the money's origin year. */
  transferredDong: Dong;
  allocatedDong: Dong;
  draftDong: Dong;
  remainingDong: Dong;
  /** (allocated + draft) ÷ (assigned + replanned + transferred) of this origin year only; null when nothing is planned. */
  rate: number | null;
  /** The rate as shown ("100,0%"), "—" when nothing is planned. */
  rateText: string;
}

export interface Balance {
  year: number;
  /** null: every issued decision of the year counts, whatever its date. */
  asOf: string | null;
  draftId: number | null;
  rows: BalanceRow[];
  /** One group per origin year, the plan year's own money first, then each carried-over year (newest first). */
  groups: BalanceGroup[];
  /** Rule 11: the counterpart ratio per program × capital type of the year's own money, with its warnings. */
  counterpart: CounterpartRatio[];
}

/** Rule 11: local counterpart ÷ NSTW of a program × capital type, against the minimum valid for the year. */
export interface CounterpartRatio {
  programCode: string;
  programName: string;
  capitalType: CapitalTypeCode;
  nstwDong: Dong;
  counterpartDong: Dong;
  /** counterpart ÷ NSTW as shown ("4,95%"), "—" without NSTW money. */
  ratioText: string;
  /** The configured minimum ("10%"), null when no minimum is configured for the program, period and province. */
  minimumText: string | null;
  /** The money the counterpart lacks to reach the minimum (0 when it is reached). */
  shortfallDong: Dong;
  legalBasis: string | null;
  /** "annual" or "period" basis of the minimum, in Vietnamese. */
  basisText: string | null;
  /** The warning (rule 11, W), null when the ratio reaches the minimum or none is configured. */
  warning: RuleFinding | null;
}

export const ledgerCommands = {
  'ledger.plan': command<PlanInForce>()(
    z
      .object({
        year,
        asOf: isoDate.optional(),
        groupBy: z.array(z.enum(PLAN_DIMENSIONS)).max(PLAN_DIMENSIONS.length),
      })
      .strict(),
    { reads: true },
  ),
  'ledger.balance': command<Balance>()(
    z.object({ year, asOf: isoDate.optional(), draftId: entityId.optional() }).strict(),
    { reads: true },
  ),
  'ledger.setAllocationDeadline': command<{ year: number; deadline: string | null }>()(
    z.object({ year, deadline: isoDate.nullable() }).strict(),
  ),
} as const;
