import type { ErrorCode } from '../../shared/api/result';

/** A domain error with a stable code and a Vietnamese message; dispatch turns it into an error Result. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
