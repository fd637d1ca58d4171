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

/** Curried so the input type is inferred from the schema while the output type is stated. */
export function command<O>() {
  return <I extends z.ZodType>(input: I): { input: I; output: O } => ({ input, output: undefined as unknown as O });
}
