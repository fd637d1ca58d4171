/**
 * One finding type for everything the office is warned about: a rule broken by a draft's lines (rules engine), a
 * problem in a province workbook (import) or in a treasury statement (KBNN). Each kind has its own typed codes;
 * `Finding` is the union, told apart by `ruleId` (rules) or by `code` (files).
 */
import type { ErrorCode } from './result';

/** E: refuses (issuing, importing); W: shown, the officer decides; I: for information. */
export type Severity = 'E' | 'W' | 'I';

/** Errors first, then warnings, then information: the order findings are listed in. */
export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { E: 0, W: 1, I: 2 };

interface FindingBase {
  severity: Severity;
  /** Vietnamese: what, where, how to fix. */
  message: string;
}

/** A rule of the registry (resources/seed/rules.csv) that a draft's lines break. */
export interface RuleFinding extends FindingBase {
  ruleId: number;
  /** The rule's short name from the registry ("Không vượt số được giao"). */
  ruleName: string;
  title: string;
  legalBasis: string;
  certainty: string;
  lineIds: number[];
  code?: never;
}

export const IMPORT_FINDING_CODES = [
  'IMPORT_BAD_ADDRESS',
  'IMPORT_BAD_AMOUNT',
  'IMPORT_COMPUTED_VALUES',
  'IMPORT_DUPLICATE_COLUMN',
  'IMPORT_DUPLICATE_ROW',
  'IMPORT_HIDDEN_COLUMN',
  'IMPORT_HIDDEN_ROW',
  'IMPORT_LEGACY_GUESS',
  'IMPORT_LEGACY_TEXT',
  'IMPORT_NEGATIVE_AMOUNT',
  'IMPORT_NO_UNIT',
  'IMPORT_NO_YEAR',
  'IMPORT_OTHER_SHEETS',
  'IMPORT_PARENT_SUM',
  'IMPORT_ROUNDED',
  'IMPORT_ROW_TOTAL',
  'IMPORT_SEEN_BEFORE',
  'IMPORT_TOTAL_ROW',
  'IMPORT_TOTAL_TOO_LARGE',
  'IMPORT_UNIT_CONFLICT',
  'IMPORT_UNKNOWN_COLUMN',
  'IMPORT_UNMATCHED_ROW',
  'IMPORT_UNSURE_MATCH',
  'IMPORT_WRONG_DISTRICT',
  'IMPORT_WRONG_YEAR',
  'COMPONENT_NOT_VALID_FOR_YEAR',
  'CAPITAL_TYPE_NOT_ALLOWED',
] as const;
export type ImportFindingCode = (typeof IMPORT_FINDING_CODES)[number];

export const KBNN_FINDING_CODES = [
  'KBNN_NO_CUTOFF',
  'KBNN_MISSING_COLUMN',
  'KBNN_DEFAULT_SOURCE',
  'KBNN_BAD_AMOUNT',
  'KBNN_PROJECT_NOT_PLANNED',
  'KBNN_UNKNOWN_ROW',
  'KBNN_DUPLICATE_ROW',
  'KBNN_ROUNDED',
  'KBNN_EMPTY',
] as const;
export type KbnnFindingCode = (typeof KBNN_FINDING_CODES)[number];

/** A problem in a file the office reads, pointing at a cell an officer can open in Excel. */
interface FileFinding<C extends string> extends FindingBase {
  code: C;
  sheet: string | null;
  /** A1 address, e.g. "F21"; null when the finding is about the whole file. */
  cell: string | null;
}

/** One problem in a province workbook. */
export interface ImportFinding extends FileFinding<ImportFindingCode> {
  /** Rule number of domain/rules ("1", "2", "25") or a reading check ("doc"). */
  rule: string;
  expectedDong?: number;
  foundDong?: number;
  /** Cells that disagree only because this one is wrong (totals above it, its row's total): listed here, not reported apart. */
  consequences?: string[];
}

/** One problem in a treasury (KBNN) disbursement statement; a file refused whole carries the error's code. */
export type KbnnFinding = FileFinding<KbnnFindingCode | ErrorCode>;

export type Finding = RuleFinding | ImportFinding | KbnnFinding;
