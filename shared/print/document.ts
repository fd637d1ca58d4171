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
  /** A built-in annex, or "mau_bieu": a province's form printed from its template (`templateKey`). */
  kind: AnnexKind | 'mau_bieu';
  templateKey?: string;
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

export interface BodyArticle {
  /** "Điều 1." */
  label: string;
  /** The article's paragraphs in order; the first follows the label on its line. */
  paragraphs: string[];
}

/**
 * The decision's own text (Nghị định 30/2020, Phụ lục I, văn bản cá biệt): from the title to the articles. The
 * header, Nơi nhận and signature are the document's. Every line is decided by the core.
 */
export interface DecisionBody {
  /** "QUYẾT ĐỊNH" | "NGHỊ QUYẾT" */
  docType: string;
  /** Trích yếu: "Về việc …" */
  summary: string;
  /** Who decides, upper case: "ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH"; an HĐND adds "KHÓA XX, KỲ HỌP THỨ …". */
  authority: string[];
  /** Each căn cứ, one paragraph, in order: the office's lines of law, then the decision's own basis. */
  bases: string[];
  /** "Theo đề nghị của …" / "Xét Tờ trình …" */
  proposal: string | null;
  /** "QUYẾT ĐỊNH:" | "QUYẾT NGHỊ:" */
  decides: string;
  articles: BodyArticle[];
  /** HĐND: "Nghị quyết này đã được Hội đồng nhân dân huyện … khóa …, kỳ họp thứ … thông qua ngày …" */
  passingLine: string | null;
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
  /** The decision's text before its annexes; null when only the annexes are printed. */
  body: DecisionBody | null;
  /** "215-QĐ-UBND": a file name for what is saved. */
  fileStem: string;
  annexes: PrintAnnex[];
  signature: { authority: string | null; role: string[]; name: string };
  recipients: string[];
  /** Decisions not yet issued print with a watermark line. */
  draft: boolean;
}

/** Who signs a report of the office (disbursement, follow-up) and its number: never an empty "TRƯỞNG PHÒNG". */
export interface ReportSignature {
  /** "ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH", "PHÒNG TÀI CHÍNH - KẾ HOẠCH" (the phòng) or the UBND's two lines. */
  issuerLines: string[];
  /** "Số: 12/BC-TCKH"; the number left blank ("Số:      /BC-TCKH") until the office gives it. */
  numberLine: string;
  authority: string | null;
  role: string[];
  name: string;
  /** The signers to choose from. */
  signers: { id: number; name: string; title: string }[];
  signerId: number | null;
}
