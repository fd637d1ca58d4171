/** The province-workbook import: what was recognized, what is wrong, what would change. */
import { z } from 'zod';
import type { MoneyUnit } from '../money/dong';
import type { ImportFinding } from './findings';
import { jobIdSchema } from './jobs';
import { type CapitalTypeCode, capitalTypeSchema, command, moneyUnitSchema, shortText, year } from './schemas';

export type ColumnRole = 'stt' | 'name' | 'amount' | 'total' | 'ignore' | 'unknown';

export interface ImportColumn {
  /** Column letter in the file ("C"). */
  col: string;
  /** The header texts above it, top to bottom ("Ngân sách trung ương › Vốn sự nghiệp"). */
  label: string;
  /** Stable key of the header path, used by remembered mappings. */
  key: string;
  role: ColumnRole;
  sourceCode: string | null;
  capitalType: CapitalTypeCode | null;
  /** For totals: the letters of the columns it sums. */
  covers: string[];
  hidden: boolean;
  /** Another amount column has the same source × capital type: the officer must keep one. */
  conflict?: boolean;
}

export type RowKind = 'total' | 'district' | 'program' | 'component' | 'item' | 'unmatched' | 'ignored';

export type MatchConfidence = 'high' | 'medium' | 'low';

export interface ImportRow {
  /** Row number in the sheet (1-based, as Excel shows it). */
  row: number;
  stt: string;
  name: string;
  depth: number;
  parentRow: number | null;
  kind: RowKind;
  componentCode: string | null;
  componentName: string | null;
  confidence: MatchConfidence | null;
  /** Stable key of this row's place in the tree, used by remembered mappings. */
  key: string;
  /** Amount per column letter in đồng (null: the cell is blank). */
  amounts: Record<string, number | null>;
  hidden: boolean;
  /** A detail line: counted in `detailLines` and `totalDong`. */
  detail: boolean;
}

/** One assignment line the file would write: the sum of its detail rows per key. */
export interface ImportLine {
  componentCode: string;
  componentName: string;
  programCode: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  amountDong: number;
  rows: number[];
}

export interface ImportDiffRow {
  componentCode: string;
  componentName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
  beforeDong: number;
  afterDong: number;
  /**
   * 'added' | 'changed' | 'same'; 'cleared': the file lists the component with blank cells, so the book's amount
   * goes; 'kept': the book holds it and the file does not speak of it, left as is.
   */
  change: 'added' | 'changed' | 'same' | 'cleared' | 'kept';
}

/** What the officer confirmed for things the app could not recognize with confidence. */
export interface ImportMapping {
  unit?: MoneyUnit;
  /** Per column key: where its money goes, or 'ignore'. */
  columns?: Record<string, { sourceCode: string; capitalType: CapitalTypeCode } | 'ignore'>;
  /** Per row key: the catalog component, or 'ignore' (a row that carries no assignment). */
  rows?: Record<string, string>;
}

export interface ImportDocumentInfo {
  /** "Quyết định số 123/QĐ-UBND ngày 10/12/2023 của UBND tỉnh Lạng Sơn", as read from the title. */
  basisNumber: string;
  basisDate: string | null;
  basisIssuer: string;
  title: string;
}

export interface ImportSheetCells {
  sheet: string;
  firstRow: number;
  /** Text as shown, per row from firstRow, per column from A. */
  rows: string[][];
  truncated: boolean;
}

export interface ImportPreview {
  fileName: string;
  sha256: string;
  fingerprint: string;
  /** SHA-256 of what would be written (year, unit, each line's key and amount): the commit must match it. */
  digest: string;
  templateKnown: boolean;
  /** The choices in effect: the ones remembered for this layout with the officer's over them. */
  mapping: ImportMapping;
  sheet: string;
  /** Every visible sheet with a table: one is read per import. */
  sheets: string[];
  year: number | null;
  districtName: string | null;
  /** The district the file names (its title, or the block read in a province-wide file), as written there; null when it names none. */
  fileDistrict: string | null;
  unit: MoneyUnit | null;
  document: ImportDocumentInfo;
  headerRows: [number, number];
  columns: ImportColumn[];
  rows: ImportRow[];
  findings: ImportFinding[];
  lines: ImportLine[];
  detailLines: number;
  totalDong: number;
  diff: ImportDiffRow[];
  /** When this content is already what the database holds (or this very file was imported). */
  noop: { message: string; previousImportAt: string | null } | null;
  canCommit: boolean;
  cells: ImportSheetCells;
}

export interface ImportCommitResult {
  exchangeId: number;
  noop: boolean;
  message: string;
  year: number;
  added: number;
  changed: number;
  detailLines: number;
  totalDong: number;
  backupFile: string | null;
}

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
  'import.analyze': command<ImportPreview>()(z.object(fileInput).strict().refine(oneSource, ONE_SOURCE), { async: true, reads: true }),
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
    { async: true },
  ),
} as const;
