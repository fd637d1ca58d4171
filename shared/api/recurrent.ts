/** Dự toán chi thường xuyên: the SN breakdown matrix. */
import type { OfficeLevelCode } from '../domain/office-level';
import { z } from 'zod';
import type { DecisionHeader } from './decisions';
import type { Delegation, Recipient } from './registers';
import { command, entityId, shortText, year } from './schemas';

/** A source's amount in đồng, keyed by source code (NSTW, NST_DOIUNG…). */
export type BySource = Record<string, number>;

export interface RecurrentUnit {
  /** recipientKey: "unit:12", "commune:345". */
  key: string;
  recipient: Recipient;
}

export interface RecurrentRow {
  componentCode: string;
  componentName: string;
  depth: number;
  parentCode: string | null;
  /** A leaf of the catalog: its cells take amounts; a parent row shows the sum of its children. */
  entry: boolean;
  /** Assigned SN for this component and everything under it, as re-planned by issued HĐND adjustments. */
  assigned: BySource;
  /** Allocated by other issued decisions in force (everything under it). */
  allocatedBefore: BySource;
  /** Per unit key: the amounts of the breakdown shown (everything under it for a parent). */
  cells: Record<string, BySource>;
  /** Per unit key and source: the decision's lines behind an entry cell (several when typed in pieces). */
  lineIds: Record<string, Record<string, number[]>>;
  total: BySource;
  /** assigned − allocatedBefore − total. */
  remaining: BySource;
}

export interface RecurrentProgram {
  programCode: string;
  programName: string;
  rows: RecurrentRow[];
  /** The program row: totals of its components. */
  summary: RecurrentRow;
  unitTotals: Record<string, BySource>;
}

export interface RecurrentSheet {
  year: number;
  /** The SN sources the sheet shows (those assigned, and always NSTW and NS tỉnh đối ứng). */
  sources: { code: string; name: string }[];
  /** The breakdown shown: a draft being built, or an issued resolution; null = the plan in force. */
  decision: DecisionHeader | null;
  units: RecurrentUnit[];
  programs: RecurrentProgram[];
  /** The province's delegation to the district HĐND for the year (rule 7), when recorded. */
  delegation: Delegation | null;
  /**
   * Whether rule 7 asks for that delegation in this year: only a district office, while the NQ 111 pilot rule is
   * valid (until 30/06/2025). A commune's council allocates its own budget without one.
   */
  delegationRequired: boolean;
  /** The office's level: its council (HĐND huyện / HĐND xã) is the one that allocates the breakdown. */
  officeLevel: OfficeLevelCode;
}

export const recurrentCommands = {
  'recurrent.sheet': command<RecurrentSheet>()(z.object({ year, programCode: shortText(32).min(1).optional(), decisionId: entityId.optional() }).strict(), { reads: true }),
} as const;
