/**
 * The print-document model: what an annex of a decision prints, decided by the core (every figure in đồng,
 * every line of text), laid out by the renderer with print CSS and printed to PDF by Chromium / Electron.
 */
import type { Dong, MoneyUnit } from '../money/dong';

export const ANNEX_KINDS = ['tong_hop', 'theo_xa', 'dieu_chinh', 'du_an', 'du_toan_sn'] as const;
export type AnnexKind = (typeof ANNEX_KINDS)[number];

export interface PrintColumn {
  key: string;
  /** Header lines from the top group down, e.g. ["Ngân sách trung ương", "Vốn ĐTPT"]. Merged where equal. */
  header: string[];
  kind: 'stt' | 'text' | 'money';
  /** Width in mm. */
  width: number;
}

export interface PrintRow {
  /** A, B / I, II / 1, 2 / a, b / - by depth. */
  stt: string;
  /** Detail rows (the communes or units of an adjustment) print in italics under their component. */
  detail?: boolean;
  cells: Record<string, string | Dong | null>;
  depth: number;
  bold: boolean;
  italic?: boolean;
  total?: boolean;
}

export interface PrintAnnex {
  kind: AnnexKind;
  /** "PHỤ LỤC I" (numbered when there are several). */
  label: string;
  title: string;
  /** "(Kèm theo Quyết định số 215/QĐ-UBND ngày 15/03/2024 của UBND huyện Tràng Định)" */
  attachedTo: string;
  unitLine: string;
  columns: PrintColumn[];
  rows: PrintRow[];
  /** Number of header rows of the table (the grouped header depth). */
  headerDepth: number;
  /** "Bằng chữ: …" for the grand total, when the annex has one. */
  amountInWords: string | null;
  /** Set when printed children do not add up to a printed total in the chosen unit. */
  roundingNote: string | null;
}

export interface PrintDocument {
  decisionId: number;
  orientation: 'portrait' | 'landscape';
  unit: MoneyUnit;
  /** Amounts print with at most this many decimals of the unit (rounded from đồng; a rounding note says so). */
  maxDecimals: number;
  /** Left header block: "UBND HUYỆN TRÀNG ĐỊNH" (issuer), upper case. */
  issuerLines: string[];
  nationalTitle: string;
  motto: string;
  /** "Số: 215/QĐ-UBND" */
  numberLine: string;
  /** "Tràng Định, ngày 15 tháng 3 năm 2024" (italic) */
  placeDateLine: string;
  annexes: PrintAnnex[];
  signature: { authority: string | null; role: string[]; name: string };
  recipients: string[];
  /** Decisions not yet issued print with a watermark line. */
  draft: boolean;
}
