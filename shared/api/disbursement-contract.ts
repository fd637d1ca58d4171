/** Commands of disbursement: entries, rates, carried-over money and deadlines, pacing, benchmarks, dashboard, KBNN import, report. */
import { z } from 'zod';
import { jobIdSchema } from './jobs';
import {
  BENCHMARK_SCOPES,
  EXTENSION_AUTHORITIES,
  KBNN_COLUMN_ROLES,
  type Benchmark,
  type Dashboard,
  type Deadlines,
  type DisbursementReport,
  type DisbursementSaveResult,
  type DisbursementSheet,
  type Extension,
  type KbnnCommitResult,
  type KbnnPreview,
  type Pacing,
  type Progress,
} from './disbursement-types';
import { amountInputSchema, capitalTypeSchema, command, entityId, isoDate, moneyUnitSchema, shortText, year } from './schemas';

export const disbursementKeySchema = z
  .object({
    componentCode: shortText(64).min(1),
    projectCode: shortText(64).min(1).nullable(),
    communeCode: shortText(10).min(1).nullable(),
    sourceCode: shortText(32).min(1),
    capitalType: capitalTypeSchema,
    originYear: year,
  })
  .strict();

export const disbursementEntrySchema = z
  .object({
    key: disbursementKeySchema,
    /** The cumulative disbursed to the cut-off; null removes the entry of that cut-off. */
    cumulative: amountInputSchema.nullable(),
    /** Recovered (thu hồi) since the previous cut-off. */
    recovery: amountInputSchema.optional(),
    note: shortText(1000).optional(),
  })
  .strict();
export type DisbursementEntryInput = z.infer<typeof disbursementEntrySchema>;

/** 60 MB of workbook as base64. */
const MAX_BASE64 = 82 * 1024 * 1024;

export const kbnnMappingSchema = z
  .object({
    /** Column letter → role ("ignore" to skip a column the reader took for something). */
    columns: z.record(z.string().regex(/^[A-Z]{1,3}$/), z.union([z.enum(KBNN_COLUMN_ROLES), z.literal('ignore')])).optional(),
    unit: moneyUnitSchema.optional(),
  })
  .strict();
export type KbnnMapping = z.infer<typeof kbnnMappingSchema>;

const kbnnFile = {
  fileName: shortText(260).min(1),
  base64: z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp phải là base64'),
  year: year.optional(),
  /** The statement's cut-off when its title does not say it. */
  cutoffDate: isoDate.optional(),
  mapping: kbnnMappingSchema.optional(),
  /** The job id its progress is pushed under and `jobs.cancel` stops it by. */
  jobId: jobIdSchema.optional(),
};

export const disbursementCommands = {
  'disbursement.sheet': command<DisbursementSheet>()(z.object({ year, cutoffDate: isoDate }).strict()),
  'disbursement.save': command<DisbursementSaveResult>()(
    z
      .object({
        year,
        cutoffDate: isoDate,
        entries: z.array(disbursementEntrySchema).min(1).max(20000),
        /** Save the valid entries and report the others, instead of refusing the whole batch. */
        partial: z.boolean().optional(),
      })
      .strict(),
  ),
  'disbursement.progress': command<Progress>()(z.object({ year, asOf: isoDate.optional() }).strict()),
  'disbursement.deadlines': command<Deadlines>()(z.object({ year, asOf: isoDate.optional() }).strict()),
  /** Without asOf the dashboard is read at the latest cut-off reported (see disbursement.defaultCutoff). */
  'disbursement.dashboard': command<Dashboard>()(z.object({ year, asOf: isoDate.optional() }).strict()),
  /** The latest cut-off of the year reported up to today (else today, or the year's end for a past year). */
  'disbursement.defaultCutoff': command<{ date: string }>()(z.object({ year }).strict()),
  'disbursement.setWarnDays': command<{ warnDays: number }>()(z.object({ warnDays: z.number().int().min(0).max(366) }).strict()),
  'disbursement.report': command<DisbursementReport>()(z.object({ year, asOf: isoDate.optional() }).strict()),
  /** The report as a workbook, signed by the signer chosen (or the head of the phòng) under the number given. */
  'disbursement.exportReport': command<{ fileName: string; base64: string }>()(
    z.object({ year, asOf: isoDate.optional(), signerId: z.number().int().positive().optional(), number: shortText(20).regex(/^\d*$/).optional() }).strict(),
  ),
  'disbursement.analyze': command<KbnnPreview>()(z.object(kbnnFile).strict()),
  'disbursement.commit': command<KbnnCommitResult>()(z.object({ ...kbnnFile, expectedSha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict()),
  'extensions.list': command<Extension[]>()(z.object({}).strict()),
  'extensions.create': command<Extension>()(
    z
      .object({
        originYearFrom: year,
        originYearTo: year,
        programCode: shortText(32).min(1).nullable().optional(),
        sourceCode: shortText(32).min(1).nullable().optional(),
        capitalType: capitalTypeSchema.nullable().optional(),
        projectCode: shortText(64).min(1).nullable().optional(),
        authority: z.enum(EXTENSION_AUTHORITIES),
        decisionNumber: shortText(200).min(1),
        decisionDate: isoDate,
        newDeadline: isoDate,
        note: shortText(1000).optional(),
      })
      .strict(),
  ),
  'extensions.delete': command<{ deletedId: number }>()(z.object({ id: entityId }).strict()),
  'pacing.get': command<Pacing>()(z.object({ year, asOf: isoDate.optional() }).strict()),
  'pacing.save': command<Pacing>()(
    z
      .object({
        year,
        /** Cumulative target at each month end in hundredths of a percent; null clears the month. */
        months: z
          .array(z.object({ month: z.number().int().min(1).max(12), targetBp: z.number().int().min(0).max(10000).nullable() }).strict())
          .min(1)
          .max(12),
        source: shortText(500).optional(),
      })
      .strict(),
  ),
  'benchmarks.list': command<Benchmark[]>()(z.object({ year }).strict()),
  'benchmarks.create': command<Benchmark>()(
    z
      .object({
        year,
        asOf: isoDate,
        scope: z.enum(BENCHMARK_SCOPES),
        districtCode: shortText(10).min(1).nullable().optional(),
        programCode: shortText(32).min(1).nullable().optional(),
        rateBp: z.number().int().min(0).max(100000),
        source: shortText(500).min(1),
      })
      .strict(),
  ),
  'benchmarks.delete': command<{ deletedId: number }>()(z.object({ id: entityId }).strict()),
} as const;
