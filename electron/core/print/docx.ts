/**
 * The decision as a Word document (the `docx` package): the same print model as the PDF — body on A4 portrait in
 * Times New Roman with the decree's margins (top/bottom 20 mm, left 30 mm, right 15 mm), the two-column header as
 * a borderless table, Nơi nhận and signature — then each annex in its own landscape section as a real table.
 * Page numbers are PAGE fields at the top centre; the first page of the body and of each annex shows none, and each
 * annex section restarts at 1 (Nghị định 30/2020, Phụ lục I).
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { cellText, headerRows, rowValue } from '../../../shared/print/annex-cells';
import type { PrintAnnex, PrintDocument } from '../../../shared/print/document';
import { moneyColumnFormats } from '../../../shared/print/money-columns';

const FONT = 'Times New Roman';
/** Half-points. */
const SIZE = { body: 28, header: 26, table: 22, small: 24, recipients: 22 } as const;
const MARGIN = { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(15) };
/** A4 in twips, as Word writes it. */
const A4 = { short: 11906, long: 16838 };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
  underline?: boolean;
}

/** U+2060 WORD JOINER: invisible, and forbids a line break where it stands (Word and LibreOffice honour it). */
const WORD_JOINER = '\u2060';

/**
 * Document numbers ("111/2024/QH15", "215/QĐ-UBND") stay whole on a line, as in the PDF: Word would otherwise break
 * after a slash or a hyphen, so a word joiner follows each one inside a number.
 */
export function keepNumbersWhole(text: string): string {
  return text.replace(/\S*\d\S*\/\S+/g, (number) => number.replace(/([/-])(?=\S)/g, `$1${WORD_JOINER}`));
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text: keepNumbersWhole(text), font: FONT, size: style.size ?? SIZE.body, bold: style.bold ?? false, italics: style.italics ?? false, ...(style.underline ? { underline: {} } : {}) });

interface ParaStyle extends RunStyle {
  align?: 'center' | 'left' | 'right' | 'both';
  /** First-line indent of the body's paragraphs (10 mm). */
  indent?: boolean;
  /** Left indent in twips (a table row's depth). */
  indentLeft?: number;
  before?: number;
  after?: number;
  /** A table cell's paragraph: Word's own spacing, none of the body's. */
  tight?: boolean;
}

/** Every paragraph of the document: one text in one style, or runs already styled (an article's bold label). */
function para(content: string | TextRun[], style: ParaStyle = {}): Paragraph {
  return new Paragraph({
    alignment: style.align === 'center' ? AlignmentType.CENTER : style.align === 'right' ? AlignmentType.RIGHT : style.align === 'both' ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
    ...(style.tight ? {} : { spacing: { before: style.before ?? 0, after: style.after ?? 0, line: 276 } }),
    ...(style.indent ? { indent: { firstLine: convertMillimetersToTwip(10) } } : style.indentLeft !== undefined ? { indent: { left: style.indentLeft } } : {}),
    children: typeof content === 'string' ? [run(content, style)] : content,
  });
}

/** Quốc hiệu, tiêu ngữ, issuing body, number and place-date line: a borderless two-column table. */
function headerTable(doc: PrintDocument, width: number, withNumber: boolean): Table {
  const left = [
    ...doc.issuerLines.map((l) => para(l, { bold: true, size: SIZE.header, align: 'center' })),
    para('────────', { size: SIZE.header, align: 'center' }),
    ...(withNumber ? [para(doc.numberLine, { size: SIZE.header, align: 'center', before: 60 })] : []),
  ];
  const right = [
    para(doc.nationalTitle, { bold: true, size: SIZE.header - 1, align: 'center' }),
    para(doc.motto, { bold: true, size: SIZE.body - 1, align: 'center', underline: true }),
    ...(withNumber ? [para(doc.placeDateLine, { italics: true, size: SIZE.body, align: 'center', before: 120 })] : []),
  ];
  const leftWidth = Math.round(width * 0.4);
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [leftWidth, width - leftWidth],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: leftWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: width - leftWidth, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

/** Nơi nhận on the left, the signature on the right, borderless. */
function signatureTable(doc: PrintDocument, width: number): Table {
  const half = Math.round(width / 2);
  const left = [para('Nơi nhận:', { bold: true, italics: true, size: SIZE.small }), ...doc.recipients.map((r) => para(r, { size: SIZE.recipients }))];
  const right = [
    ...(doc.signature.authority ? [para(doc.signature.authority, { bold: true, align: 'center' })] : []),
    ...doc.signature.role.map((r) => para(r, { bold: true, align: 'center' })),
    ...Array.from({ length: 4 }, () => para('', { align: 'center' })),
    para(doc.signature.name, { bold: true, align: 'center' }),
  ];
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: [half, width - half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: half, type: WidthType.DXA }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: width - half, type: WidthType.DXA }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

function pageNumberHeader(): { default: Header; first: Header } {
  return {
    default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.header })] })] }),
    first: new Header({ children: [new Paragraph({ children: [] })] }),
  };
}

function bodySection(doc: PrintDocument): ISectionOptions {
  const body = doc.body!;
  const width = A4.short - MARGIN.left - MARGIN.right;
  const children: (Paragraph | Table)[] = [
    headerTable(doc, width, true),
    ...(doc.draft ? [para('DỰ THẢO — chưa ban hành', { bold: true, align: 'center', before: 120 })] : []),
    para(body.docType, { bold: true, align: 'center', before: 360 }),
    para(body.summary, { bold: true, align: 'center' }),
    para('────────', { align: 'center', after: 240 }),
    ...body.authority.map((l) => para(l, { bold: true, align: 'center', after: 120 })),
    ...body.bases.map((b) => para(b, { italics: true, align: 'both', indent: true, after: 60 })),
    ...(body.proposal ? [para(body.proposal, { italics: true, align: 'both', indent: true, after: 60 })] : []),
    para(body.decides, { bold: true, align: 'center', before: 240, after: 240 }),
  ];
  for (const article of body.articles) {
    article.paragraphs.forEach((text, i) => {
      children.push(para(i === 0 ? [run(`${article.label} `, { bold: true }), run(text)] : [run(text)], { align: 'both', indent: true, after: 60 }));
    });
  }
  if (body.passingLine) children.push(para(body.passingLine, { align: 'both', indent: true, before: 60 }));
  children.push(para('', { after: 120 }), signatureTable(doc, width));
  return {
    properties: {
      page: { size: { width: A4.short, height: A4.long, orientation: PageOrientation.PORTRAIT }, margin: MARGIN, pageNumbers: { start: 1 } },
      titlePage: true,
    },
    headers: pageNumberHeader(),
    children,
  };
}

const tableBorders = { top: LINE, bottom: LINE, left: LINE, right: LINE };

/** The grouped header, merged as in the print view and the workbook (`shared/print/annex-cells.ts`). */
function headerTableRows(annex: PrintAnnex, widths: number[]): TableRow[] {
  return headerRows(annex.columns, annex.headerDepth).map(
    (cells) =>
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: cells.map(
          (h) =>
            new TableCell({
              width: { size: widths.slice(h.col, h.col + h.colSpan).reduce((a, b) => a + b, 0), type: WidthType.DXA },
              columnSpan: h.colSpan,
              rowSpan: h.rowSpan,
              verticalAlign: VerticalAlignTable.CENTER,
              borders: tableBorders,
              children: [para(h.label, { bold: true, size: SIZE.table, align: 'center' })],
            }),
        ),
      }),
  );
}

function annexSection(doc: PrintDocument, annex: PrintAnnex): ISectionOptions {
  const landscape = doc.orientation === 'landscape';
  const pageWidth = landscape ? A4.long : A4.short;
  const width = pageWidth - MARGIN.left - MARGIN.right;
  const totalMm = annex.columns.reduce((a, c) => a + c.width, 0);
  const widths = annex.columns.map((c) => Math.floor((c.width / totalMm) * width));
  const money = moneyColumnFormats(annex, doc.unit, doc.maxDecimals);
  const bodyRows = annex.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: annex.columns.map((c, i) => {
          const text = cellText(rowValue(row, c), c, money);
          const indent = c.key === 'label' ? convertMillimetersToTwip(Math.max(row.depth, 0) * 3) : 0;
          return new TableCell({
            width: { size: widths[i]!, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            borders: tableBorders,
            children: [
              para(text, { tight: true, align: c.kind === 'money' ? 'right' : c.kind === 'stt' ? 'center' : 'left', indentLeft: indent, size: SIZE.table, bold: row.bold || row.total === true, italics: row.italic === true }),
            ],
          });
        }),
      }),
  );
  const children: (Paragraph | Table)[] = [
    headerTable(doc, width, false),
    para(annex.label.toUpperCase(), { bold: true, align: 'center', before: 240 }),
    para(annex.title, { bold: true, align: 'center', size: SIZE.header }),
    para(annex.attachedTo, { italics: true, align: 'center', size: SIZE.header }),
    para(annex.unitLine, { italics: true, align: 'right', size: SIZE.small, before: 60, after: 60 }),
    new Table({ width: { size: width, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [...headerTableRows(annex, widths), ...bodyRows] }),
    ...(annex.roundingNote ? [para(annex.roundingNote, { italics: true, size: SIZE.small, before: 60 })] : []),
    ...(annex.amountInWords ? [para(annex.amountInWords, { italics: true, size: SIZE.small, before: 60 })] : []),
  ];
  return {
    properties: {
      page: {
        // docx swaps width and height for a landscape page: both are given as the portrait sheet.
        size: { width: A4.short, height: A4.long, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: MARGIN,
        pageNumbers: { start: 1 },
      },
      titlePage: true,
    },
    headers: pageNumberHeader(),
    children,
  };
}

/** The .docx bytes of a print document that has its body. */
export async function decisionDocx(doc: PrintDocument): Promise<Buffer> {
  if (!doc.body) throw new Error('decisionDocx needs the decision body');
  const document = new Document({
    creator: 'Sổ vốn MTQG',
    title: `${doc.body.docType} ${doc.numberLine}`,
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections: [bodySection(doc), ...doc.annexes.map((a) => annexSection(doc, a))],
  });
  return Packer.toBuffer(document);
}
