import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExchangeLogRow } from '../../../shared/api/exchange';
import { UNIT_LABEL_VI, type MoneyUnit } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { UnitSelect } from '../../grid/UnitSelect';
import { downloadBase64, readFileBase64 } from '../../kit/files';
import { trieu } from './import-labels';

const DIRECTION = { import: 'Nhập', export: 'Xuất' } as const;
const KIND = { province_assignment: 'Tệp giao vốn của tỉnh', package: 'Gói trao đổi', report: 'Báo cáo phân bổ' } as const;
const RESULT = { committed: 'Đã ghi', noop: 'Không thay đổi', exported: 'Đã xuất' } as const;

function dayTime(iso: string): string {
  const d = new Date(iso);
  return `${d.toLocaleDateString('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' })} ${d.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit' })}`;
}

/** The app's own exchange package (out and in), the allocation report, and the history of files exchanged. */
export function ExchangeFilesPanel({ year, refreshKey, onMessage }: { year: number; refreshKey: number; onMessage: (message: { error?: string; info?: string }) => void }) {
  const [history, setHistory] = useState<ExchangeLogRow[]>([]);
  const [unit, setUnit] = useState<MoneyUnit>('trieu');
  const [busy, setBusy] = useState(false);
  const packageInput = useRef<HTMLInputElement>(null);

  const reload = useCallback(async () => {
    const result = await api.invoke('exchange.history', { year });
    if (result.ok) setHistory(result.value);
  }, [year]);
  useEffect(() => {
    void reload();
  }, [reload, refreshKey]);

  async function run<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, done: (value: T) => string) {
    setBusy(true);
    try {
      const result = await work();
      if (result.ok) onMessage({ info: done(result.value) });
      else onMessage({ error: result.error.message });
    } finally {
      setBusy(false);
      void reload();
    }
  }

  const exportPackage = () =>
    run(
      () => api.invoke('exchange.exportPackage', { year }),
      (file) => {
        downloadBase64(file.fileName, file.base64);
        return `Đã xuất gói trao đổi năm ${year}: ${file.fileName}.`;
      },
    );
  const exportReport = () =>
    run(
      () => api.invoke('exchange.exportReport', { year, unit }),
      (file) => {
        downloadBase64(file.fileName, file.base64);
        return `Đã xuất báo cáo phân bổ năm ${year} (${UNIT_LABEL_VI[unit]}): ${file.fileName}.`;
      },
    );
  async function importPackage(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    const base64 = await readFileBase64(file);
    if (packageInput.current) packageInput.current.value = '';
    await run(
      () => api.invoke('exchange.importPackage', { fileName: file.name, base64 }),
      (summary) => summary.message,
    );
  }

  return (
    <section aria-label="Xuất và gói trao đổi" className="exchange-files">
      <h2>Xuất dữ liệu và gói trao đổi</h2>
      <div className="toolbar">
        <button type="button" disabled={busy} onClick={() => void exportPackage()}>
          Xuất gói trao đổi năm {year}
        </button>
        <button type="button" disabled={busy} onClick={() => packageInput.current?.click()}>
          Nhập gói trao đổi…
        </button>
        <input ref={packageInput} type="file" accept=".xlsx" hidden aria-label="Tệp gói trao đổi" onChange={(e) => void importPackage(e.target.files)} />
        <label>
          Báo cáo phân bổ theo chương trình, hợp phần, xã — đơn vị <UnitSelect value={unit} onChange={setUnit} />
        </label>
        <button type="button" disabled={busy} onClick={() => void exportReport()}>
          Xuất báo cáo Excel
        </button>
      </div>
      <h2>Lịch sử trao đổi năm {year}</h2>
      {history.length === 0 ? (
        <p className="muted">Chưa có tệp nào được nhập hoặc xuất cho năm này.</p>
      ) : (
        <table className="history-table">
          <thead>
            <tr>
              <th>Thời gian</th>
              <th>Nhập/xuất</th>
              <th>Loại</th>
              <th>Tệp</th>
              <th>Số dòng</th>
              <th>Tổng (triệu đồng)</th>
              <th>Kết quả</th>
              <th>Mã băm (SHA-256)</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id} title={h.message}>
                <td>{dayTime(h.at)}</td>
                <td>{DIRECTION[h.direction]}</td>
                <td>{KIND[h.kind]}</td>
                <td>{h.fileName}</td>
                <td className="num">{h.lineCount.toLocaleString('vi-VN')}</td>
                <td className="num">{trieu(h.totalDong)}</td>
                <td>{RESULT[h.result]}</td>
                <td className="hash">{h.sha256.slice(0, 12)}…</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
