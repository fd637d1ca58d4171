/**
 * Rules 17–24, the form of a printed document (Nghị định 30/2020/NĐ-CP Phụ lục I), checked on the print-document
 * model before anything is laid out: the core refuses to hand out a document that breaks one (print/annexes.ts), and
 * the tests feed each check a wrong form to see it caught. Each check is named after its rule in rules.csv.
 */
import { parseAmountInWords } from '../money/amount-in-words';
import type { PrintDocument } from './document';

export interface FormatFinding {
  ruleId: number;
  check: string;
  message: string;
}

const found = (ruleId: number, check: string, message: string): FormatFinding => ({ ruleId, check, message });

const INDIVIDUAL_NUMBER = /^Số: (0[1-9]|[1-9][0-9]+)\/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$/u;
const NORMATIVE_NUMBER = /^Số: (0[1-9]|[1-9][0-9]+)\/[0-9]{4}\/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9]*)+$/u;
/** Days below 10 and months 1–2 zero-padded; months 3–9 without a zero ("ngày 29 tháng 6 năm 2019"). */
const PLACE_DATE = /^[^,]+, ngày (0[1-9]|[12][0-9]|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm [0-9]{4}$/u;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const ACADEMIC_TITLE = /^(GS|PGS|TS|ThS|KS|BS|CN|Ts|Ths)\.?\s/u;

/** Rule 17: "Số: 07/QĐ-UBND" (1–9 zero-padded); a normative document carries its year ("Số: 19/2022/NQ-HĐND"). */
export function numberLine(doc: Pick<PrintDocument, 'numberLine' | 'draft'>): FormatFinding[] {
  if (doc.draft) return [];
  if (INDIVIDUAL_NUMBER.test(doc.numberLine) || NORMATIVE_NUMBER.test(doc.numberLine)) return [];
  return [found(17, 'numberLine', `Dòng số "${doc.numberLine}" sai thể thức: phải là "Số: 07/QĐ-UBND" (số 1–9 thêm số 0) hoặc, với văn bản quy phạm pháp luật, "Số: 19/2022/NQ-HĐND".`)];
}

/** Rule 18: "<Địa danh>, ngày 05 tháng 01 năm 2024". */
export function placeDateLine(doc: Pick<PrintDocument, 'placeDateLine' | 'draft'>): FormatFinding[] {
  if (doc.draft || PLACE_DATE.test(doc.placeDateLine)) return [];
  return [found(18, 'placeDateLine', `Dòng địa danh, ngày tháng "${doc.placeDateLine}" sai thể thức: phải là "<Địa danh>, ngày 05 tháng 01 năm 2024" (ngày dưới 10 và tháng 1, 2 thêm số 0; tháng 3–9 không thêm).`)];
}

/** Rule 19: TM. ỦY BAN NHÂN DÂN + CHỦ TỊCH or KT. CHỦ TỊCH / PHÓ CHỦ TỊCH; an HĐND resolution CHỦ TỊCH (or KT.). */
export function signatureBlock(doc: Pick<PrintDocument, 'issuerLines' | 'signature' | 'draft'> & { body?: PrintDocument['body'] }): FormatFinding[] {
  const out: FormatFinding[] = [];
  const ubnd = doc.issuerLines[0] === 'ỦY BAN NHÂN DÂN';
  const { authority, role, name } = doc.signature;
  const roleText = role.join(' / ');
  const roleOk = roleText === 'CHỦ TỊCH' || roleText === 'KT. CHỦ TỊCH / PHÓ CHỦ TỊCH';
  // A decision the chair takes in person ("CHỦ TỊCH ỦY BAN NHÂN DÂN … QUYẾT ĐỊNH") is signed without "TM.".
  const chairDecides = doc.body?.authority[0]?.startsWith('CHỦ TỊCH') === true;
  if (ubnd && chairDecides && authority !== null) out.push(found(19, 'signatureBlock', `Quyết định do Chủ tịch UBND ban hành ký "CHỦ TỊCH", không ký "${authority}".`));
  if (ubnd && !chairDecides && authority !== 'TM. ỦY BAN NHÂN DÂN') out.push(found(19, 'signatureBlock', `Quyết định của UBND ký "TM. ỦY BAN NHÂN DÂN", không phải "${authority ?? '(trống)'}".`));
  if (!ubnd && authority !== null && authority !== 'TM. HỘI ĐỒNG NHÂN DÂN') out.push(found(19, 'signatureBlock', `Nghị quyết của HĐND không ký "${authority}".`));
  if (!roleOk) out.push(found(19, 'signatureBlock', `Chức vụ người ký "${roleText}" sai thể thức: "CHỦ TỊCH" hoặc "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH".`));
  if (!doc.draft && name.trim() === '') out.push(found(19, 'signatureBlock', 'Thiếu họ tên người ký.'));
  if (ACADEMIC_TITLE.test(name.trim())) out.push(found(19, 'signatureBlock', `Họ tên người ký "${name}" không kèm học hàm, học vị.`));
  return out;
}

/** Rule 20: a "Nơi nhận" block whose last line starts "- Lưu: VT". */
export function recipientsBlock(doc: Pick<PrintDocument, 'recipients'>): FormatFinding[] {
  if (doc.recipients.length === 0) return [found(20, 'recipientsBlock', 'Thiếu khối "Nơi nhận:".')];
  const last = doc.recipients.at(-1)!;
  return last.startsWith('- Lưu: VT') ? [] : [found(20, 'recipientsBlock', `Dòng cuối của "Nơi nhận" phải bắt đầu "- Lưu: VT", không phải "${last}".`)];
}

/** Rule 21: several annexes numbered "Phụ lục I, II, …" in order, each with its "(Kèm theo … số … ngày … của …)" line. */
export function annexNumbering(doc: Pick<PrintDocument, 'annexes'>): FormatFinding[] {
  const out: FormatFinding[] = [];
  let last = 0;
  for (const a of doc.annexes) {
    if (doc.annexes.length > 1 || a.label !== 'Phụ lục') {
      const n = ROMAN.indexOf(a.label.replace(/^Phụ lục /u, '')) + 1;
      if (!a.label.startsWith('Phụ lục ') || n === 0) out.push(found(21, 'annexNumbering', `Nhãn "${a.label}" phải là "Phụ lục" và số La Mã (I, II, …).`));
      else if (n <= last) out.push(found(21, 'annexNumbering', `"${a.label}" đứng sau phụ lục số ${ROMAN[last - 1]}: các phụ lục đánh số tăng dần.`));
      if (n > 0) last = n;
    }
    // A draft leaves its number and date blank (non-breaking spaces): any white space separates the words.
    if (!/^\(Kèm theo (Quyết định|Nghị quyết)\s+số\s.+\sngày\s.+\scủa\s.+\)$/u.test(a.attachedTo)) {
      out.push(found(21, 'annexNumbering', `${a.label}: thiếu hoặc sai dòng "(Kèm theo … số … ngày … của …)": "${a.attachedTo}".`));
    }
  }
  return out;
}

export interface PageSetup {
  paper: string;
  marginsMm: { top: number; bottom: number; left: number; right: number };
  fontFamily: string;
  nationalTitlePt: number;
  mottoPt: number;
}

/** Fonts metric-compatible with Times New Roman and covering Vietnamese. */
const DECREE_FONTS = ['Times New Roman', 'Tinos', 'Liberation Serif'];
const RANGES = { top: [20, 25], bottom: [20, 25], left: [30, 35], right: [15, 20] } as const;

/** Rule 22: A4, margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm, Times New Roman; title 12–13 pt, motto 13–14 pt. */
export function pageSetup(setup: PageSetup): FormatFinding[] {
  const out: FormatFinding[] = [];
  if (setup.paper !== 'A4') out.push(found(22, 'pageSetup', `Khổ giấy ${setup.paper}: văn bản in trên khổ A4.`));
  for (const side of ['top', 'bottom', 'left', 'right'] as const) {
    const [min, max] = RANGES[side];
    const mm = setup.marginsMm[side];
    if (mm < min || mm > max) out.push(found(22, 'pageSetup', `Lề ${{ top: 'trên', bottom: 'dưới', left: 'trái', right: 'phải' }[side]} ${mm} mm ngoài khoảng ${min}–${max} mm.`));
  }
  if (!DECREE_FONTS.includes(setup.fontFamily)) out.push(found(22, 'pageSetup', `Phông chữ "${setup.fontFamily}": dùng Times New Roman (hoặc phông tương thích có đủ tiếng Việt).`));
  if (setup.nationalTitlePt < 12 || setup.nationalTitlePt > 13) out.push(found(22, 'pageSetup', `Quốc hiệu cỡ ${setup.nationalTitlePt} pt ngoài khoảng 12–13 pt.`));
  if (setup.mottoPt < 13 || setup.mottoPt > 14) out.push(found(22, 'pageSetup', `Tiêu ngữ cỡ ${setup.mottoPt} pt ngoài khoảng 13–14 pt.`));
  return out;
}

const UNIT_LINE = /^Đơn vị tính: (triệu đồng|nghìn đồng|đồng)$/u;
/** A number written the en-US way ("1,234,567" or "1,234.5"), not vi-VN ("1.234.567", "1.234,5"; "0,001" is vi-VN). */
const EN_US_NUMBER = /\d{1,3}(,\d{3}){2,}|\d{1,3},\d{3}\.\d/u;

/** Rule 23: every table states its unit; numbers in the text use vi-VN separators. */
export function unitLine(doc: Pick<PrintDocument, 'annexes'>): FormatFinding[] {
  const out: FormatFinding[] = [];
  for (const a of doc.annexes) {
    if (!UNIT_LINE.test(a.unitLine)) out.push(found(23, 'unitLine', `${a.label}: thiếu hoặc sai dòng đơn vị tính ("Đơn vị tính: triệu đồng"), đang là "${a.unitLine}".`));
    for (const text of [a.roundingNote, a.title].filter((t): t is string => !!t)) {
      if (EN_US_NUMBER.test(text)) out.push(found(23, 'unitLine', `${a.label}: số viết sai dấu phân cách trong "${text}" (dùng "." phân cách hàng nghìn và "," thập phân).`));
    }
  }
  return out;
}

/** Rule 24: "Bằng chữ: …" reads back to exactly the annex's printed total. */
export function amountInWords(doc: Pick<PrintDocument, 'annexes'>): FormatFinding[] {
  const out: FormatFinding[] = [];
  for (const a of doc.annexes) {
    if (a.amountInWords === null) continue;
    const totalRow = a.rows[0];
    const total = totalRow ? Number(totalRow.cells.total ?? totalRow.cells.amount ?? NaN) : NaN;
    const read = parseAmountInWords(a.amountInWords);
    if (read === null || read !== total) out.push(found(24, 'amountInWords', `${a.label}: "${a.amountInWords}" đọc ra ${read ?? 'không được'}, khác tổng ${total} đồng.`));
  }
  return out;
}

/** Every form rule of a print document (page setup is checked on the printed output, see pageSetup). */
export function checkPrintDocument(doc: PrintDocument): FormatFinding[] {
  return [...numberLine(doc), ...placeDateLine(doc), ...signatureBlock(doc), ...recipientsBlock(doc), ...annexNumbering(doc), ...unitLine(doc), ...amountInWords(doc)];
}
