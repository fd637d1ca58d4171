/**
 * "Lưu PDF" of the hub's reports in a browser: the disbursement report and the follow-up report, printed from the
 * same print views the app previews (/in-giai-ngan/<year>, /in-kho-khan) by the shared renderPrintViewPdf. The core
 * is asked first for what the view needs — the report and who signs it — so that a refusal (no signer, a year without
 * data) comes back as the core's own message instead of a view that never gets ready.
 */
import { reportPdfSchema, type ReportPdfRequest } from '../../shared/api/print';
import { err, ok, type Result } from '../../shared/api/result';
import type { Core } from '../core';
import { renderPrintViewPdf } from './print-view-pdf';

export interface PdfFile {
  fileName: string;
  base64: string;
}

/** The report's print view on a host, with the query the hub's preview opens it with. */
export function reportPrintHash(request: ReportPdfRequest): string {
  if (request.report === 'followup') return '#/in-kho-khan';
  return `#/in-giai-ngan/${request.year}${request.asOf ? `?asOf=${request.asOf}` : ''}`;
}

/** The report the view shows, from the core; its date names the file as the view's own "Lưu PDF" does. */
async function reportFileName(core: Core, request: ReportPdfRequest): Promise<Result<string>> {
  if (request.report === 'followup') {
    const summary = await core.invokeAsync('followup.summary', {});
    return summary.ok ? ok(`kho-khan-vuong-mac-${summary.value.asOf}.pdf`) : summary;
  }
  const report = await core.invokeAsync('disbursement.report', { year: request.year, ...(request.asOf ? { asOf: request.asOf } : {}) });
  return report.ok ? ok(`bao-cao-giai-ngan-${report.value.asOf}.pdf`) : report;
}

/** Checks the request, asks the core, prints the view on the host at `hostUrl`. Failures of the browser throw CoreError. */
export async function renderReportPdf(core: Core, hostUrl: string, input: unknown): Promise<Result<PdfFile>> {
  const parsed = reportPdfSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return err('INVALID_INPUT', `Yêu cầu in báo cáo ra PDF không hợp lệ (${issue?.path.join('.') || 'report'}: ${issue?.message ?? ''}). Báo cáo in được: "disbursement" (kèm năm) hoặc "followup".`);
  }
  const fileName = await reportFileName(core, parsed.data);
  if (!fileName.ok) return fileName;
  const signature = await core.invokeAsync('print.reportSignature', {});
  if (!signature.ok) return signature;
  const pdf = await renderPrintViewPdf(hostUrl, reportPrintHash(parsed.data));
  return ok({ fileName: fileName.value, base64: pdf.toString('base64') });
}
