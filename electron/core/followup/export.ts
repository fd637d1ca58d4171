/** The follow-up summary as a workbook, ready to paste into the "khó khăn, vướng mắc và kiến nghị" section of a report. */
import ExcelJS from 'exceljs';
import { CATEGORY_LABELS, LEVEL_LABELS, OBSTACLE_STATUS_LABELS, TASK_STATUS_LABELS } from '../../../shared/api/followup';
import { formatDateVi } from '../../../shared/format/date';
import type { ReportSignature } from '../../../shared/print/document';
import type { Db } from '../db/database';
import { reportSignature } from '../print/report-signature';
import { followupSummary, listTasks } from './notices';
import { listObstacles } from './obstacles';

const FONT = 'Times New Roman';
const BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;

function table(ws: ExcelJS.Worksheet, header: string[], rows: (string | number)[][], moneyColumns: number[] = []): void {
  const head = ws.addRow(header);
  head.font = { name: FONT, bold: true, size: 11 };
  head.eachCell((c) => {
    c.border = BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  for (const values of rows) {
    const row = ws.addRow(values);
    row.font = { name: FONT, size: 11 };
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.border = BORDER;
      c.alignment = { vertical: 'top', wrapText: true };
      if (moneyColumns.includes(col)) c.numFmt = '#,##0';
    });
  }
  ws.addRow([]);
}

/** The issuing body and number above the summary, as on the printed report (left: who issues; right: quốc hiệu). */
function reportHeader(ws: ExcelJS.Worksheet, signature: ReportSignature): void {
  const right = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];
  const left = [...signature.issuerLines, signature.numberLine];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const row = ws.addRow([left[i] ?? '', '', '', right[i] ?? '']);
    row.font = { name: FONT, size: 12, bold: i < 2 };
  }
  ws.addRow([]);
}

/** The signature block under the summary: the signer's role lines, room to sign, the name (as the printed report). */
function signatureBlock(ws: ExcelJS.Worksheet, signature: ReportSignature): void {
  const lines = [...(signature.authority ? [signature.authority] : []), ...signature.role, '', '', '', signature.name];
  for (const line of lines) {
    const row = ws.addRow(['', '', '', line]);
    row.getCell(4).font = { name: FONT, size: 12, bold: true };
  }
}

/**
 * Plain values only (no formulas); amounts in đồng. Signed like the printed report: the office's report signer (the
 * head of the finance-planning office, else the first signer; print.reportSignature) with the report's number line.
 */
export async function followupWorkbook(db: Db, asOf: string, signature: ReportSignature = reportSignature(db, {})): Promise<Buffer> {
  const summary = followupSummary(db, asOf);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ vốn MTQG';
  const ws = wb.addWorksheet('Tổng hợp');
  ws.columns = [{ width: 22 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 12 }, { width: 22 }];
  reportHeader(ws, signature);
  const title = ws.addRow([`TỔNG HỢP KHÓ KHĂN, VƯỚNG MẮC VÀ NHIỆM VỤ (đến ngày ${formatDateVi(asOf)})`]);
  title.font = { name: FONT, bold: true, size: 13 };
  ws.addRow([]);
  ws.addRow(['1. Khó khăn, vướng mắc theo cấp có thẩm quyền giải quyết']).font = { name: FONT, bold: true, size: 12 };
  const sum = (pick: (l: (typeof summary.byLevel)[number]) => number) => summary.byLevel.reduce((a, l) => a + pick(l), 0);
  table(
    ws,
    ['Cấp giải quyết', 'Tổng số', 'Đang mở', 'Đã đóng', 'Quá hạn', 'Số vốn bị ảnh hưởng (đồng)'],
    [
      ...summary.byLevel.map((l) => [LEVEL_LABELS[l.level], l.open + l.closed, l.open, l.closed, l.overdue, l.amountAtRiskDong]),
      ['Cộng', sum((l) => l.open + l.closed), sum((l) => l.open), sum((l) => l.closed), sum((l) => l.overdue), sum((l) => l.amountAtRiskDong)],
    ],
    [6],
  );
  ws.addRow(['2. Theo chương trình']).font = { name: FONT, bold: true, size: 12 };
  table(ws, ['Chương trình', 'Đang mở', 'Đã đóng'], summary.byProgram.map((p) => [p.programCode ?? 'Chung', p.open, p.closed]));
  ws.addRow(['3. Nhiệm vụ theo thông báo kết luận']).font = { name: FONT, bold: true, size: 12 };
  table(ws, ['Tình trạng', 'Số nhiệm vụ', 'Quá hạn'], summary.tasks.map((t) => [TASK_STATUS_LABELS[t.status], t.count, t.overdue]));
  signatureBlock(ws, signature);

  const detail = wb.addWorksheet('Danh sách');
  detail.columns = [{ width: 6 }, { width: 60 }, { width: 14 }, { width: 16 }, { width: 20 }, { width: 14 }, { width: 18 }, { width: 40 }];
  table(
    detail,
    ['STT', 'Khó khăn, vướng mắc', 'Nhóm', 'Cấp giải quyết', 'Tình trạng', 'Hạn', 'Số vốn (đồng)', 'Đề xuất, kiến nghị'],
    listObstacles(db, {}, asOf).map((o, i) => [
      i + 1,
      o.description,
      CATEGORY_LABELS[o.category],
      LEVEL_LABELS[o.resolvingLevel],
      `${OBSTACLE_STATUS_LABELS[o.status]}${o.overdue ? ' (quá hạn)' : ''}`,
      o.dueDate ? formatDateVi(o.dueDate) : '',
      o.amountAtRiskDong,
      o.proposal,
    ]),
    [7],
  );
  const tasks = wb.addWorksheet('Nhiệm vụ');
  tasks.columns = [{ width: 8 }, { width: 60 }, { width: 30 }, { width: 12 }, { width: 20 }];
  table(
    tasks,
    ['Mục', 'Nhiệm vụ', 'Đơn vị thực hiện', 'Hạn', 'Tình trạng'],
    listTasks(db, {}, asOf).map((t) => [t.item, t.text, t.owner, t.deadline ? formatDateVi(t.deadline) : 'không ghi thời hạn', `${TASK_STATUS_LABELS[t.status]}${t.overdue ? ' (quá hạn)' : ''}`]),
  );
  for (const sheet of wb.worksheets) sheet.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
