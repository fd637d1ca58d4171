import '@fontsource/tinos/400.css';
import '@fontsource/tinos/700.css';
import '@fontsource/tinos/400-italic.css';
import './print.css';
import { useEffect, useState } from 'react';
import { CATEGORY_LABELS, LEVEL_LABELS, OBSTACLE_STATUS_LABELS, TASK_STATUS_LABELS, type FollowupSummary, type NoticeTask, type Obstacle } from '../../shared/api/followup';
import { formatDateVi } from '../../shared/format/date';
import { formatAmount } from '../../shared/money/dong';
import { api } from '../api/client';
import { ReportSignatureBlock, useReportSignature } from './ReportSignature';
import { ReportDocHeader, SignerToolbar } from './ReportTop';
import { usePrintAction } from './print-action';
import { MessageArea } from '../kit/MessageArea';

/**
 * The "khó khăn, vướng mắc và kiến nghị" part of a periodic report, printed: counts per resolving level, the
 * open obstacles with their proposals, and the tasks of the conclusion notices (A4 portrait, Tinos).
 */
export function FollowupPrintView() {
  const [data, setData] = useState<{ summary: FollowupSummary; obstacles: Obstacle[]; tasks: NoticeTask[] } | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    void Promise.all([api.invoke('followup.summary', {}), api.invoke('obstacles.list', {}), api.invoke('tasks.list', {})]).then(([s, o, t]) => {
      if (s.ok && o.ok && t.ok) setData({ summary: s.value, obstacles: o.value, tasks: t.value });
    });
  }, []);
  const { signature, error } = useReportSignature();
  useEffect(() => {
    if (data && signature) void document.fonts.ready.then(() => setReady(true));
  }, [data, signature]);
  usePrintAction(ready, data ? `kho-khan-vuong-mac-${data.summary.asOf}.pdf` : null);
  if (error) return <MessageArea error={error} />;
  if (!data || !signature) return <p className="muted">Đang dựng bản in…</p>;
  const open = data.obstacles.filter((o) => o.status !== 'da_giai_quyet' && o.status !== 'khong_giai_quyet');
  const total = (pick: (l: FollowupSummary['byLevel'][number]) => number) => data.summary.byLevel.reduce((a, l) => a + pick(l), 0);
  return (
    <div className="print-root portrait" data-ready={ready ? 'true' : 'false'}>
      <style>{'@page { size: A4 portrait; }'}</style>
      <SignerToolbar pdfName={`kho-khan-vuong-mac-${data.summary.asOf}.pdf`} signature={signature} />
      <div className="sheet">
        <ReportDocHeader signature={signature} nationalTitle="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" motto="Độc lập - Tự do - Hạnh phúc" />
        <h2 className="annex-label">KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ</h2>
        <div className="attached-to">(Tổng hợp đến ngày {formatDateVi(data.summary.asOf)})</div>
        <p className="report-heading">1. Theo cấp có thẩm quyền giải quyết</p>
        <table className="annex-table">
          <thead>
            <tr>
              <th>Cấp giải quyết</th>
              <th>Tổng số</th>
              <th>Đang mở</th>
              <th>Đã giải quyết</th>
              <th>Quá hạn</th>
              <th>Số vốn bị ảnh hưởng (triệu đồng)</th>
            </tr>
          </thead>
          <tbody>
            {data.summary.byLevel.map((l) => (
              <tr key={l.level}>
                <td className="text">{LEVEL_LABELS[l.level]}</td>
                <td className="num">{l.open + l.closed}</td>
                <td className="num">{l.open}</td>
                <td className="num">{l.closed}</td>
                <td className="num">{l.overdue}</td>
                <td className="num">{formatAmount(l.amountAtRiskDong, 'trieu', { maxDecimals: 3 })}</td>
              </tr>
            ))}
            <tr className="total">
              <td className="text">Cộng</td>
              <td className="num">{total((l) => l.open + l.closed)}</td>
              <td className="num">{total((l) => l.open)}</td>
              <td className="num">{total((l) => l.closed)}</td>
              <td className="num">{total((l) => l.overdue)}</td>
              <td className="num">{formatAmount(data.summary.byLevel.reduce((a, l) => a + l.amountAtRiskDong, 0) as Parameters<typeof formatAmount>[0], 'trieu', { maxDecimals: 3 })}</td>
            </tr>
          </tbody>
        </table>
        <p className="report-heading">2. Khó khăn, vướng mắc chưa được giải quyết</p>
        <table className="annex-table">
          <thead>
            <tr>
              <th style={{ width: '6%' }}>STT</th>
              <th>Nội dung</th>
              <th style={{ width: '14%' }}>Nhóm</th>
              <th style={{ width: '13%' }}>Cấp giải quyết</th>
              <th style={{ width: '16%' }}>Tình trạng</th>
              <th style={{ width: '24%' }}>Đề xuất, kiến nghị</th>
            </tr>
          </thead>
          <tbody>
            {open.map((o, i) => (
              <tr key={o.id}>
                <td className="stt">{i + 1}</td>
                <td className="text">{o.description}</td>
                <td className="text">{CATEGORY_LABELS[o.category]}</td>
                <td className="text">{LEVEL_LABELS[o.resolvingLevel]}</td>
                <td className="text">
                  {OBSTACLE_STATUS_LABELS[o.status]}
                  {o.overdue ? ' (quá hạn)' : ''}
                </td>
                <td className="text">{o.proposal}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="report-heading">3. Nhiệm vụ theo thông báo kết luận</p>
        <table className="annex-table">
          <thead>
            <tr>
              <th style={{ width: '8%' }}>Mục</th>
              <th>Nhiệm vụ</th>
              <th style={{ width: '22%' }}>Đơn vị thực hiện</th>
              <th style={{ width: '15%' }}>Hạn</th>
              <th style={{ width: '18%' }}>Tình trạng</th>
            </tr>
          </thead>
          <tbody>
            {data.tasks.map((t) => (
              <tr key={t.id}>
                <td className="stt">{t.item}</td>
                <td className="text">{t.text}</td>
                <td className="text">{t.owner}</td>
                <td className="stt date">{t.deadline ? formatDateVi(t.deadline) : 'không ghi thời hạn'}</td>
                <td className="text">
                  {TASK_STATUS_LABELS[t.status]}
                  {t.overdue ? ' (quá hạn)' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <ReportSignatureBlock signature={signature} />
      </div>
    </div>
  );
}
