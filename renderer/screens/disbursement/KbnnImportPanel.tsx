import { useCallback, useEffect, useState } from 'react';
import type { KbnnMapping } from '../../../shared/api/disbursement';
import { KBNN_COLUMN_ROLES, KBNN_ROLE_LABELS, type KbnnColumnRole, type KbnnPreview } from '../../../shared/api/disbursement';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { useJob } from '../../api/useJob';
import { MessageArea } from '../../kit/MessageArea';
import { JobProgress } from '../jobs/JobProgress';

const SEVERITY = { E: 'Lỗi', W: 'Cảnh báo', I: 'Lưu ý' } as const;

/**
 * The treasury's statement: read, shown with its findings (each naming its cell) and the role of each column
 * (changeable: the mapping is remembered for the next statement laid out the same way), then written on confirm.
 */
export function KbnnImportPanel({ file, year, onClose, onCommitted }: { file: { name: string; base64: string }; year: number; onClose: () => void; onCommitted: (cutoff: string, message: string) => void }) {
  const [preview, setPreview] = useState<KbnnPreview | null>(null);
  const [mapping, setMapping] = useState<KbnnMapping | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // Reading and writing the statement run as jobs: progress pushed by the host, Huỷ stops them (nothing written).
  const job = useJob();
  const busy = job.running;
  const { run } = job;

  const analyze = useCallback(
    async (next: KbnnMapping | undefined) => {
      const result = await run((jobId) => api.invoke('disbursement.analyze', { fileName: file.name, base64: file.base64, year, jobId, ...(next ? { mapping: next } : {}) }));
      if (!result.ok) return setError(result.error.message), setPreview(null);
      setError(null);
      setPreview(result.value);
    },
    [file, year, run],
  );

  useEffect(() => {
    void analyze(undefined);
  }, [analyze]);

  const setRole = (col: string, role: KbnnColumnRole | 'ignore') => {
    const next: KbnnMapping = { ...mapping, columns: { ...(mapping?.columns ?? {}), [col]: role } };
    setMapping(next);
    void analyze(next);
  };

  const commit = async () => {
    if (!preview) return;
    const result = await run((jobId) => api.invoke('disbursement.commit', { fileName: file.name, base64: file.base64, year, jobId, expectedSha256: preview.sha256, ...(mapping ? { mapping } : {}) }));
    if (!result.ok) return setError(result.error.message);
    onCommitted(result.value.cutoffDate, result.value.message);
  };

  return (
    <section className="kbnn-panel" aria-label="Nhập sao kê KBNN">
      <h2 className="section-title">Sao kê KBNN: {file.name}</h2>
      {busy ? <JobProgress status={job.status} onCancel={job.cancel} /> : null}
      <MessageArea error={error} />
      {preview ? (
        <>
          <dl className="import-summary">
            <dt>Trang tính</dt>
            <dd>
              {preview.sheet}, dòng tiêu đề {preview.headerRow}
              {preview.templateKnown ? ' (cách ghép cột đã nhớ từ lần trước)' : ''}
            </dd>
            <dt>Số liệu đến ngày</dt>
            <dd data-testid="kbnn-cutoff">{preview.cutoffDate ? formatDateVi(preview.cutoffDate) : 'chưa rõ'}</dd>
            <dt>Số dòng</dt>
            <dd>
              {preview.lines.length} dòng, tổng lũy kế {formatAmount(preview.totalDong, 'dong')} đồng (đơn vị trong tệp: {preview.unit === 'dong' ? 'đồng' : preview.unit === 'nghin' ? 'nghìn đồng' : 'triệu đồng'})
            </dd>
          </dl>
          {preview.findings.length > 0 ? (
            <ul className="findings" aria-label="Phát hiện khi đọc sao kê">
              {preview.findings.map((f, i) => (
                <li key={i} className="finding">
                  <span className={`severity severity-${f.severity}`}>{SEVERITY[f.severity]}</span> {f.cell ? <strong>{`${f.sheet}!${f.cell}`}: </strong> : null}
                  {f.message}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="import-mapping" aria-label="Ghép cột">
            {preview.columns.map((c) => (
              <label key={c.col}>
                Cột {c.col} “{c.header}”:{' '}
                <select aria-label={`Vai trò cột ${c.col}`} value={c.role ?? 'ignore'} onChange={(e) => setRole(c.col, e.target.value as KbnnColumnRole | 'ignore')}>
                  <option value="ignore">(bỏ qua)</option>
                  {KBNN_COLUMN_ROLES.map((r) => (
                    <option key={r} value={r}>
                      {KBNN_ROLE_LABELS[r]}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {preview.noop ? <div className="hint-banner">{preview.noop}</div> : null}
          <div className="import-actions">
            <button type="button" className="primary" disabled={!preview.canCommit || busy} onClick={() => void commit()}>
              Ghi {preview.lines.length} dòng vào sổ
            </button>{' '}
            <button type="button" onClick={onClose}>
              Đóng
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
