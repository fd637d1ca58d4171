/**
 * Báo cáo & in: every printable document of a year in one list — decisions and resolutions (text and annexes), the
 * HĐND's recurrent breakdown, the allocation, disbursement and follow-up reports, the exchange package — each with
 * what can be done with it: preview, print, PDF, Word, Excel.
 */
import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { HubDocument } from '../../../shared/api/print';
import type { ExchangeFile } from '../../../shared/api/exchange';
import type { Result } from '../../../shared/api/result';
import { formatDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';
import { MessageArea } from '../../kit/MessageArea';
import { useScreenYear } from '../../app/working-year';
import { DOCX_TYPE } from '../../print/PrintView';
import { downloadBase64 } from '../../kit/files';

/** Where a document's preview lives (the print views). */
function previewPath(doc: HubDocument, year: number): string | null {
  switch (doc.kind) {
    case 'decision':
      return `/in/${doc.decisionId}`;
    case 'recurrent':
      return `/in/${doc.decisionId}?body=0&annexes=du_toan_sn&orientation=landscape`;
    case 'disbursement_report':
      return `/in-giai-ngan/${year}`;
    case 'followup_report':
      return '/in-kho-khan';
    default:
      return null;
  }
}

function workbook(doc: HubDocument, year: number): Promise<Result<ExchangeFile>> {
  switch (doc.kind) {
    case 'decision':
      return api.invoke('print.annexWorkbook', { id: doc.decisionId! });
    case 'recurrent':
      return api.invoke('print.annexWorkbook', { id: doc.decisionId!, annexes: ['du_toan_sn'] });
    case 'allocation_report':
      return api.invoke('exchange.exportReport', { year });
    case 'disbursement_report':
      return api.invoke('disbursement.exportReport', { year });
    case 'followup_report':
      return api.invoke('followup.export', {});
    case 'package':
      return api.invoke('exchange.exportPackage', { year });
  }
}

/**
 * A document printed to PDF by the web host, when the browser can have it: the decisions and the Biểu from their
 * print view, the disbursement and follow-up reports from theirs. Null for what has no print view (Excel only).
 */
function browserPdf(doc: HubDocument, year: number): (() => Promise<Result<ExchangeFile>>) | null {
  const { decisionPdf, reportPdf } = api;
  if (!decisionPdf || !reportPdf || !doc.formats.includes('pdf')) return null;
  switch (doc.kind) {
    case 'decision':
      return () => decisionPdf({ id: doc.decisionId! });
    case 'recurrent':
      return () => decisionPdf({ id: doc.decisionId!, body: false, annexes: ['du_toan_sn'], orientation: 'landscape' });
    case 'disbursement_report':
      return () => reportPdf({ report: 'disbursement', year });
    case 'followup_report':
      return () => reportPdf({ report: 'followup' });
    default:
      return null;
  }
}

export function DocumentsScreen() {
  const navigate = useNavigate();
  // The app's working year (in the URL, kept across screens): the frame's picker changes it.
  const year = useScreenYear();
  const [docs, setDocs] = useState<HubDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    setDocs(null);
    void api.invoke('documents.list', { year }).then((r) => (r.ok ? setDocs(r.value) : setError(r.error.message)));
  }, [year]);

  const save = async (doc: HubDocument, format: 'docx' | 'xlsx' | 'pdf') => {
    const pdf = format === 'pdf' ? browserPdf(doc, year) : null;
    if (format === 'pdf' && !pdf) return;
    setBusy(doc.key);
    setError(null);
    if (format === 'pdf') setInfo('Đang in PDF bằng trình duyệt của máy…');
    const r =
      format === 'docx'
        ? await api.invoke('print.decisionDocx', { id: doc.decisionId! })
        : format === 'pdf'
          ? await pdf!()
          : await workbook(doc, year);
    setBusy(null);
    if (!r.ok) {
      setInfo(null);
      return setError(r.error.message);
    }
    downloadBase64(r.value.fileName, r.value.base64, format === 'docx' ? DOCX_TYPE : format === 'pdf' ? 'application/pdf' : undefined);
    setInfo(`Đã tạo tệp ${r.value.fileName}.`);
  };

  const open = (doc: HubDocument, action?: 'print' | 'pdf') => {
    const path = previewPath(doc, year);
    if (!path) return;
    navigate(action ? `${path}${path.includes('?') ? '&' : '?'}action=${action}` : path);
  };

  return (
    <section className="screen documents">
      <header className="screen-header">
        <h1>Báo cáo & in</h1>
      </header>
      <p className="muted help">
        Toàn văn quyết định, nghị quyết đúng thể thức Nghị định 30/2020 (A4 dọc) kèm các phụ lục (A4 ngang), bản Word để hoàn thiện câu chữ trước khi trình ký, phụ lục và báo cáo
        dạng Excel. Lời văn mẫu (căn cứ, Điều 2–3, Nơi nhận) sửa ở Cài đặt.
      </p>
      <MessageArea error={error} info={info} />
      {docs === null ? (
        <p className="muted">Đang tải…</p>
      ) : (
        <table className="list-table documents-table" aria-label={`Văn bản năm ${year}`}>
          <thead>
            <tr>
              <th>Văn bản</th>
              <th style={{ width: '11%' }}>Ngày</th>
              <th style={{ width: '11%' }}>Trạng thái</th>
              <th style={{ width: '34%' }}>Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {docs.map((d) => (
              <tr key={d.key} data-key={d.key}>
                <td>
                  <div className="doc-title">{d.title}</div>
                  <div className="muted doc-detail">{d.detail}</div>
                </td>
                <td>{d.date ? formatDateVi(d.date) : ''}</td>
                <td>{d.status === 'issued' ? 'Đã ban hành' : d.status === 'draft' ? 'Dự thảo' : ''}</td>
                <td>
                  <div className="doc-actions">
                  {d.formats.includes('preview') ? (
                    <button type="button" onClick={() => open(d)} aria-label={`Xem trước: ${d.title}`}>
                      Xem trước
                    </button>
                  ) : null}
                  {d.formats.includes('print') ? (
                    <button type="button" onClick={() => open(d, 'print')} aria-label={`In: ${d.title}`}>
                      In
                    </button>
                  ) : null}
                  {d.formats.includes('pdf') && api.savePdf ? (
                    <button type="button" onClick={() => open(d, 'pdf')} aria-label={`Lưu PDF: ${d.title}`}>
                      Lưu PDF
                    </button>
                  ) : browserPdf(d, year) ? (
                    <button type="button" disabled={busy !== null} onClick={() => void save(d, 'pdf')} aria-label={`Lưu PDF: ${d.title}`}>
                      Lưu PDF
                    </button>
                  ) : null}
                  {d.formats.includes('docx') ? (
                    <button type="button" disabled={busy !== null} onClick={() => void save(d, 'docx')} aria-label={`Word: ${d.title}`}>
                      Word
                    </button>
                  ) : null}
                  {d.formats.includes('xlsx') ? (
                    <button type="button" disabled={busy !== null} onClick={() => void save(d, 'xlsx')} aria-label={`Excel: ${d.title}`}>
                      Excel
                    </button>
                  ) : null}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
