/**
 * Chuyển nhiệm vụ 2021–2025 sang nội dung 2026–2030 (issue 21, point 5; NQ 257/2025/QH15 Điều 1 khoản 7 điểm b):
 * money of a 2021–2025 task with no remaining need, or that cannot be carried out, moved with approval into a
 * content of the 2026–2035 program. Balance and catalog checks refuse (E); what the law's detail does not settle
 * is a warning (W) naming its basis and certainty, recorded with the decision.
 */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import type { Severity } from './findings';
import { amountInputSchema, capitalTypeSchema, command, isoDate, shortText, year, type CapitalTypeCode } from './schemas';

export const TRANSFER_REASONS = ['khong_con_nhu_cau', 'khong_the_thuc_hien'] as const;
export type TransferReason = (typeof TRANSFER_REASONS)[number];
export const TRANSFER_REASON_LABELS: Record<TransferReason, string> = {
  khong_con_nhu_cau: 'Nhiệm vụ không còn nhu cầu',
  khong_the_thuc_hien: 'Nhiệm vụ không thể thực hiện',
};

export type TransferFindingCode =
  | 'TRANSFER_NO_BASIS'
  | 'TRANSFER_BEFORE_RESOLUTION'
  | 'TRANSFER_FROM_NOT_2021_2025'
  | 'TRANSFER_TO_NOT_2026_2035'
  | 'TRANSFER_CAPITAL_TYPE_NOT_ALLOWED'
  | 'TRANSFER_OVER_OPEN'
  | 'TRANSFER_APPROVER_UNCONFIRMED'
  | 'TRANSFER_CAPITAL_TYPE_CHANGE'
  | 'TRANSFER_SOURCE_SHARE_UNKNOWN'
  | 'TRANSFER_DEADLINE_UNSETTLED'
  | 'TRANSFER_CEILING_UNSETTLED'
  | 'TRANSFER_RULES_AFTER_MOVE';

export interface TransferFinding {
  severity: Severity;
  code: TransferFindingCode;
  /** Vietnamese: what, where, how to fix. */
  message: string;
  /** What the check rests on (the text and article, or our inference). */
  basis: string;
  /** V: read in the legal text; S: press summaries; I: our inference; ?: not found. */
  certainty: 'V' | 'S' | 'I' | '?';
}

const transferFields = {
  year,
  number: shortText(64).min(1, 'Số quyết định không được để trống'),
  docDate: isoDate,
  approvedBy: shortText(200),
  approvalBasis: shortText(2000),
  reason: z.enum(TRANSFER_REASONS),
  fromComponentCode: shortText(64).min(1),
  sourceCode: shortText(32).min(1),
  capitalType: capitalTypeSchema,
  originYear: year,
  toComponentCode: shortText(64).min(1),
  toCapitalType: capitalTypeSchema.optional(),
  amount: amountInputSchema,
  note: shortText(1000).optional(),
};

export const transferInputSchema = z.object(transferFields).strict();

export interface TransferCheck {
  /** Still open on the 2021–2025 key in the year, before this transfer: assigned − max(allocated, disbursed) − moved. */
  openDong: Dong;
  amountDong: Dong;
  findings: TransferFinding[];
}

export interface ContentTransfer {
  id: number;
  year: number;
  number: string;
  docDate: string;
  approvedBy: string;
  approvalBasis: string;
  reason: TransferReason;
  fromComponentCode: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  toComponentCode: string;
  toCapitalType: CapitalTypeCode;
  amountDong: Dong;
  warnings: TransferFinding[];
  note: string;
}

/**
 * One leg of a recorded transfer as the ledger holds it (assignment_movement): the 2021–2025 key that gave the money
 * (negative) or the 2026–2035 content that received it (positive), under the money's origin year.
 */
export interface TransferMovementLine {
  transferId: number;
  transferNumber: string;
  transferDate: string;
  leg: 'out' | 'in';
  componentCode: string;
  componentName: string;
  programCode: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  /** Signed: negative on the 'out' leg, positive on the 'in' leg. */
  amountDong: Dong;
}

export const transfersCommands = {
  /** The checks of a transfer not yet recorded: what is still open on the key, errors and warnings. */
  'transfers.check': command<TransferCheck>()(transferInputSchema, { reads: true }),
  /**
   * Records the transfer decision (immutable), refused while a check gives an error; warnings are kept with it. The
   * money moves in the same transaction: the 2021–2025 key loses the amount, the 2026–2035 content gains it as its
   * own ceiling under the money's origin year (ledger.balance, rules 5 and 15).
   */
  'transfers.record': command<ContentTransfer>()(transferInputSchema),
  'transfers.list': command<ContentTransfer[]>()(z.object({ year }).strict(), { reads: true }),
} as const;
