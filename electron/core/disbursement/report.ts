/**
 * The periodic progress report (báo cáo tiến độ giải ngân): one model built here, printed by the renderer's print
 * engine (print.css, Tinos, A4) and written as a print-ready workbook — the same rows, the same rounded rates.
 */
import ExcelJS from 'exceljs';
import type { DisbursementReport, ProgressTotal, ReportRow, ReportSection } from '../../../shared/api/disbursement';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { romanNumeral } from '../../../shared/domain/documents';
import { documentDateVi, formatDateVi } from '../../../shared/format/date';
import { scaledRate } from '../../../shared/format/rate';
import { formatAmount } from '../../../shared/money/dong';
import type { ReportSignature } from '../../../shared/print/document';
import type { Db } from '../db/database';
import { requireOffice } from '../office/office';
import { storedWarnings } from './entries';
import { dashboard } from './dashboard';
import { programPeriods } from './periods';
import { progress } from './progress';
import { capitalTypeLabel } from '../../../shared/format/labels';

const CAPITAL_LABEL: Record<CapitalTypeCode, string> = { DTPT: 'Vốn đầu tư phát triển', SN: 'Kinh phí sự nghiệp' };

function row(t: Pick<ProgressTotal, 'planDong' | 'disbursedDong' | 'rateText' | 'denominator'>, stt: string, label: string, depth: number, bold: boolean): ReportRow {
  return {
    stt,
    label,
    depth,
    bold,
    planDong: t.planDong,
    disbursedDong: t.disbursedDong,
    rateText: t.rateText,
    ratePermille: scaledRate(t.disbursedDong, t.planDong, 1),
    denominatorLabel: t.denominator.label,
  };
}

export function disbursementReport(db: Db, year: number, asOf: string): DisbursementReport {
  const office = requireOffice(db);
  const prog = progress(db, year, asOf);
  const sourceNames = new Map((db.prepare('SELECT code, short_vi FROM funding_source').all() as { code: string; short_vi: string }[]).map((s) => [s.code, s.short_vi]));
  // The whole-year plan first, then the Prime Minister's, then each extended origin year.
  const order = { ca_nam: 0, ttg: 1, keo_dai: 2 } as const;
  const catalog = programPeriods(db);
  const periodNames = new Map(catalog.periods.map((p) => [p.code, p.name]));
  const yearPeriods = new Set(prog.rows.map((r) => catalog.periodOf.get(r.programCode) ?? '?'));
  const kinds = [...new Map(prog.totals.map((t) => [`${t.denominator.kind}|${t.denominator.originYear}`, t.denominator])).values()].sort((a, b) => order[a.kind] - order[b.kind] || b.originYear - a.originYear);
  const sections: ReportSection[] = kinds.map((d) => {
    const totals = prog.totals.filter((t) => t.denominator.kind === d.kind && t.denominator.originYear === d.originYear);
    const rows: ReportRow[] = [row(totals.find((t) => t.programCode === null && t.capitalType === null)!, '', 'TỔNG SỐ', 0, true)];
    const programs = totals.filter((t) => t.programCode !== null && t.capitalType === null);
    programs.forEach((p, i) => {
      rows.push(row(p, romanNumeral(i + 1), p.programName, 0, true));
      if (d.kind === 'ttg') return;
      totals
        .filter((t) => t.programCode === p.programCode && t.capitalType !== null)
        .forEach((c, j) => {
          rows.push(row(c, String(j + 1), CAPITAL_LABEL[c.capitalType!], 1, false));
          for (const s of prog.rows.filter((r) => r.programCode === p.programCode && r.capitalType === c.capitalType && r.originYear === d.originYear)) {
            rows.push(row(s, '-', sourceNames.get(s.sourceCode) ?? s.sourceCode, 2, false));
          }
        });
    });
    const base =
      d.kind === 'ca_nam' ? `Kế hoạch vốn năm ${year} (cả vốn ngân sách địa phương)` : d.kind === 'ttg' ? `Kế hoạch vốn ngân sách trung ương Thủ tướng Chính phủ giao năm ${year}` : `Kế hoạch vốn năm ${d.originYear} kéo dài sang năm ${year}`;
    // A year holding money of two program periods (2026: 2021–2025 extended, 2026–2035) names each section's period.
    const sectionPeriods = [...new Set(programs.map((p) => catalog.periodOf.get(p.programCode!) ?? '?'))];
    const title = yearPeriods.size > 1 && sectionPeriods.length === 1 ? `${base} — ${periodNames.get(sectionPeriods[0]!) ?? sectionPeriods[0]}` : base;
    return { title, denominatorLabel: d.label, rows };
  });
  const district = office.districtName.replace(/^Huyện\s+/i, '');
  const dash = dashboard(db, year, asOf);
  // Rules 13 (recurrent money after its deadline) and 14 (a lower cumulative) warn: their warnings stay in the report.
  const warnings = (
    db.prepare("SELECT warnings_json FROM disbursement WHERE year = ? AND cutoff_date <= ? AND warnings_json <> '[]' ORDER BY cutoff_date, id").all(year, asOf) as { warnings_json: string }[]
  ).flatMap((r) => storedWarnings(r));
  return {
    year,
    asOf,
    issuerLines: [`ỦY BAN NHÂN DÂN HUYỆN ${district.toUpperCase()}`, 'PHÒNG TÀI CHÍNH - KẾ HOẠCH'],
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    placeDateLine: `${district}, ${documentDateVi(asOf)}`,
    title: 'BÁO CÁO TIẾN ĐỘ GIẢI NGÂN VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA',
    subtitle: `Năm ${year}, số liệu lũy kế đến ngày ${formatDateVi(asOf)}`,
    unitLine: 'Đơn vị tính: triệu đồng',
    sections,
    comparisons: dash.comparisons,
    notes: [
      'Tỷ lệ giải ngân = lũy kế giải ngân đến ngày báo cáo ÷ kế hoạch vốn; mẫu số của từng phần ghi ở tên phần (quy tắc 12). Tỷ lệ làm tròn đến 0,1%.',
      ...dash.deadlines.rows
        .filter((r) => r.status === 'qua_han' || r.status === 'sap_het_han')
        .map((r) => `Vốn năm ${r.originYear} ${r.programCode} (${sourceNames.get(r.sourceCode) ?? r.sourceCode}, ${capitalTypeLabel(r.capitalType)}): còn ${formatAmount(r.remainingDong, 'trieu', { maxDecimals: 3 })} triệu đồng, hạn giải ngân ${formatDateVi(r.deadline)}${r.status === 'qua_han' ? ' (đã quá hạn)' : ` (còn ${r.daysLeft} ngày)`}.`),
      ...warnings.map((w) => `Cảnh báo (quy tắc ${w.ruleId} — ${w.ruleName}): ${w.message}`),
    ],
    warnings,
    signerTitle: 'TRƯỞNG PHÒNG',
  };
}

const FONT = 'Times New Roman';
const BORDER = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
/** Đồng shown in triệu by the format's thousands scaling (",,"), three decimals at most; the cell holds exact đồng. */
const MONEY_FORMAT = '#,##0.###,,;-#,##0.###,,;""';

/**
 * The report as a workbook: plain values (no formulas), đồng in the cells shown in triệu, rates as the rounded
 * per-mille the app shows (0.253 shows 25.3% in the reader's locale), A4 landscape, header rows repeated.
 */
export async function reportWorkbook(report: DisbursementReport, signature?: ReportSignature): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Sổ vốn MTQG';
  const ws = wb.addWorksheet('Báo cáo giải ngân');
  ws.columns = [{ width: 7 }, { width: 58 }, { width: 18 }, { width: 18 }, { width: 12 }];
  const text = (values: (string | number | null)[], font: Partial<ExcelJS.Font>, align: Partial<ExcelJS.Alignment> = {}) => {
    const r = ws.addRow(values);
    r.font = { name: FONT, size: 12, ...font };
    r.alignment = { vertical: 'middle', wrapText: true, ...align };
    return r;
  };
  const merged = (value: string, font: Partial<ExcelJS.Font>, align: Partial<ExcelJS.Alignment> = { horizontal: 'center' }) => {
    const r = text([value], font, align);
    ws.mergeCells(r.number, 1, r.number, 5);
    return r;
  };
  const head = text([report.issuerLines[0]!, null, null, report.nationalTitle], { bold: true, size: 12 }, { horizontal: 'center' });
  ws.mergeCells(head.number, 1, head.number, 2);
  ws.mergeCells(head.number, 4, head.number, 5);
  const head2 = text([report.issuerLines[1]!, null, null, report.motto], { bold: true, size: 12 }, { horizontal: 'center' });
  ws.mergeCells(head2.number, 1, head2.number, 2);
  ws.mergeCells(head2.number, 4, head2.number, 5);
  const dateRow = text([null, null, null, report.placeDateLine], { italic: true }, { horizontal: 'center' });
  ws.mergeCells(dateRow.number, 4, dateRow.number, 5);
  ws.addRow([]);
  merged(report.title, { bold: true, size: 14 });
  merged(report.subtitle, { italic: true });
  merged(report.unitLine, { italic: true, size: 11 }, { horizontal: 'right' });
  let firstHeader = 0;
  for (const section of report.sections) {
    merged(section.title, { bold: true }, { horizontal: 'left' });
    const header = ws.addRow(['STT', 'Chương trình, loại vốn, nguồn vốn', 'Kế hoạch vốn', 'Lũy kế giải ngân', 'Tỷ lệ']);
    if (firstHeader === 0) firstHeader = header.number;
    header.font = { name: FONT, bold: true, size: 11 };
    header.eachCell((c) => {
      c.border = BORDER;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    for (const r of section.rows) {
      const line = ws.addRow([r.stt, r.label, r.planDong, r.disbursedDong, r.ratePermille === null ? '—' : r.ratePermille / 1000]);
      line.font = { name: FONT, size: 11, bold: r.bold };
      line.eachCell({ includeEmpty: true }, (c, col) => {
        c.border = BORDER;
        c.alignment = { vertical: 'middle', wrapText: col === 2, horizontal: col === 1 ? 'center' : col === 2 ? 'left' : 'right', indent: col === 2 ? r.depth : 0 };
        if (col === 3 || col === 4) c.numFmt = MONEY_FORMAT;
        if (col === 5 && r.ratePermille !== null) c.numFmt = '0.0%';
      });
    }
    text([null, `Mẫu số: ${section.denominatorLabel}`], { italic: true, size: 10 });
    ws.addRow([]);
  }
  if (report.comparisons.length > 0) {
    merged('So sánh tỷ lệ giải ngân', { bold: true }, { horizontal: 'left' });
    const header = ws.addRow(['STT', 'Đối tượng so sánh', 'Nguồn số liệu', null, 'Tỷ lệ']);
    ws.mergeCells(header.number, 3, header.number, 4);
    header.font = { name: FONT, bold: true, size: 11 };
    header.eachCell((c) => {
      c.border = BORDER;
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    });
    report.comparisons.forEach((c, i) => {
      const line = ws.addRow([i + 1, c.label, c.source, null, c.rateText]);
      ws.mergeCells(line.number, 3, line.number, 4);
      line.font = { name: FONT, size: 11 };
      line.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.border = BORDER;
        cell.alignment = { vertical: 'middle', wrapText: true, horizontal: col === 5 ? 'right' : col === 1 ? 'center' : 'left' };
      });
    });
    ws.addRow([]);
  }
  for (const note of report.notes) merged(note, { italic: true, size: 11 }, { horizontal: 'left', wrapText: true });
  ws.addRow([]);
  // Signed by a named signer: the block of the signer's title, space to sign, the name (never an empty title alone).
  const block = signature ? [...(signature.authority ? [signature.authority] : []), ...signature.role, '', '', '', signature.name] : [report.signerTitle];
  for (const line of block) {
    const sign = text([null, null, null, line], { bold: true }, { horizontal: 'center' });
    ws.mergeCells(sign.number, 4, sign.number, 5);
  }
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { top: 20 / 25.4, bottom: 20 / 25.4, left: 30 / 25.4, right: 15 / 25.4, header: 0.3, footer: 0.3 },
    printTitlesRow: firstHeader ? `${firstHeader}:${firstHeader}` : undefined,
  };
  ws.headerFooter = { oddFooter: '&C&P' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
