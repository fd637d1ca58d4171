/** Schema building blocks shared by every part of the API contract. */
import { z } from 'zod';
import { isValidIsoDate } from '../format/date';
// Installs zod's Vietnamese messages before any schema is used.
import './zod-vietnamese';

export const year = z.number().int().min(2000).max(2100);
export const shortText = (max: number) => z.string().trim().max(max);
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine(isValidIsoDate, 'Ngày không có thật trên lịch');
export const entityId = z.number().int().positive();
export const empty = z.object({}).strict();

export const moneyUnitSchema = z.enum(['dong', 'nghin', 'trieu']);

/** An amount either as whole đồng (machines) or as the text an officer typed in a unit (the core parses it). */
export const amountInputSchema = z.union([
  z.object({ dong: z.number().int() }).strict(),
  z.object({ text: z.string().max(64), unit: moneyUnitSchema }).strict(),
]);
export type AmountInput = z.infer<typeof amountInputSchema>;

export const capitalTypeSchema = z.enum(['DTPT', 'SN']);
export type CapitalTypeCode = 'DTPT' | 'SN';

/**
 * How a command runs, said where it is declared (shared/api/command-kinds.ts reads it):
 * - async: its handler returns a Promise (it reads or writes a file); only the awaiting path may start it;
 * - reads: it never writes the database, so it answers at once, even while a long import is being written.
 * A command without `reads` mutates and passes through the core's one write queue.
 */
export interface CommandKind {
  readonly async?: true;
  readonly reads?: true;
}

/** Curried so the input type and the kind are inferred while the output type is stated. */
export function command<O>() {
  return <I extends z.ZodType, const K extends CommandKind = {}>(input: I, kind?: K): { input: I; output: O; kind: K } => ({
    input,
    output: undefined as unknown as O,
    kind: (kind ?? {}) as K,
  });
}
