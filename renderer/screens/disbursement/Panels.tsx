import { useCallback, useEffect, useState } from 'react';
import { BENCHMARK_SCOPE_LABELS, BENCHMARK_SCOPES, DEADLINE_STATUS_LABELS, EXTENSION_AUTHORITIES, EXTENSION_AUTHORITY_LABELS, type Benchmark, type BenchmarkScope, type Deadlines, type Extension, type ExtensionAuthority, type Pacing } from '../../../shared/api/disbursement';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { basisPointsText, parsePercentBp } from '../../../shared/format/rate';
import { type MoneyUnit } from '../../../shared/money/dong';
import { columnFormatter } from '../../../shared/money/column-decimals';
import { api } from '../../api/client';
import { MessageArea } from '../../kit/MessageArea';
import { capitalTypeLabel } from '../../../shared/format/labels';

type Say = (error: string | null, info?: string | null) => void;

function useStatus(): [string | null, string | null, Say] {
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  return [error, info, useCallback((e: string | null, i: string | null = null) => (setError(e), setInfo(i)), [])];
}

/** Vốn kéo dài & thời hạn: each origin year's money with its deadline, the extension records, the warning window. */
export function CarryOverPanel({ year, asOf, unit }: { year: number; asOf: string; unit: MoneyUnit }) {
  const [data, setData] = useState<Deadlines | null>(null);
  const [extensions, setExtensions] = useState<Extension[]>([]);
  const [error, info, say] = useStatus();
  const [form, setForm] = useState({ from: String(year - 1), to: String(year - 1), authority: 'TTG' as ExtensionAuthority, number: '', date: '', deadline: '', note: '' });
  const reload = useCallback(async () => {
    const [d, e] = await Promise.all([api.invoke('disbursement.deadlines', { year, asOf }), api.invoke('extensions.list', {})]);
    if (d.ok) setData(d.value);
    else say(d.error.message);
    if (e.ok) setExtensions(e.value);
  }, [asOf, say, year]);
  useEffect(() => void reload(), [reload]);

  const create = async () => {
    const date = parseDateVi(form.date);
    const deadline = parseDateVi(form.deadline);
    if (!date || !deadline) return say('Ngày quyết định và hạn mới phải có dạng dd/mm/yyyy.');
    const result = await api.invoke('extensions.create', {
      originYearFrom: Number(form.from),
      originYearTo: Number(form.to),
      authority: form.authority,
      decisionNumber: form.number,
      decisionDate: date,
      newDeadline: deadline,
      note: form.note,
    });
    if (!result.ok) return say(result.error.message);
    say(null, `Đã ghi quyết định kéo dài ${result.value.decisionNumber}.`);
    await reload();
  };

  // One number of decimals per amount column.
  const rows = data?.rows ?? [];
  const planFormat = columnFormatter(rows.map((r) => r.planDong), unit);
  const disbursedFormat = columnFormatter(rows.map((r) => r.disbursedDong), unit);
  const remainingFormat = columnFormatter(rows.map((r) => r.remainingDong), unit);
  return (
    <div>
      <MessageArea error={error} info={info} />
      <table className="list-table" aria-label="Vốn theo năm nguồn và thời hạn giải ngân">
        <thead>
          <tr>
            <th>Vốn năm</th>
            <th>Chương trình</th>
            <th>Nguồn · loại</th>
            <th>Kế hoạch</th>
            <th>Đã giải ngân</th>
            <th>Tỷ lệ</th>
            <th>Còn lại</th>
            <th>Hạn giải ngân</th>
            <th>Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {(data?.rows ?? []).map((r) => (
            <tr key={`${r.originYear}-${r.programCode}-${r.sourceCode}-${r.capitalType}`} className={`status-${r.status}`} data-testid={`deadline-${r.originYear}-${r.programCode}-${r.sourceCode}-${r.capitalType}`}>
              <td>{r.originYear}</td>
              <td>{r.programCode}</td>
              <td>
                {r.sourceCode} · {capitalTypeLabel(r.capitalType)}
              </td>
              <td className="num">{planFormat(r.planDong)}</td>
              <td className="num">{disbursedFormat(r.disbursedDong)}</td>
              <td className="num">{r.rateText}</td>
              <td className="num">{remainingFormat(r.remainingDong)}</td>
              <td title={r.deadlineBasis}>{formatDateVi(r.deadline)}</td>
              <td className="badge-status">
                {DEADLINE_STATUS_LABELS[r.status]}
                {r.status === 'sap_het_han' || r.status === 'con_han' ? ` (còn ${r.daysLeft} ngày)` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted help">
        Vốn năm N được giải ngân đến 31/01 năm N+1; quyết định kéo dài đưa hạn tối đa đến 31/12 năm N+1; muộn hơn cần nghị quyết của Quốc hội (NQ 108/2023/QH15, NQ 257/2025/QH15). Cảnh báo trước hạn{' '}
        <input
          aria-label="Số ngày cảnh báo trước hạn"
          size={3}
          key={data?.warnDays}
          defaultValue={data?.warnDays ?? 30}
          onBlur={(e) => {
            const days = Number(e.target.value);
            if (!Number.isInteger(days) || days < 0 || days > 366) return say('Số ngày cảnh báo phải là số nguyên từ 0 đến 366.');
            if (days !== data?.warnDays) void api.invoke('disbursement.setWarnDays', { warnDays: days }).then(() => reload());
          }}
        />{' '}
        ngày.
      </p>
      <h2 className="section-title">Quyết định kéo dài</h2>
      <table className="list-table" aria-label="Quyết định kéo dài">
        <thead>
          <tr>
            <th>Vốn năm</th>
            <th>Phạm vi</th>
            <th>Cơ quan</th>
            <th>Quyết định</th>
            <th>Hạn mới</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {extensions.map((e) => (
            <tr key={e.id}>
              <td>{e.originYearFrom === e.originYearTo ? e.originYearFrom : `${e.originYearFrom}–${e.originYearTo}`}</td>
              <td>{[e.programCode, e.sourceCode, e.capitalType, e.projectCode].filter(Boolean).join(' · ') || 'Toàn bộ'}</td>
              <td>{EXTENSION_AUTHORITY_LABELS[e.authority]}</td>
              <td>
                {e.decisionNumber} ngày {formatDateVi(e.decisionDate)}
              </td>
              <td>{formatDateVi(e.newDeadline)}</td>
              <td>
                <button type="button" className="link-button" onClick={() => void api.invoke('extensions.delete', { id: e.id }).then((r) => (r.ok ? reload() : say(r.error.message)))}>
                  Xoá
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="form-grid" aria-label="Quyết định kéo dài mới">
        <label>
          Vốn từ năm
          <input aria-label="Vốn từ năm" size={5} value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </label>
        <label>
          đến năm
          <input aria-label="Vốn đến năm" size={5} value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </label>
        <label>
          Cơ quan quyết định
          <select aria-label="Cơ quan quyết định" value={form.authority} onChange={(e) => setForm({ ...form, authority: e.target.value as ExtensionAuthority })}>
            {EXTENSION_AUTHORITIES.map((a) => (
              <option key={a} value={a}>
                {EXTENSION_AUTHORITY_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Số văn bản
          <input aria-label="Số văn bản kéo dài" size={26} value={form.number} onChange={(e) => setForm({ ...form, number: e.target.value })} />
        </label>
        <label>
          Ngày văn bản
          <input aria-label="Ngày văn bản kéo dài" size={11} placeholder="dd/mm/yyyy" value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </label>
        <label>
          Hạn giải ngân mới
          <input aria-label="Hạn giải ngân mới" size={11} placeholder="dd/mm/yyyy" value={form.deadline} onChange={(e) => setForm({ ...form, deadline: e.target.value })} />
        </label>
        <button type="button" className="primary" onClick={() => void create()}>
          Ghi quyết định kéo dài
        </button>
      </fieldset>
    </div>
  );
}

/** Tiến độ theo tháng: the target curve (editable) against the actual rate at each month end. */
export function PacingPanel({ year, asOf }: { year: number; asOf: string }) {
  const [data, setData] = useState<Pacing | null>(null);
  const [texts, setTexts] = useState<string[]>([]);
  const [source, setSource] = useState('');
  const [error, info, say] = useStatus();
  const load = useCallback(
    (p: Pacing) => {
      setData(p);
      setTexts(p.months.map((m) => (m.targetBp === null ? '' : basisPointsText(m.targetBp).replace('%', ''))));
      setSource(p.source);
    },
    [],
  );
  useEffect(() => {
    void api.invoke('pacing.get', { year, asOf }).then((r) => (r.ok ? load(r.value) : say(r.error.message)));
  }, [asOf, load, say, year]);

  const save = async () => {
    const months = [];
    for (let i = 0; i < 12; i++) {
      const t = texts[i]?.trim() ?? '';
      const bp = t === '' ? null : parsePercentBp(t);
      if (t !== '' && bp === null) return say(`Tháng ${i + 1}: "${t}" không phải tỷ lệ phần trăm (ví dụ 25 hoặc 27,5).`);
      months.push({ month: i + 1, targetBp: bp });
    }
    const result = await api.invoke('pacing.save', { year, months, source });
    if (!result.ok) return say(result.error.message);
    load(result.value);
    say(null, 'Đã ghi mục tiêu giải ngân theo tháng.');
  };

  return (
    <div>
      <MessageArea error={error} info={info} />
      <table className="list-table pacing-table" aria-label="Mục tiêu và thực hiện theo tháng">
        <thead>
          <tr>
            <th>Tháng</th>
            {Array.from({ length: 12 }, (_, i) => (
              <th key={i}>{i + 1}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>Mục tiêu lũy kế (%)</th>
            {Array.from({ length: 12 }, (_, i) => (
              <td key={i}>
                <input aria-label={`Mục tiêu tháng ${i + 1}`} value={texts[i] ?? ''} onChange={(e) => setTexts(texts.map((t, j) => (j === i ? e.target.value : t)))} />
              </td>
            ))}
          </tr>
          <tr>
            <th>Thực hiện</th>
            {(data?.months ?? []).map((m) => (
              <td key={m.month} className="num" data-testid={`pacing-actual-${m.month}`}>
                {m.actual?.rateText ?? ''}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
      <div className="form-grid">
        <label>
          Nguồn của mục tiêu (kịch bản của tỉnh…)
          <input aria-label="Nguồn của mục tiêu" size={60} value={source} onChange={(e) => setSource(e.target.value)} />
        </label>
        <button type="button" className="primary" onClick={() => void save()}>
          Ghi mục tiêu
        </button>
      </div>
      <p className="muted help">Thực hiện = lũy kế giải ngân ÷ {data?.denominator.label.toLowerCase() ?? 'kế hoạch cả năm'}, tại kỳ số liệu cuối cùng của tháng.</p>
    </div>
  );
}

/** So sánh: rates typed in from official reports, with their source (province, nation, same period, other districts). */
export function BenchmarksPanel({ year, asOf }: { year: number; asOf: string }) {
  const [list, setList] = useState<Benchmark[]>([]);
  const [error, info, say] = useStatus();
  const [form, setForm] = useState({ scope: 'tinh' as BenchmarkScope, district: '', rate: '', date: formatDateVi(asOf), source: '' });
  const reload = useCallback(async () => {
    const r = await api.invoke('benchmarks.list', { year });
    if (r.ok) setList(r.value);
  }, [year]);
  useEffect(() => void reload(), [reload]);
  const create = async () => {
    const bp = parsePercentBp(form.rate);
    const date = parseDateVi(form.date);
    if (bp === null) return say(`Tỷ lệ "${form.rate}" không hợp lệ (ví dụ 35 hoặc 27,4).`);
    if (!date) return say('Ngày số liệu phải có dạng dd/mm/yyyy.');
    const result = await api.invoke('benchmarks.create', { year, asOf: date, scope: form.scope, rateBp: bp, source: form.source, ...(form.scope === 'huyen' ? { districtCode: form.district } : {}) });
    if (!result.ok) return say(result.error.message);
    say(null, 'Đã ghi số liệu so sánh.');
    await reload();
  };
  return (
    <div>
      <MessageArea error={error} info={info} />
      <table className="list-table" aria-label="Số liệu so sánh">
        <thead>
          <tr>
            <th>So sánh</th>
            <th>Đến ngày</th>
            <th>Tỷ lệ</th>
            <th>Nguồn</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list.map((b) => (
            <tr key={b.id}>
              <td>{b.scope === 'huyen' ? `${b.districtName ?? b.districtCode}${b.pilot ? ' (thí điểm)' : ''}` : BENCHMARK_SCOPE_LABELS[b.scope]}</td>
              <td>{formatDateVi(b.asOf)}</td>
              <td className="num">{b.rateText}</td>
              <td>{b.source}</td>
              <td>
                <button type="button" className="link-button" onClick={() => void api.invoke('benchmarks.delete', { id: b.id }).then(() => reload())}>
                  Xoá
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <fieldset className="form-grid" aria-label="Số liệu so sánh mới">
        <label>
          Loại
          <select aria-label="Loại so sánh" value={form.scope} onChange={(e) => setForm({ ...form, scope: e.target.value as BenchmarkScope })}>
            {BENCHMARK_SCOPES.map((s) => (
              <option key={s} value={s}>
                {BENCHMARK_SCOPE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        {form.scope === 'huyen' ? (
          <label>
            Mã huyện
            <input aria-label="Mã huyện" size={5} value={form.district} onChange={(e) => setForm({ ...form, district: e.target.value })} />
          </label>
        ) : null}
        <label>
          Tỷ lệ (%)
          <input aria-label="Tỷ lệ so sánh" size={6} value={form.rate} onChange={(e) => setForm({ ...form, rate: e.target.value })} />
        </label>
        <label>
          Đến ngày
          <input aria-label="Ngày số liệu so sánh" size={11} value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </label>
        <label>
          Nguồn (văn bản, báo cáo)
          <input aria-label="Nguồn số liệu so sánh" size={50} value={form.source} onChange={(e) => setForm({ ...form, source: e.target.value })} />
        </label>
        <button type="button" className="primary" onClick={() => void create()}>
          Ghi
        </button>
      </fieldset>
    </div>
  );
}
