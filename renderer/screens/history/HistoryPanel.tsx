import { useCallback, useEffect, useRef, useState } from 'react';
import { DEADLINE_STATUS_LABELS } from '../../../shared/api/disbursement';
import type { HistoryView } from '../../../shared/api/history';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount, type Dong } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { readFileBase64 } from '../../kit/files';

const dong = (n: Dong) => formatAmount(n, 'dong');

/** "Xã Tràng Định gồm các xã cũ: Xã Đề Thám, Xã Hùng Sơn, Xã Hùng Việt." */
function successors(view: HistoryView): string {
  const by = new Map<string, string[]>();
  for (const u of view.formerUnits) by.set(u.successorName, [...(by.get(u.successorName) ?? []), u.name]);
  return [...by].map(([successor, olds]) => `${successor} gồm các xã cũ: ${olds.join(', ')}.`).join(' ');
}

/**
 * Lịch sử của huyện cũ (issue 21, point 4), on a commune office only: the former district's package imported as
 * read-only history, its decisions, and per former commune and key the money allocated, disbursed and still open
 * with its deadline. Everything shown comes from history.show; the core computes the figures.
 */
export function HistoryPanel({ onMessage }: { onMessage: (message: { error?: string; info?: string }) => void }) {
  const [commune, setCommune] = useState(false);
  const [view, setView] = useState<HistoryView | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    const result = await api.invoke('history.show', {});
    if (result.ok) setView(result.value);
  }, []);
  useEffect(() => {
    void api.invoke('app.info', {}).then((r) => {
      if (r.ok && r.value.office?.level === 'xa') {
        setCommune(true);
        void reload();
      }
    });
  }, [reload]);

  async function importHistory(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const base64 = await readFileBase64(file);
      const result = await api.invoke('history.importPackage', { fileName: file.name, base64 });
      onMessage(result.ok ? { info: result.value.message } : { error: result.error.message });
    } finally {
      if (input.current) input.current.value = '';
      setBusy(false);
      void reload();
    }
  }

  if (!commune) return null;
  return (
    <section aria-label="Lịch sử của huyện cũ" className="exchange-files">
      <h2>Lịch sử của huyện cũ (chỉ đọc)</h2>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => input.current?.click()}>
          Nhập gói của huyện cũ làm lịch sử…
        </button>
        <input ref={input} type="file" accept=".xlsx" hidden aria-label="Tệp gói của huyện cũ" onChange={(e) => void importHistory(e.target.files)} />
      </div>
      {!view || view.packages.length === 0 ? (
        <p className="muted">Chưa có lịch sử của huyện cũ. Nhập gói trao đổi do văn phòng huyện cũ xuất (“Xuất gói trao đổi”).</p>
      ) : (
        <>
          <p className="muted">
            {view.packages.map((p) => `Gói năm ${p.year} của ${p.districtName}, tệp “${p.fileName}”${p.carriesDisbursement ? ', có số giải ngân' : ', không có số giải ngân'}`).join('; ')}.{' '}
            {successors(view)}
          </p>
          <h3>Vốn của các xã cũ: đã phân bổ, đã giải ngân, còn phải giải ngân (đến {formatDateVi(view.asOf)})</h3>
          {view.disbursementNote ? (
            <p className="hint-banner" role="note">
              {view.disbursementNote}
            </p>
          ) : null}
          <table className="history-table" aria-label="Vốn còn phải giải ngân">
            <thead>
              <tr>
                <th>Vốn năm</th>
                <th>Hợp phần</th>
                <th>Xã cũ</th>
                <th>Nguồn, loại vốn</th>
                <th>Đã phân bổ (đồng)</th>
                <th>Đã giải ngân (đồng)</th>
                <th>Còn phải giải ngân (đồng)</th>
                <th>Hạn giải ngân</th>
                <th>Tình trạng</th>
              </tr>
            </thead>
            <tbody>
              {view.open.map((o) => (
                <tr key={`${o.originYear}|${o.componentCode}|${o.formerUnitCode}|${o.projectCode ?? ''}|${o.sourceCode}|${o.capitalType}`} title={o.deadlineBasis}>
                  <td>{o.originYear}</td>
                  <td>
                    {o.componentCode} {o.componentName}
                    {o.projectCode ? `, dự án ${o.projectCode}` : ''}
                  </td>
                  <td>{o.formerUnitName}</td>
                  <td>
                    {o.sourceCode} {o.capitalType}
                  </td>
                  <td className="num">{dong(o.allocatedDong)}</td>
                  <td className="num">
                    {o.disbursementKnown ? dong(o.disbursedDong) : 'không có số'}
                    {o.disbursedCutoff ? <div className="muted">đến {formatDateVi(o.disbursedCutoff)}</div> : null}
                  </td>
                  <td className="num">
                    {dong(o.openDong)}
                    {o.overDisbursedDong > 0 ? <div className="error-text">vượt {dong(o.overDisbursedDong)}, cần đối chiếu</div> : null}
                  </td>
                  <td className="nowrap">{formatDateVi(o.deadline)}</td>
                  <td>{DEADLINE_STATUS_LABELS[o.status]}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th colSpan={4}>Tổng</th>
                <th className="num">{dong(view.allocatedTotalDong)}</th>
                <th className="num">
                  {dong(view.disbursedTotalDong)}
                  {view.open.some((o) => !o.disbursementKnown) ? <div className="muted">chưa gồm gói không có số</div> : null}
                </th>
                <th className="num">{dong(view.openTotalDong)}</th>
                <th colSpan={2} />
              </tr>
            </tfoot>
          </table>
          <h3>Quyết định, nghị quyết đã ban hành của huyện (chỉ đọc)</h3>
          <table className="history-table" aria-label="Quyết định của huyện cũ">
            <thead>
              <tr>
                <th>Số</th>
                <th>Ngày</th>
                <th>Loại</th>
                <th>Trích yếu</th>
                <th>Tăng (đồng)</th>
                <th>Giảm (đồng)</th>
              </tr>
            </thead>
            <tbody>
              {view.decisions.map((d) => (
                <tr key={`${d.packageId}|${d.numberText}|${d.numberYear}`}>
                  <td className="nowrap" title="Chỉ đọc: lịch sử của huyện cũ không sửa được">
                    {d.numberText}
                  </td>
                  <td className="nowrap">{formatDateVi(d.docDate)}</td>
                  <td>{d.kindLabel}</td>
                  <td>{d.summary}</td>
                  <td className="num">{dong(d.increaseDong)}</td>
                  <td className="num">{dong(d.decreaseDong)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
