/**
 * The year's printable documents for "Báo cáo & in": each decision and resolution (body and annexes), the HĐND's
 * breakdown of the recurrent estimate (Biểu), the allocation report, the disbursement report, the follow-up report
 * and the exchange package — each with the formats it has.
 */
import type { HubDocument } from '../../../shared/api/print';
import type { DecisionHeader } from '../../../shared/api/decisions';
import { DECISION_KIND_LABELS } from '../../../shared/domain/documents';
import { formatDateVi } from '../../../shared/format/date';
import type { Db } from '../db/database';
import { getDocument, listHeaders } from '../decisions/store';

const TYPE_NAME = { UBND: 'Quyết định', HDND: 'Nghị quyết' } as const;

function decisionTitle(h: DecisionHeader): string {
  if (h.numberText) return `${TYPE_NAME[h.issuer]} số ${h.numberText}${h.docDate ? ` ngày ${formatDateVi(h.docDate)}` : ''}`;
  return `Dự thảo ${TYPE_NAME[h.issuer].toLowerCase()} (${DECISION_KIND_LABELS[h.kind].toLowerCase()}, mã ${h.id})`;
}

/** An HĐND resolution that breaks the recurrent (SN) estimate down to units: printed as the Biểu of the breakdown. */
function isRecurrentBreakdown(db: Db, h: DecisionHeader): boolean {
  if (h.issuer !== 'HDND' || h.kind !== 'phan_bo' || h.lineCount === 0) return false;
  return getDocument(db, h.id).lines.every((l) => l.capitalType === 'SN');
}

export function listDocuments(db: Db, year: number): HubDocument[] {
  const headers = listHeaders(db, { year }).sort((a, b) => (a.docDate ?? '9999').localeCompare(b.docDate ?? '9999') || a.id - b.id);
  const out: HubDocument[] = [];
  for (const h of headers) {
    out.push({
      key: `decision:${h.id}`,
      kind: 'decision',
      title: decisionTitle(h),
      detail: h.summary,
      date: h.docDate,
      status: h.status,
      decisionId: h.id,
      formats: ['preview', 'print', 'pdf', 'docx', 'xlsx'],
    });
    if (h.status === 'issued' && isRecurrentBreakdown(db, h)) {
      out.push({
        key: `recurrent:${h.id}`,
        kind: 'recurrent',
        title: `Biểu dự toán chi thường xuyên theo đơn vị thực hiện (${TYPE_NAME[h.issuer]} số ${h.numberText})`,
        detail: 'Dự toán chi thường xuyên các chương trình MTQG theo đơn vị thực hiện (Biểu 91/CK-NSNN)',
        date: h.docDate,
        status: h.status,
        decisionId: h.id,
        formats: ['preview', 'print', 'pdf', 'xlsx'],
      });
    }
  }
  const reports: HubDocument[] = [
    { key: 'allocation_report', kind: 'allocation_report', title: `Báo cáo giao và phân bổ vốn năm ${year}`, detail: 'Theo chương trình, nội dung và xã (Excel, A4 ngang)', date: null, status: null, decisionId: null, formats: ['xlsx'] },
    { key: 'disbursement_report', kind: 'disbursement_report', title: `Báo cáo tiến độ giải ngân năm ${year}`, detail: 'Giải ngân theo chương trình, nguồn và loại vốn, có người ký', date: null, status: null, decisionId: null, formats: ['preview', 'print', 'pdf', 'xlsx'] },
    { key: 'followup_report', kind: 'followup_report', title: 'Báo cáo khó khăn, vướng mắc và nhiệm vụ', detail: 'Khó khăn theo cấp giải quyết, nhiệm vụ của thông báo kết luận, có người ký', date: null, status: null, decisionId: null, formats: ['preview', 'print', 'pdf', 'xlsx'] },
    { key: 'package', kind: 'package', title: `Gói trao đổi dữ liệu năm ${year}`, detail: 'Vốn được giao, quyết định đã ban hành và danh mục dùng kèm (Excel, có mã kiểm tra)', date: null, status: null, decisionId: null, formats: ['xlsx'] },
  ];
  return [...out, ...reports];
}
