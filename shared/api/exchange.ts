/** Trao đổi dữ liệu: the exchange package, report workbooks and the exchange log. */
import { z } from 'zod';
import type { Dong } from '../money/dong';
import { command, isoDate, moneyUnitSchema, shortText, year } from './schemas';

export const EXCHANGE_DIRECTIONS = ['import', 'export'] as const;

export type ExchangeDirection = (typeof EXCHANGE_DIRECTIONS)[number];

/** province_assignment: the province's workbook; package: the app's own exchange workbook; report: a formatted export. */
export type ExchangeKind = 'province_assignment' | 'package' | 'report';

export type ExchangeResult = 'committed' | 'noop' | 'exported';

export interface ExchangeFile {
  fileName: string;
  base64: string;
}

export interface PackageExport extends ExchangeFile {
  /** SHA-256 of the package's data (what an import reads), also written in its manifest. */
  sha256: string;
}

/** Rows this import wrote (all zero for a no-op). */
export interface PackageImportCounts {
  assignments: number;
  decisions: number;
  decisionLines: number;
  /** Register rows added to this office (rows already there are reused, not counted). */
  projects: number;
  organizations: number;
}

export interface PackageImportSummary {
  year: number;
  fileName: string;
  sha256: string;
  /** True when the same data had already been imported: nothing was written but the history row. */
  noop: boolean;
  /** What happened, in Vietnamese, ready to show. */
  message: string;
  counts: PackageImportCounts;
  /** The assigned total of the year this import wrote, in đồng (0 for a no-op). */
  totalDong: Dong;
  exchangeId: number;
}

export interface ExchangeLogRow {
  id: number;
  at: string;
  actor: string;
  direction: ExchangeDirection;
  kind: ExchangeKind;
  fileName: string;
  sha256: string;
  year: number | null;
  lineCount: number;
  totalDong: Dong;
  result: ExchangeResult;
  message: string;
}

/** A workbook travels as base64; 40 MB of text (≈ 30 MB of file) is far above any year of one district. */
const MAX_BASE64 = 40_000_000;

export const exchangeCommands = {
  /** The year's assignments, issued decisions and the registers they use, as a readable workbook with a hidden manifest. */
  'exchange.exportPackage': command<PackageExport>()(z.object({ year }).strict(), { async: true }),
  /** Reads a package into an empty year of an office of the same district, in one transaction. */
  'exchange.importPackage': command<PackageImportSummary>()(
    z
      .object({
        fileName: shortText(260).min(1),
        base64: z.string().min(1).max(MAX_BASE64).regex(/^[A-Za-z0-9+/=\r\n]+$/, 'Nội dung tệp phải là base64'),
      })
      .strict(),
    { async: true },
  ),
  /** Assignments and allocations by program, component and commune, formatted for reading and printing. */
  'exchange.exportReport': command<ExchangeFile>()(
    z.object({ year, unit: moneyUnitSchema.optional(), asOf: isoDate.optional() }).strict(),
    { async: true },
  ),
  'exchange.history': command<ExchangeLogRow[]>()(z.object({ year: year.optional() }).strict(), { reads: true }),
} as const;
