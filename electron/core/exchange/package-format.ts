/**
 * The layout of the exchange package ("gói trao đổi"), format version 3 (version 1, without the wording sheet, and
 * version 2, without the disbursement sheet, are still read): the data sheets and their columns,
 * the manifest keys, and the canonical form of the data that the manifest's SHA-256 covers.
 *
 * Export and import share these specs, so the hash is computed over exactly the values an import reads back
 * from the cells (not over the xlsx bytes): re-saving the file in Excel or LibreOffice keeps it valid, editing a
 * value breaks it.
 */
import { createHash } from 'node:crypto';
import type { DecisionIssuer } from '../../../shared/api/decisions';
import { documentNumberText } from '../../../shared/domain/documents';

export const PACKAGE_FORMAT = 'sovon-package';
export const PACKAGE_FORMAT_VERSION = 3;
/** The oldest format an import still reads: version 1 had no "Lời văn" sheet. */
export const PACKAGE_FORMAT_OLDEST = 1;
/** One whole year of an office: its assignments, its issued decisions and the registers they use. */
export const PACKAGE_KIND = 'year';
export const MANIFEST_SHEET = 'manifest';

/** Row 1 holds the sheet's title, row 2 a note, row 3 the column headers; data starts on row 4. */
export const TITLE_ROW = 1;
export const NOTE_ROW = 2;
export const HEADER_ROW = 3;

/** A cell as the package reads it: text, a number, or nothing. Dates are ISO "yyyy-mm-dd" text. */
export type CellValue = string | number | null;

/**
 * text: plain text; int: a whole number (years, numbers, positions); money: integer đồng shown "#,##0";
 * date: a calendar date, written as a date cell shown dd/mm/yyyy.
 */
export type ColumnType = 'text' | 'int' | 'money' | 'date';

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  type: ColumnType;
  /** Excel column width (characters). */
  width: number;
  /** Long text that should wrap. */
  wrap?: boolean;
}

export interface SheetSpec<K extends string = string> {
  name: string;
  /** The title above the table; the year is appended. */
  title: string;
  columns: readonly ColumnSpec<K>[];
}

const col = <K extends string>(key: K, header: string, type: ColumnType, width: number, wrap = false): ColumnSpec<K> => ({ key, header, type, width, wrap });

export const ASSIGNMENT_SHEET = {
  name: 'Vốn được giao',
  title: 'VỐN ĐƯỢC GIAO',
  columns: [
    col('programCode', 'Mã chương trình', 'text', 11),
    col('programName', 'Chương trình', 'text', 34, true),
    col('periodCode', 'Giai đoạn danh mục', 'text', 11),
    col('componentCode', 'Mã hợp phần', 'text', 16),
    col('componentName', 'Tên hợp phần', 'text', 40, true),
    col('sourceCode', 'Nguồn vốn', 'text', 13),
    col('capitalType', 'Loại vốn', 'text', 8),
    col('originYear', 'Vốn năm', 'int', 8),
    col('amountDong', 'Số tiền (đồng)', 'money', 18),
    col('basisNumber', 'Số văn bản giao', 'text', 20, true),
    col('basisDate', 'Ngày văn bản giao', 'date', 12),
    col('basisIssuer', 'Cơ quan giao', 'text', 22, true),
    col('note', 'Ghi chú', 'text', 30, true),
  ],
} as const satisfies SheetSpec;

export const DECISION_SHEET = {
  name: 'Quyết định',
  title: 'QUYẾT ĐỊNH, NGHỊ QUYẾT ĐÃ BAN HÀNH',
  columns: [
    col('ref', 'Tham chiếu', 'text', 20),
    col('kind', 'Loại', 'text', 11),
    col('issuer', 'Cơ quan ban hành', 'text', 10),
    col('number', 'Số', 'int', 7),
    col('numberYear', 'Năm của số', 'int', 8),
    col('docDate', 'Ngày ban hành', 'date', 12),
    col('summary', 'Trích yếu', 'text', 50, true),
    col('basis', 'Căn cứ (mỗi dòng một căn cứ)', 'text', 50, true),
    col('declaredTotalDong', 'Tổng số tiền ghi trong văn bản (đồng)', 'money', 18),
    col('signerName', 'Người ký', 'text', 20),
    col('signerTitle', 'Chức danh người ký', 'text', 24, true),
    col('predecessorRef', 'Điều chỉnh văn bản', 'text', 20),
    col('implementsRef', 'Thực hiện nghị quyết', 'text', 20),
    col('issuedAt', 'Ghi nhận ban hành lúc', 'text', 22),
    col('issuedBy', 'Người ghi nhận', 'text', 16),
  ],
} as const satisfies SheetSpec;

export const LINE_SHEET = {
  name: 'Chi tiết quyết định',
  title: 'CHI TIẾT CÁC QUYẾT ĐỊNH, NGHỊ QUYẾT',
  columns: [
    col('decisionRef', 'Tham chiếu quyết định', 'text', 20),
    col('position', 'Dòng', 'int', 6),
    col('periodCode', 'Giai đoạn danh mục', 'text', 11),
    col('componentCode', 'Mã hợp phần', 'text', 16),
    col('componentName', 'Tên hợp phần', 'text', 36, true),
    col('recipientKind', 'Loại đơn vị nhận', 'text', 12),
    col('recipientDataset', 'Bộ mã ĐVHC', 'text', 9),
    col('recipientCode', 'Mã đơn vị nhận', 'text', 11),
    col('recipientName', 'Tên đơn vị nhận', 'text', 32, true),
    col('projectCode', 'Mã dự án', 'text', 14),
    col('sourceCode', 'Nguồn vốn', 'text', 13),
    col('capitalType', 'Loại vốn', 'text', 8),
    col('originYear', 'Vốn năm', 'int', 8),
    col('amountDong', 'Tăng (+), giảm (-) (đồng)', 'money', 18),
    col('beforeDong', 'Số trước điều chỉnh (đồng)', 'money', 18),
    col('reasonCode', 'Mã lý do', 'text', 14),
    col('note', 'Ghi chú', 'text', 30, true),
  ],
} as const satisfies SheetSpec;

export const PROJECT_SHEET = {
  name: 'Dự án',
  title: 'DANH MỤC DỰ ÁN ĐẦU TƯ',
  columns: [
    col('code', 'Mã dự án', 'text', 14),
    col('name', 'Tên dự án', 'text', 44, true),
    col('communeDataset', 'Bộ mã ĐVHC', 'text', 9),
    col('communeCode', 'Mã xã', 'text', 9),
    col('investorRef', 'Chủ đầu tư (tham chiếu)', 'text', 12),
    col('totalInvestmentDong', 'Tổng mức đầu tư (đồng)', 'money', 18),
    col('approvalNumber', 'Số quyết định phê duyệt', 'text', 20),
    col('approvalDate', 'Ngày phê duyệt', 'date', 12),
    col('specialMechanism', 'Cơ chế đặc thù', 'text', 10),
    col('status', 'Tình trạng', 'text', 16),
    col('note', 'Ghi chú', 'text', 30, true),
  ],
} as const satisfies SheetSpec;

export const ORGANIZATION_SHEET = {
  name: 'Đơn vị, chủ đầu tư',
  title: 'ĐƠN VỊ, CHỦ ĐẦU TƯ NHẬN VỐN',
  columns: [
    col('ref', 'Tham chiếu', 'text', 10),
    col('kind', 'Loại', 'text', 12),
    col('name', 'Tên', 'text', 60, true),
    col('validFrom', 'Hiệu lực từ', 'date', 12),
    col('validTo', 'Hiệu lực đến', 'date', 12),
    col('note', 'Ghi chú', 'text', 30, true),
  ],
} as const satisfies SheetSpec;

/**
 * Since format 2: each decision's wording as frozen at issue (decision_wording), so that the importing office prints
 * the same text — căn cứ of law, Điều 2–3, Nơi nhận, khóa/kỳ họp — whatever its own templates say.
 */
export const WORDING_SHEET = {
  name: 'Lời văn',
  title: 'LỜI VĂN QUYẾT ĐỊNH, NGHỊ QUYẾT KHI BAN HÀNH',
  columns: [col('decisionRef', 'Tham chiếu quyết định', 'text', 20), col('wordingJson', 'Lời văn (JSON, không sửa)', 'text', 100, true)],
} as const satisfies SheetSpec;

/**
 * Since format 3: the disbursement the office recorded for the package's year (every cut-off, as entered: the
 * cumulative disbursed per component × project × commune × source × capital type × origin year), so that an office
 * succeeding it (a commune of 1/7/2025 importing the former district as history) knows what is still to disburse.
 */
export const DISBURSEMENT_SHEET = {
  name: 'Giải ngân',
  title: 'SỐ GIẢI NGÂN LŨY KẾ',
  columns: [
    col('cutoffDate', 'Số liệu đến ngày', 'date', 12),
    col('periodCode', 'Giai đoạn danh mục', 'text', 11),
    col('componentCode', 'Mã hợp phần', 'text', 16),
    col('componentName', 'Tên hợp phần', 'text', 36, true),
    col('projectCode', 'Mã dự án', 'text', 14),
    col('communeDataset', 'Bộ mã ĐVHC', 'text', 9),
    col('communeCode', 'Mã xã', 'text', 9),
    col('communeName', 'Tên xã', 'text', 24, true),
    col('sourceCode', 'Nguồn vốn', 'text', 13),
    col('capitalType', 'Loại vốn', 'text', 8),
    col('originYear', 'Vốn năm', 'int', 8),
    col('cumulativeDong', 'Lũy kế giải ngân (đồng)', 'money', 18),
    col('recoveryDong', 'Thu hồi trong kỳ (đồng)', 'money', 16),
    col('dataSource', 'Nguồn số liệu', 'text', 12),
    col('note', 'Ghi chú', 'text', 30, true),
  ],
} as const satisfies SheetSpec;

/** The data sheets of format version 1, in workbook order. */
export const DATA_SHEETS = [ASSIGNMENT_SHEET, DECISION_SHEET, LINE_SHEET, PROJECT_SHEET, ORGANIZATION_SHEET] as const;

/** The data sheets a package of a format version holds, in workbook order. */
export function sheetsOfVersion(version: number): readonly SheetSpec[] {
  if (version >= 3) return [...DATA_SHEETS, WORDING_SHEET, DISBURSEMENT_SHEET];
  return version >= 2 ? [...DATA_SHEETS, WORDING_SHEET] : DATA_SHEETS;
}

/** Whether a package of this format version carries the office's disbursement (format 3 on). */
export const carriesDisbursement = (version: number): boolean => version >= 3;

type KeysOf<S> = S extends SheetSpec<infer K> ? K : never;
/** One row of a data sheet, by column key. */
export type SheetRecord<S extends SheetSpec> = Record<KeysOf<S>, CellValue>;

export type AssignmentRecord = SheetRecord<typeof ASSIGNMENT_SHEET>;
export type DecisionRecord = SheetRecord<typeof DECISION_SHEET>;
export type LineRecordRow = SheetRecord<typeof LINE_SHEET>;
export type ProjectRecord = SheetRecord<typeof PROJECT_SHEET>;
export type OrganizationRecord = SheetRecord<typeof ORGANIZATION_SHEET>;
export type WordingRecord = SheetRecord<typeof WORDING_SHEET>;
export type DisbursementRecord = SheetRecord<typeof DISBURSEMENT_SHEET>;

/** The rows of every data sheet, as cell values in column order. */
export type PackageGrid = Record<string, CellValue[][]>;

export function toRow<S extends SheetSpec>(sheet: S, record: SheetRecord<S>): CellValue[] {
  return sheet.columns.map((c) => (record as Record<string, CellValue>)[c.key] ?? null);
}

export function toRecord<S extends SheetSpec>(sheet: S, row: CellValue[]): SheetRecord<S> {
  return Object.fromEntries(sheet.columns.map((c, i) => [c.key, row[i] ?? null])) as SheetRecord<S>;
}

/**
 * Text as a cell keeps it: characters XML cannot carry are dropped and line ends become "\n" (what exceljs
 * writes and any reader gives back), empty text is no value. Export stores this form, so the hash matches.
 */
export function cellText(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '');
  return clean === '' ? null : clean;
}

export interface PackageIdentity {
  districtCode: string;
  year: number;
}

/**
 * SHA-256 of the canonical JSON of the package: its format version, identity (district, year) and, per data sheet
 * of that version, the headers and the rows as read (a version 1 package hashes as it did). The identity is inside the hash so that a manifest edited to another year or district
 * is caught too.
 */
export function packageHash(identity: PackageIdentity, grid: PackageGrid, version: number = PACKAGE_FORMAT_VERSION): string {
  const canonical = JSON.stringify({
    format: PACKAGE_FORMAT,
    version,
    kind: PACKAGE_KIND,
    districtCode: identity.districtCode,
    year: identity.year,
    sheets: sheetsOfVersion(version).map((s) => ({ name: s.name, header: s.columns.map((c) => c.header), rows: grid[s.name] ?? [] })),
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** Keys of the manifest sheet (one key/value pair a row). */
export const MANIFEST_KEYS = {
  format: 'format',
  version: 'formatVersion',
  districtCode: 'districtCode',
  officeName: 'officeName',
  year: 'year',
  kind: 'kind',
  createdAt: 'createdAt',
  sha256: 'dataSha256',
  /** Followed by the sheet name: "rows:Vốn được giao". */
  rowsPrefix: 'rows:',
} as const;

/** "215/QĐ-UBND (2024)": how the package names a decision (the number is unique per issuer and year). */
export function decisionRef(issuer: DecisionIssuer, number: number, numberYear: number): string {
  return `${documentNumberText(number, issuer)} (${numberYear})`;
}
