import { UNAVAILABLE_CODES, type ErrorCode } from '../../shared/api/result';

/** The CLI's exit codes, as the README lists them. */
export const EXIT = { ok: 0, validation: 1, usage: 2, internal: 3, unavailable: 4 } as const;

/** The exit code of a refused command: 3 for an internal error, 4 when the data cannot be used now, else 1. */
export function exitCodeOf(code: ErrorCode): 1 | 3 | 4 {
  if (code === 'INTERNAL') return EXIT.internal;
  return UNAVAILABLE_CODES.has(code) ? EXIT.unavailable : EXIT.validation;
}
