/** Commands of the Excel exchange: the app's own exchange package (export, import), formatted reports, history. */
import { z } from 'zod';
import type { ExchangeFile, ExchangeLogRow, PackageExport, PackageImportSummary } from './exchange-types';
import { command, isoDate, moneyUnitSchema, shortText, year } from './schemas';

/** A workbook travels as base64; 40 MB of text (≈ 30 MB of file) is far above any year of one district. */
const MAX_BASE64 = 40_000_000;

export const exchangeCommands = {
  /** The year's assignments, issued decisions and the registers they use, as a readable workbook with a hidden manifest. */
  'exchange.exportPackage': command<PackageExport>()(z.object({ year }).strict()),
  /** Reads a package into an empty year of an office of the same district, in one transaction. */
  'exchange.importPackage': command<PackageImportSummary>()(
    z
      .object({
        fileName: shortText(260).min(1),
        base64: z.string().min(1).max(MAX_BASE64).regex(/^[A-Za-z0-9+/=\r\n]+$/, 'Nội dung tệp phải là base64'),
      })
      .strict(),
  ),
  /** Assignments and allocations by program, component and commune, formatted for reading and printing. */
  'exchange.exportReport': command<ExchangeFile>()(
    z.object({ year, unit: moneyUnitSchema.optional(), asOf: isoDate.optional() }).strict(),
  ),
  'exchange.history': command<ExchangeLogRow[]>()(z.object({ year: year.optional() }).strict()),
} as const;
