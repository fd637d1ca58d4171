/** Commands of the province-workbook import (run as a background job: see jobs.ts). */
import { z } from 'zod';
import type { ImportCommitResult, ImportPreview } from './import-types';
import { jobIdSchema } from './jobs';
import { capitalTypeSchema, command, moneyUnitSchema, shortText, year } from './schemas';

/** 60 MB of workbook as base64 (4/3 larger). */
const MAX_BASE64 = 82 * 1024 * 1024;

export const importMappingSchema = z
  .object({
    unit: moneyUnitSchema.optional(),
    columns: z
      .record(shortText(500), z.union([z.literal('ignore'), z.object({ sourceCode: shortText(32).min(1), capitalType: capitalTypeSchema }).strict()]))
      .optional(),
    rows: z.record(shortText(2000), shortText(64).min(1)).optional(),
  })
  .strict();

const fileInput = {
  fileName: shortText(260).min(1),
  /** The file's content; or, on hosts that let the core read local files (CLI, desktop), its path instead. */
  base64: z.string().max(MAX_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp phải là base64').optional(),
  filePath: z.string().min(1).max(4096).optional(),
  /** The year the officer is importing for; the file's own year must agree. */
  year: year.optional(),
  mapping: importMappingSchema.optional(),
  /** The sheet to read, when the file has several tables; by default the first. */
  sheet: shortText(100).min(1).optional(),
  /** The job id its progress is pushed under and `jobs.cancel` stops it by. */
  jobId: jobIdSchema.optional(),
};

const oneSource = (input: { base64?: string; filePath?: string }) => (input.base64 === undefined) !== (input.filePath === undefined);
const ONE_SOURCE = { message: 'Cần đúng một trong hai: nội dung tệp (base64) hoặc đường dẫn tệp (filePath).' };

export const importCommands = {
  'import.analyze': command<ImportPreview>()(z.object(fileInput).strict().refine(oneSource, ONE_SOURCE)),
  'import.commit': command<ImportCommitResult>()(
    z
      .object({
        ...fileInput,
        /** The preview the officer confirmed: refused if the file or mapping now reads differently. */
        expectedSha256: z.string().regex(/^[0-9a-f]{64}$/),
        expectedTotalDong: z.number().int(),
        /** ImportPreview.digest: the year, unit and every line the officer saw; refused if the file now reads otherwise. */
        expectedDigest: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict()
      .refine(oneSource, ONE_SOURCE),
  ),
} as const;
