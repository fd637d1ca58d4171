/**
 * Lịch sử của huyện cũ (issue 21, point 4): a commune office keeps the former district's exchange package as
 * read-only history — its issued decisions of 2021–2025, the old communes under the new one, and the money still
 * open for the part that is now the commune's, with its deadline (rule 13).
 */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import type { DecisionIssuer, DecisionKind } from './decisions';
import type { DeadlineStatus } from './disbursement';
import type { CapitalTypeCode } from './schemas';
import { command, isoDate, shortText } from './schemas';

export interface HistoryImportSummary {
  /** True when the same package was already imported as history: nothing was written. */
  noop: boolean;
  packageId: number;
  districtCode: string;
  districtName: string;
  year: number;
  sha256: string;
  decisions: number;
  lines: number;
  /** Lines whose recipient was one of this commune's former communes. */
  linesOfThisCommune: number;
  /** The extension record written for NQ 257/2025/QH15 when the office had none covering 2021–2025 (else null). */
  extensionId: number | null;
  /** False for a package made before format 3: it carries no disbursement, so the open money is the allocation. */
  carriesDisbursement: boolean;
  /** Disbursement entries (every cut-off) kept, and those of this commune's former communes. */
  disbursementEntries: number;
  disbursementEntriesOfThisCommune: number;
  message: string;
}

export interface HistoryPackage {
  id: number;
  districtCode: string;
  districtName: string;
  officeName: string;
  year: number;
  fileName: string;
  sha256: string;
  importedAt: string;
  /** False for a package made before format 3 (no disbursement in it). */
  carriesDisbursement: boolean;
}

export interface HistoryDecision {
  packageId: number;
  districtName: string;
  kind: DecisionKind;
  kindLabel: string;
  issuer: DecisionIssuer;
  /** "215/QĐ-UBND" as the district numbered it, and the year of the number. */
  numberText: string;
  numberYear: number;
  docDate: string;
  summary: string;
  signerName: string;
  lineCount: number;
  increaseDong: Dong;
  decreaseDong: Dong;
  /** Always true: history is never edited (the database refuses it). */
  readOnly: true;
}

/** A former commune (list of 2024) and the commune/ward of 1/7/2025 it became. */
export interface HistoryFormerUnit {
  code: string;
  name: string;
  successorCode: string;
  successorName: string;
}

/**
 * Money of the history on a key of one of this commune's former communes (component × project × source × capital
 * type × origin year): what the district allocated, what it disbursed, and what is still open to disburse.
 */
export interface HistoryOpenMoney {
  originYear: number;
  programCode: string;
  componentCode: string;
  componentName: string;
  formerUnitCode: string;
  formerUnitName: string;
  successorName: string;
  projectCode: string | null;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  /** Allocated to the former commune by the district's issued decisions in force. */
  allocatedDong: Dong;
  /** Disbursed by the district on the key: per plan year the latest cumulative up to asOf, the plan years added. */
  disbursedDong: Dong;
  /** The latest cut-off counted in disbursedDong (null: no disbursement recorded on the key). */
  disbursedCutoff: string | null;
  /** Still to disburse: allocated − disbursed, never below 0. */
  openDong: Dong;
  /** Disbursed beyond the allocation on the key (0 when not): shown, never taken from another key. */
  overDisbursedDong: Dong;
  /** False when the package that allocated it carried no disbursement (format before 3): open is then the allocation. */
  disbursementKnown: boolean;
  /**
   * What the province has re-assigned to this office on the same key (component × source × capital type × origin
   * year, any plan year): its assignments, origin year kept. Per key, so shared by former communes on one key.
   */
  reassignedDong: Dong;
  deadline: string;
  deadlineBasis: string;
  daysLeft: number;
  /** Rule 13 on the open money: "da_giai_ngan_het" when nothing is open, else by the days left. */
  status: DeadlineStatus;
  /** The decisions that allocated it, as the district numbered them. */
  decisions: string[];
}

export interface HistoryView {
  asOf: string;
  packages: HistoryPackage[];
  decisions: HistoryDecision[];
  formerUnits: HistoryFormerUnit[];
  open: HistoryOpenMoney[];
  allocatedTotalDong: Dong;
  disbursedTotalDong: Dong;
  openTotalDong: Dong;
  /**
   * Said plainly when a package kept carries no disbursement (made before format 3): which, and that its open money
   * is the allocation. Null when every package carried it.
   */
  disbursementNote: string | null;
}

/** A workbook travels as base64; the same ceiling as the exchange package's. */
const MAX_BASE64 = 40_000_000;

export const historyCommands = {
  /** Imports the former district's exchange package as read-only history of this commune office. */
  'history.importPackage': command<HistoryImportSummary>()(
    z
      .object({
        fileName: shortText(260).min(1),
        base64: z.string().min(1).max(MAX_BASE64).regex(/^[A-Za-z0-9+/=\r\n]+$/, 'Nội dung tệp phải là base64'),
      })
      .strict(),
    { async: true },
  ),
  /** The history kept: packages, decisions (read-only), old communes under the new one, money still open. */
  'history.show': command<HistoryView>()(z.object({ asOf: isoDate.optional() }).strict(), { reads: true }),
} as const;
