/** Errors are data: every command answers with a Result, never a thrown exception across a host. */

/** Stable error codes. Messages are Vietnamese and may change; codes may not. */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_COMMAND',
  'INVALID_AMOUNT',
  'NEGATIVE_AMOUNT',
  'UNKNOWN_DISTRICT',
  'UNKNOWN_COMPONENT',
  'COMPONENT_NOT_VALID_FOR_YEAR',
  'UNKNOWN_FUNDING_SOURCE',
  'UNKNOWN_CAPITAL_TYPE',
  'CAPITAL_TYPE_NOT_ALLOWED',
  'INVALID_ORIGIN_YEAR',
  'INVALID_DATE',
  'NOT_FOUND',
  'OFFICE_NOT_INITIALIZED',
  'OFFICE_ALREADY_INITIALIZED',
  'DEMO_NEEDS_EMPTY_YEAR',
  'DEMO_WRONG_DISTRICT',
  'DB_FROM_FUTURE',
  'DB_MIGRATION_FAILED',
  'DB_OPEN_FAILED',
  'SQLITE_LIBRARY_FAILED',
  'DB_DAMAGED',
  'BACKUP_NOT_FOUND',
  'BUSY',
  'FORBIDDEN',
  'DECISION_ISSUED',
  'PRINT_FORMAT',
  'PDF_BROWSER_MISSING',
  'PDF_PRINT_FAILED',
  'ANNEX_NOT_FOUND',
  'TEMPLATE_NOT_FOUND',
  'TEMPLATE_INVALID',
  'RULES_BLOCK_ISSUE',
  'DECISION_NUMBER_TAKEN',
  'DECISION_EMPTY',
  'DECISION_SUMMARY_REQUIRED',
  'DECISION_BASIS_REQUIRED',
  'UNKNOWN_RECIPIENT',
  'UNKNOWN_PROJECT',
  'UNKNOWN_REASON',
  'UNKNOWN_SIGNER',
  'SIGNER_RETIRED',
  'SIGNER_NOT_FOR_ISSUER',
  'OFFICE_HAS_NO_SIGNER',
  'PROJECT_NEEDS_DTPT',
  'INVALID_LINES',
  'NOTHING_TO_UNDO',
  'NOTHING_TO_REDO',
  'DUPLICATE_CODE',
  'INVALID_YEAR_RANGE',
  'DEADLINE_BEFORE_NOTICE',
  'ESCALATION_LEVEL',
  'IMPORT_NOT_WORKBOOK',
  'IMPORT_LEGACY_XLS',
  'IMPORT_ENCRYPTED',
  'IMPORT_TRUNCATED',
  'IMPORT_TOO_LARGE',
  'IMPORT_UNSAFE_CONTENT',
  'IMPORT_EMPTY',
  'IMPORT_NO_TABLE',
  'IMPORT_WRONG_DISTRICT',
  'IMPORT_WRONG_YEAR',
  'IMPORT_WRONG_OFFICE',
  'IMPORT_HAS_ERRORS',
  'IMPORT_CHANGED',
  'IMPORT_MAPPING_INCOMPLETE',
  'PACKAGE_TAMPERED',
  'PACKAGE_VERSION',
  'PACKAGE_INVALID',
  'PACKAGE_TARGET_NOT_EMPTY',
  'HISTORY_NOT_COMMUNE',
  'HISTORY_WRONG_DISTRICT',
  'TRANSFER_REFUSED',
  'ASSIGNMENT_BELOW_TRANSFERRED',
  'CANCELLED',
  'DISBURSEMENT_DECREASE',
  'DISBURSEMENT_AFTER_DEADLINE',
  'DISBURSEMENT_BAD_CUTOFF',
  'EXTENSION_NEEDS_ASSEMBLY',
  'EXTENSION_BAD_DEADLINE',
  'KBNN_NO_TABLE',
  'KBNN_NO_CUTOFF',
  'KBNN_HAS_ERRORS',
  'KBNN_CHANGED',
  'DB_LOCKED',
  'DISK_FULL',
  'DB_READ_ONLY',
  'DB_PATH_NOT_FILE',
  'DATA_IN_USE',
  'DB_REPLACED',
  'RESTORE_OTHER_OFFICE',
  'PACKAGE_BREAKS_RULES',
  'INTERNAL',
] as const;

/**
 * The data cannot be used right now, and nothing was written: another process holds it, the disk is full, the folder
 * cannot be written. The CLI exits 4 on these (README), apart from invalid data (1) and internal errors (3).
 */
export const UNAVAILABLE_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['BUSY', 'DB_LOCKED', 'DISK_FULL', 'DB_READ_ONLY', 'DATA_IN_USE', 'DB_REPLACED']);

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Vietnamese, says what is wrong, where and how to fix it. */
  message: string;
  /** Machine-readable context: field, row, sheet/cell, issues… */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function err<T = never>(code: ErrorCode, message: string, details?: Record<string, unknown>): Result<T> {
  return details === undefined ? { ok: false, error: { code, message } } : { ok: false, error: { code, message, details } };
}
