import '@fontsource/tinos/400.css';
import '@fontsource/tinos/700.css';
import '@fontsource/tinos/400-italic.css';
import './print.css';
import { useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { DisbursementReport } from '../../shared/api/disbursement';
import { formatAmount } from '../../shared/money/dong';
import { api } from '../api/client';
import { ReportSignatureBlock, useReportSignature } from './ReportSignature';
import { ReportDocHeader, SignerToolbar } from './ReportTop';
import { usePrintAction } from './print-action';
import { MessageArea } from '../kit/MessageArea';

const trieu = (v: number) => formatAmount(v as Parameters<typeof formatAmount>[0], 'trieu', { maxDecimals: 3 });

/** The periodic progress report printed (A4 portrait, Tinos, Nghị định 30/2020 header): the core's model, laid out as is. */
export function DisbursementPrintView() {
  const params = useParams();
  const [search] = useSearchParams();
  const year = Number(params.year);
  const asOf = search.get('asOf') ?? undefined;
  const [report, setReport] = useState<DisbursementReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const { signature, error: signatureError } = useReportSignature();
  useEffect(() => {
    void api.invoke('disbursement.report', { year, ...(asOf ? { asOf } : {}) }).then((r) => (r.ok ? setReport(r.value) : setError(r.error.message)));
  }, [asOf, year]);
  useEffect(() => {
    if (report && signature) void document.fonts.ready.then(() => setReady(true));
  }, [report, signature]);
  usePrintAction(ready, report ? `bao-cao-giai-ngan-${report.asOf}.pdf` : null);
  if (error ?? signatureError) return <MessageArea error={error ?? signatureError} />;
  if (!report || !signature) return <p className="muted">Đang dựng bản in…</p>;
  return (
    <div className="print-root portrait" data-ready={ready ? 'true' : 'false'}>
      <style>{'@page { size: A4 portrait; }'}</style>
      <SignerToolbar pdfName={`bao-cao-giai-ngan-${report.asOf}.pdf`} signature={signature} />
      <div className="sheet">
        <ReportDocHeader signature={signature} nationalTitle={report.nationalTitle} motto={report.motto} placeDateLine={report.placeDateLine} />
        <h2 className="annex-label">{report.title}</h2>
        <div className="attached-to">{report.subtitle}</div>
        <div className="unit-line">{report.unitLine}</div>
        {report.sections.map((s, i) => (
          <section key={i} aria-label={s.title}>
            <p className="report-heading">
              {i + 1}. {s.title}
            </p>
            <table className="annex-table">
              <colgroup>
                <col style={{ width: '8%' }} />
                <col style={{ width: '50%' }} />
                <col style={{ width: '15%' }} />
                <col style={{ width: '15%' }} />
                <col style={{ width: '12%' }} />
              </colgroup>
              <thead>
                <tr>
                  <th>STT</th>
                  <th>Chương trình, loại vốn, nguồn vốn</th>
                  <th>Kế hoạch vốn</th>
                  <th>Lũy kế giải ngân</th>
                  <th>Tỷ lệ</th>
                </tr>
              </thead>
              <tbody>
                {s.rows.map((r, j) => (
                  <tr key={j} className={r.bold ? 'bold' : r.depth === 2 ? 'italic' : ''}>
                    <td className="stt">{r.stt}</td>
                    <td className="text" style={{ paddingLeft: `${r.depth * 3 + 1}mm` }}>
                      {r.label}
                    </td>
                    <td className="num">{trieu(r.planDong)}</td>
                    <td className="num">{trieu(r.disbursedDong)}</td>
                    <td className="num" data-testid={`print-rate-${i}-${j}`}>
                      {r.rateText}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="rounding-note">Mẫu số: {s.denominatorLabel}</p>
          </section>
        ))}
        {report.comparisons.length > 0 ? (
          <>
            <p className="report-heading">{report.sections.length + 1}. So sánh tỷ lệ giải ngân</p>
            <table className="annex-table">
              <thead>
                <tr>
                  <th style={{ width: '8%' }}>STT</th>
                  <th>Đối tượng so sánh</th>
                  <th style={{ width: '40%' }}>Nguồn số liệu</th>
                  <th style={{ width: '12%' }}>Tỷ lệ</th>
                </tr>
              </thead>
              <tbody>
                {report.comparisons.map((c, i) => (
                  <tr key={i}>
                    <td className="stt">{i + 1}</td>
                    <td className="text">{c.label}</td>
                    <td className="text">{c.source}</td>
                    <td className="num">{c.rateText}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
        {report.notes.map((n, i) => (
          <p key={i} className="rounding-note">
            {n}
          </p>
        ))}
        <ReportSignatureBlock signature={signature} />
      </div>
    </div>
  );
}
