/** Result types of the Excel exchange: the app's own exchange package, formatted reports, the exchange history. */
import type { Dong } from '../money/dong';

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
