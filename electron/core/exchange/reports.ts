/**
 * The allocation report of a year, for reading and printing: "Theo chương trình" (assigned, HĐND re-plan,
 * allocated by the issued decisions in force, remaining, rate, per source × capital type), "Theo hợp phần"
 * (the catalog tree) and "Theo xã" (recipients × programs). Title rows, the header frozen and repeated on every
 * page, A4 landscape fitted to the width, the total first.
 *
 * Money cells hold the exact integer đồng; the unit (đồng, nghìn, triệu) is the number format's scaling, with
 * the decimals the value needs (at most 3), as the printed annexes do. No formulas: totals are written values.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { ExchangeFile } from '../../../shared/api/exchange';
import { romanNumeral } from '../../../shared/domain/documents';
import { formatDateVi } from '../../../shared/format/date';
import { UNIT_DIGITS, UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import { requireOffice } from '../office/office';
import { moneyFormat } from '../print/xlsx';
import { referenceLists } from '../reference/catalog';
import { recordExchange } from './exchange-log';
import { byComponent, byProgram, byRecipient, rateOf, remainingOf, type Amounts, type ComponentNode, type RecipientRow } from './report-data';
import { bodyCell, headerCells, printLayout, spanText } from './sheet-style';

export interface ReportOptions {
  unit: MoneyUnit;
  asOf: string;
}

/** Decimals shown at most in a unit: triệu to the nghìn đồng (3), nghìn to the đồng (3), đồng none. */
const MAX_DECIMALS = 3;
const RATE_FORMAT = '0.0%';
const HEADER_ROW = 5;

interface RowStyle {
  bold?: boolean;
  italic?: boolean;
  indent?: number;
}

/** Writes title rows and the header; returns the writer for the body rows. */
class ReportSheet {
  row = HEADER_ROW + 1;
  /** Some amount shows rounded in the unit (triệu to three decimals cannot show every đồng). */
  private rounded = false;
  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly unit: MoneyUnit,
  ) {}

  static create(wb: ExcelJS.Workbook, name: string, head: { office: string; title: string; subtitle: string; unit: MoneyUnit }, columns: { header: string; width: number }[]): ReportSheet {
    const ws = wb.addWorksheet(name);
    ws.columns = columns.map((c) => ({ width: c.width }));
    const n = columns.length;
    spanText(ws, 1, n, head.office.toUpperCase(), { size: 12, bold: true, horizontal: 'left' });
    spanText(ws, 2, n, head.title, { size: 14, bold: true });
    spanText(ws, 3, n, head.subtitle, { size: 12, italic: true });
    spanText(ws, 4, n, `Đơn vị tính: ${UNIT_LABEL_VI[head.unit]}`, { size: 11, italic: true, horizontal: 'right' });
    ws.getRow(2).height = 36;
    ws.getRow(3).height = 30;
    headerCells(ws, HEADER_ROW, columns.map((c) => c.header));
    const longest = Math.max(...columns.map((c) => Math.ceil(c.header.length / Math.max(c.width * 0.9, 1))));
    ws.getRow(HEADER_ROW).height = Math.max(32, longest * 15 + 6);
    printLayout(ws, { from: HEADER_ROW, to: HEADER_ROW });
    return new ReportSheet(ws, head.unit);
  }

  /** One body row: text cells, then money cells (exact đồng), then an optional rate. */
  add(texts: (string | number)[], money: number[], rate: number | null | undefined, style: RowStyle = {}): void {
    let column = 1;
    texts.forEach((text, i) => {
      const cell = this.ws.getCell(this.row, column++);
      // Plain string or number values only: text is never turned into a formula.
      if (text !== '') cell.value = text;
      bodyCell(cell, { bold: !!style.bold, italic: !!style.italic, wrap: typeof text === 'string', horizontal: typeof text === 'number' || i === 0 ? 'center' : 'left', ...(i === 1 && style.indent ? { indent: style.indent } : {}) });
    });
    for (const value of money) {
      if (!Number.isSafeInteger(value)) throw new RangeError(`Số tiền không phải số đồng nguyên: ${value}`);
      const cell = this.ws.getCell(this.row, column++);
      cell.value = value;
      bodyCell(cell, { bold: !!style.bold, italic: !!style.italic, horizontal: 'right', numFmt: moneyFormat(value, this.unit, MAX_DECIMALS) });
      if (value % 10 ** (UNIT_DIGITS[this.unit] - Math.min(MAX_DECIMALS, UNIT_DIGITS[this.unit])) !== 0) this.rounded = true;
    }
    if (rate !== undefined) {
      const cell = this.ws.getCell(this.row, column++);
      if (rate !== null) cell.value = rate;
      bodyCell(cell, { bold: !!style.bold, italic: !!style.italic, horizontal: 'right', numFmt: RATE_FORMAT });
    }
    this.row++;
  }

  /** Below the table: says so when some amount is shown rounded. */
  finish(): void {
    if (!this.rounded) return;
    spanText(this.ws, this.row + 1, this.ws.columnCount, `Ghi chú: số liệu hiển thị làm tròn theo đơn vị ${UNIT_LABEL_VI[this.unit]}; mỗi ô giữ số đồng chính xác, nên cộng các số hiển thị có thể chênh lệch nhỏ so với tổng.`, {
      size: 11,
      italic: true,
      horizontal: 'left',
    });
  }
}

const amountsCells = (a: Amounts): number[] => [a.assigned, a.replanned, a.allocated, remainingOf(a)];
const AMOUNT_HEADERS = [
  { header: 'Vốn được giao', width: 17 },
  { header: 'HĐND điều chỉnh giữa chương trình, loại vốn', width: 17 },
  { header: 'Đã phân bổ (quyết định đã ban hành có hiệu lực)', width: 17 },
  { header: 'Còn lại chưa phân bổ', width: 17 },
  { header: 'Tỷ lệ phân bổ', width: 10 },
];

function programSheet(wb: ExcelJS.Workbook, db: Db, year: number, options: ReportOptions, head: { office: string; subtitle: string }): void {
  const { programs, total } = byProgram(db, year, options.asOf);
  const lists = referenceLists(db);
  const sourceName = new Map(lists.fundingSources.map((s) => [s.code, s.name]));
  const capitalName = new Map(lists.capitalTypes.map((t) => [t.code, t.shortName]));
  const sheet = ReportSheet.create(
    wb,
    'Theo chương trình',
    { ...head, title: `TÌNH HÌNH GIAO VÀ PHÂN BỔ VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM ${year} THEO CHƯƠNG TRÌNH`, unit: options.unit },
    [{ header: 'STT', width: 6 }, { header: 'Chương trình, nguồn vốn', width: 48 }, { header: 'Loại vốn', width: 8 }, { header: 'Vốn năm', width: 8 }, ...AMOUNT_HEADERS],
  );
  sheet.add(['', 'TỔNG CỘNG', '', ''], amountsCells(total), rateOf(total), { bold: true });
  programs.forEach((p, i) => {
    sheet.add([romanNumeral(i + 1), p.name, '', ''], amountsCells(p), rateOf(p), { bold: true });
    for (const d of p.details) {
      sheet.add(['-', sourceName.get(d.sourceCode) ?? d.sourceCode, capitalName.get(d.capitalType) ?? d.capitalType, d.originYear], amountsCells(d), rateOf(d), { indent: 1 });
    }
  });
  sheet.finish();
}

function componentSheet(wb: ExcelJS.Workbook, db: Db, year: number, options: ReportOptions, head: { office: string; subtitle: string }): void {
  const { roots, total } = byComponent(db, year, options.asOf);
  const sheet = ReportSheet.create(
    wb,
    'Theo hợp phần',
    { ...head, title: `TÌNH HÌNH GIAO VÀ PHÂN BỔ VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM ${year} THEO DỰ ÁN, HỢP PHẦN`, unit: options.unit },
    [{ header: 'Mã', width: 16 }, { header: 'Chương trình, dự án, hợp phần, nội dung', width: 56 }, ...AMOUNT_HEADERS],
  );
  sheet.add(['', 'TỔNG CỘNG'], amountsCells(total), rateOf(total), { bold: true });
  const walk = (node: ComponentNode) => {
    sheet.add([node.component.code, node.component.name], amountsCells(node), rateOf(node), { bold: node.depth === 0, italic: node.depth >= 3, indent: node.depth });
    node.children.forEach(walk);
  };
  roots.forEach(walk);
  sheet.finish();
}

function recipientSheet(wb: ExcelJS.Workbook, db: Db, year: number, options: ReportOptions, head: { office: string; subtitle: string }): void {
  const table = byRecipient(db, year, options.asOf);
  const sheet = ReportSheet.create(
    wb,
    'Theo xã',
    { ...head, title: `VỐN ĐÃ PHÂN BỔ CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM ${year} THEO XÃ VÀ ĐƠN VỊ`, unit: options.unit },
    [{ header: 'STT', width: 6 }, { header: 'Xã, đơn vị nhận vốn', width: 44 }, { header: 'Tổng cộng', width: 17 }, ...table.programs.map((p) => ({ header: p.name, width: 22 }))],
  );
  const cells = (rows: RecipientRow[]) => {
    const sums = table.programs.map((p) => rows.reduce((s, r) => s + (r.byProgram.get(p.code) ?? 0), 0));
    return [sums.reduce((a, b) => a + b, 0), ...sums];
  };
  sheet.add(['', 'TỔNG CỘNG'], cells([...table.communes, ...table.others]), undefined, { bold: true });
  const section = (label: string, title: string, rows: RecipientRow[]) => {
    if (rows.length === 0) return;
    sheet.add([label, title], cells(rows), undefined, { bold: true });
    rows.forEach((r, i) => sheet.add([i + 1, r.recipient.name], [r.total, ...table.programs.map((p) => r.byProgram.get(p.code) ?? 0)], undefined, { indent: 1 }));
  };
  section('A', 'Các xã, thị trấn', table.communes);
  section('B', 'Cấp huyện, các đơn vị và chủ đầu tư', table.others);
  sheet.finish();
}

/** The report workbook of a year (A4 landscape, values only). */
export async function reportWorkbook(db: Db, year: number, options: ReportOptions): Promise<Buffer> {
  const office = requireOffice(db);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ vốn MTQG';
  const head = { office: office.name, subtitle: `(Số liệu đến ngày ${formatDateVi(options.asOf)}; đã phân bổ gồm các quyết định, nghị quyết đã ban hành có hiệu lực đến ngày đó)` };
  programSheet(wb, db, year, options, head);
  componentSheet(wb, db, year, options, head);
  recipientSheet(wb, db, year, options, head);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The report as a file to download, recorded in the exchange history. */
export async function exportReport(ctx: CoreContext, year: number, options: ReportOptions): Promise<ExchangeFile> {
  const buffer = await reportWorkbook(ctx.db, year, options);
  const fileName = `bao-cao-phan-bo-von-${year}-den-${options.asOf}.xlsx`;
  const { total } = byProgram(ctx.db, year, options.asOf);
  ctx.db.transaction(() =>
    recordExchange(ctx, 'exchange.exportReport', {
      direction: 'export',
      kind: 'report',
      fileName,
      // A report has no data section to hash apart from its bytes.
      sha256: createHash('sha256').update(buffer).digest('hex'),
      year,
      lineCount: 0,
      totalDong: total.allocated,
      result: 'exported',
      message: `Báo cáo phân bổ vốn năm ${year} đến ngày ${formatDateVi(options.asOf)} (${UNIT_LABEL_VI[options.unit]}).`,
    }),
  )();
  return { fileName, base64: buffer.toString('base64') };
}
