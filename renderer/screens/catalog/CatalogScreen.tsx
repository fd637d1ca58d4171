import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CatalogBrowse } from '../../../shared/api/reference';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount, toDong } from '../../../shared/money/dong';
import { searchRank } from '../../../shared/text/fold';
import { api } from '../../api/client';
import { MessageArea } from '../../kit/MessageArea';

type Tab = 'programs' | 'national' | 'units' | 'sources' | 'reasons' | 'rules';

const TABS: { id: Tab; label: string }[] = [
  { id: 'programs', label: 'Chương trình, hợp phần' },
  { id: 'national', label: 'CTMTQG 2026 - 2030' },
  { id: 'units', label: 'Đơn vị hành chính' },
  { id: 'sources', label: 'Nguồn vốn, loại vốn' },
  { id: 'reasons', label: 'Lý do điều chỉnh' },
  { id: 'rules', label: 'Quy tắc kiểm tra' },
];

/** Tỷ đồng as the resolution prints them, grouped vi-VN (50.000). */
const tyDong = (v: number | null) => (v === null ? 'chưa rõ' : formatAmount(toDong(v), 'dong'));

const SEVERITY: Record<'E' | 'W' | 'I', string> = { E: 'Lỗi', W: 'Cảnh báo', I: 'Thông tin' };
const date = (iso: string | null) => (iso ? formatDateVi(iso) : '');
const validity = (from: string | null, to: string | null) => (from || to ? `${from ? `từ ${date(from)}` : ''}${from && to ? ' ' : ''}${to ? `đến ${date(to)}` : ''}` : 'đang hiệu lực');

/** A table of rows filtered by the search box (diacritics-insensitive); the count says how many match. */
function Filtered<T>({ rows, text, query, label, head, row }: { rows: T[]; text: (r: T) => string; query: string; label: string; head: ReactNode; row: (r: T, i: number) => ReactNode }) {
  const shown = useMemo(() => (query.trim() === '' ? rows : rows.filter((r) => searchRank(text(r), query) !== null)), [query, rows, text]);
  return (
    <>
      <p className="muted" role="status" aria-label={`Số dòng ${label}`}>
        {shown.length === rows.length ? `${rows.length} dòng` : `${shown.length} / ${rows.length} dòng khớp “${query}”`}
      </p>
      <table className="list-table catalog-table" aria-label={label}>
        <thead>{head}</thead>
        <tbody>{shown.map(row)}</tbody>
      </table>
    </>
  );
}

/** Danh mục: the reference data the app works with, read-only and searchable, with where each item comes from. */
export function CatalogScreen() {
  const [data, setData] = useState<CatalogBrowse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('programs');
  const [periodCode, setPeriodCode] = useState<string>('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    void api.invoke('catalog.browse', {}).then((r) => {
      if (!r.ok) return setError(r.error.message);
      setData(r.value);
      setPeriodCode((current) => current || (r.value.periods[0]?.code ?? ''));
    });
  }, []);

  const period = data?.periods.find((p) => p.code === periodCode);
  const unitName = useMemo(() => new Map((data?.adminUnits ?? []).map((u) => [`${u.dataset}|${u.code}`, u.name])), [data]);

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Danh mục</h1>
        <div className="toolbar">
          <input type="search" aria-label="Tìm trong danh mục" placeholder="Tìm mã, tên… (không cần dấu)" value={query} onChange={(e) => setQuery(e.target.value)} size={32} />
        </div>
      </header>
      <p className="muted help">Dữ liệu tham chiếu có sẵn trong ứng dụng, chỉ xem. Mỗi mục ghi văn bản làm căn cứ và thời gian hiệu lực.</p>
      <MessageArea error={error} />
      <div className="tabs" role="tablist" aria-label="Loại danh mục">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className="tab" onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {!data ? (
        <p className="muted">Đang tải…</p>
      ) : tab === 'programs' ? (
        <>
          <label>
            Giai đoạn{' '}
            <select aria-label="Giai đoạn" value={periodCode} onChange={(e) => setPeriodCode(e.target.value)}>
              {data.periods.map((p) => (
                <option key={p.code} value={p.code}>
                  {p.name} ({p.firstYear}–{p.lastYear})
                </option>
              ))}
            </select>
          </label>
          {period ? <p className="muted">Căn cứ: {period.basis}</p> : null}
          {period && period.firstYear >= 2026 && data.nationalPrograms.length > 0 ? (
            <p className="muted">
              Các chương trình mục tiêu quốc gia khác được bố trí vốn 2026 - 2030 (NQ 27/2026/QH16):{' '}
              <button type="button" className="link-button" onClick={() => setTab('national')}>
                thẻ “CTMTQG 2026 - 2030”
              </button>
              .
            </p>
          ) : null}
          <Filtered
            rows={period?.components ?? []}
            query={query}
            label="Chương trình và hợp phần"
            text={(c) => `${c.code} ${c.code.replace(/\./g, ' ')} ${c.name} ${c.levelLabel}`}
            head={
              <tr>
                <th>Mã</th>
                <th>Cấp</th>
                <th>Tên</th>
                <th>Loại vốn</th>
                <th>Văn bản</th>
              </tr>
            }
            row={(c) => (
              <tr key={c.code} className={c.parent ? 'catalog-parent' : undefined}>
                <td className="nowrap">{c.code}</td>
                <td>{c.levelLabel}</td>
                <td style={{ paddingLeft: 8 + c.depth * 14 }}>{c.name}</td>
                <td className="nowrap">{c.parent ? 'theo hạng mục con' : c.allowedCapitalTypes.replace('DTPT', 'ĐTPT').replace(',', ', ')}</td>
                <td>{c.sourceDecision}</td>
              </tr>
            )}
          />
        </>
      ) : tab === 'national' ? (
        <>
          <p className="muted help">
            Năm chương trình mục tiêu quốc gia được bố trí vốn đầu tư công trung hạn ngân sách trung ương 2026 - 2030 theo Nghị quyết 27/2026/QH16 ngày 24/04/2026 (Điều 3 khoản 1). Số vốn tính bằng tỷ đồng, chỉ vốn đầu tư phát triển NSTW (không gồm kinh phí thường xuyên, ngân sách địa phương); rê chuột vào số vốn để xem căn cứ. Danh mục nội dung chi tiết hiện chỉ có cho chương trình hợp nhất (thẻ “Chương trình, hợp phần”, giai đoạn 2026 - 2035).
          </p>
          <Filtered
            rows={data.nationalPrograms}
            query={query}
            label="Chương trình mục tiêu quốc gia 2026 - 2030"
            text={(p) => `${p.code} ${p.name} ${p.period} ${p.investmentPolicy} ${p.approvalDecision} ${p.ownerMinistry}`}
            head={
              <tr>
                <th>Mã</th>
                <th>Chương trình</th>
                <th>Giai đoạn</th>
                <th>Chủ trương đầu tư</th>
                <th>Cơ quan chủ quản</th>
                <th className="num">Vốn NSTW ĐTPT 2026 - 2030 (tỷ đồng)</th>
                <th>Độ tin cậy</th>
              </tr>
            }
            row={(p) => (
              <tr key={p.code} data-testid={`national-${p.code}`}>
                <td className="nowrap">{p.code}</td>
                <td>{p.name}</td>
                <td>{p.period}</td>
                <td>
                  {p.investmentPolicy}
                  {p.approvalDecision ? `; phê duyệt: ${p.approvalDecision}` : ''}
                </td>
                <td>{p.ownerMinistry}</td>
                <td className="num nowrap" title={p.amountBasis}>
                  {tyDong(p.nstwDtptTyDong)}
                </td>
                <td>{p.confidence}</td>
              </tr>
            )}
          />
          {data.nationalPrograms.length > 0 ? (
            <p className="muted" data-testid="national-total">
              Cộng {data.nationalPrograms.length} chương trình: {tyDong(data.nationalPrograms.reduce((a, p) => a + (p.nstwDtptTyDong ?? 0), 0))} tỷ đồng vốn NSTW ĐTPT 2026 - 2030.
            </p>
          ) : null}
        </>
      ) : tab === 'units' ? (
        <Filtered
          rows={data.adminUnits}
          query={query}
          label="Đơn vị hành chính"
          text={(u) => `${u.code} ${u.name} ${u.successors.map((s) => `${s.code} ${s.name}`).join(' ')}`}
          head={
            <tr>
              <th>Mã</th>
              <th>Tên</th>
              <th>Thuộc</th>
              <th>Hiệu lực</th>
              <th>Đơn vị kế thừa</th>
            </tr>
          }
          row={(u) => (
            <tr key={`${u.dataset}|${u.code}`}>
              <td className="nowrap">{u.code}</td>
              <td>{u.name}</td>
              <td>{u.parentCode ? (unitName.get(`${u.dataset}|${u.parentCode}`) ?? u.parentCode) : ''}</td>
              <td className="nowrap">{validity(u.validFrom, u.validTo)}</td>
              <td>
                {u.successors.length === 0
                  ? ''
                  : u.successors.map((s) => (
                      <div key={`${s.effectiveDate}${s.code}`} title={s.basis}>
                        từ {date(s.effectiveDate)}: {s.name} ({s.code})
                      </div>
                    ))}
              </td>
            </tr>
          )}
        />
      ) : tab === 'sources' ? (
        <>
          <Filtered
            rows={data.fundingSources}
            query={query}
            label="Nguồn vốn"
            text={(s) => `${s.code} ${s.name} ${s.shortName}`}
            head={
              <tr>
                <th>Mã</th>
                <th>Nguồn vốn</th>
                <th>Viết tắt</th>
                <th>Hiệu lực</th>
              </tr>
            }
            row={(s) => (
              <tr key={s.code}>
                <td>{s.code}</td>
                <td>{s.name}</td>
                <td>{s.shortName}</td>
                <td>{validity(s.validFrom, s.validTo)}</td>
              </tr>
            )}
          />
          <h2 className="section-title">Loại vốn</h2>
          <table className="list-table catalog-table" aria-label="Loại vốn">
            <tbody>
              {data.capitalTypes.map((c) => (
                <tr key={c.code}>
                  <td>{c.shortName}</td>
                  <td>{c.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : tab === 'reasons' ? (
        <Filtered
          rows={data.reasonCodes}
          query={query}
          label="Lý do điều chỉnh"
          text={(r) => `${r.code} ${r.name} ${r.basis}`}
          head={
            <tr>
              <th>Mã</th>
              <th>Lý do</th>
              <th>Căn cứ</th>
            </tr>
          }
          row={(r) => (
            <tr key={r.code}>
              <td>{r.code}</td>
              <td>{r.name}</td>
              <td>{r.basis}</td>
            </tr>
          )}
        />
      ) : (
        <Filtered
          rows={data.rules}
          query={query}
          label="Quy tắc kiểm tra"
          text={(r) => `quy tac ${r.ruleId} ${r.title} ${r.legalBasis}`}
          head={
            <tr>
              <th>Quy tắc</th>
              <th>Mức</th>
              <th>Nội dung</th>
              <th>Căn cứ pháp lý</th>
              <th>Độ chắc chắn</th>
              <th>Hiệu lực</th>
            </tr>
          }
          row={(r) => (
            <tr key={`${r.ruleId}|${r.validFrom}`}>
              <td>{r.ruleId}</td>
              <td>{SEVERITY[r.severity]}</td>
              <td>{r.title}</td>
              <td>{r.legalBasis}</td>
              <td>{r.certainty}</td>
              <td className="nowrap">{validity(r.validFrom, r.validTo)}</td>
            </tr>
          )}
        />
      )}
    </section>
  );
}
