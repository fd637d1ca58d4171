import '@fontsource/tinos/400.css';
import '@fontsource/tinos/700.css';
import '@fontsource/tinos/400-italic.css';
import '@fontsource/tinos/700-italic.css';
import './print.css';
import { Fragment, useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ANNEX_KINDS, type AnnexKind, type PrintAnnex, type PrintColumn, type PrintDocument } from '../../shared/print/document';
import { formatAmount, type MoneyUnit } from '../../shared/money/dong';
import { api } from '../api/client';
import { UnitSelect } from '../grid/UnitSelect';

const ANNEX_LABELS: Record<AnnexKind, string> = {
  tong_hop: 'Tổng hợp',
  theo_xa: 'Chi tiết theo xã, đơn vị',
  dieu_chinh: 'Điều chỉnh',
  du_an: 'Danh mục dự án',
  du_toan_sn: 'Dự toán chi thường xuyên theo đơn vị',
};

/** Header rows of a grouped table header: equal neighbouring labels on a level merge into one cell. */
function headerRows(columns: PrintColumn[], depth: number) {
  const rows: { label: string; colSpan: number; rowSpan: number }[][] = [];
  for (let level = 0; level < depth; level++) {
    const row: { label: string; colSpan: number; rowSpan: number }[] = [];
    for (let i = 0; i < columns.length; i++) {
      const header = columns[i]!.header;
      if (level >= header.length) continue;
      const label = header[level]!;
      const lastLevel = level === header.length - 1;
      let span = 1;
      while (!lastLevel && i + span < columns.length && columns[i + span]!.header[level] === label && columns[i + span]!.header.length > level + 1) span++;
      row.push({ label, colSpan: span, rowSpan: lastLevel ? depth - level : 1 });
      i += span - 1;
    }
    rows.push(row);
  }
  return rows;
}

function cellText(value: unknown, column: PrintColumn, unit: MoneyUnit, maxDecimals: number): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'money') return value === 0 ? '' : formatAmount(value as Parameters<typeof formatAmount>[0], unit, { maxDecimals });
  return String(value);
}

function Annex({ annex, doc, first }: { annex: PrintAnnex; doc: PrintDocument; first: boolean }) {
  return (
    <section className="annex" aria-label={annex.label}>
      <table className="doc-header">
        <tbody>
          <tr>
            <td className="doc-header-left">
              {doc.issuerLines.map((l, i) => (
                <div key={i} className="issuer strong">
                  {l}
                </div>
              ))}
              <div className="issuer-rule" />
              {first ? <div className="number-line">{doc.numberLine}</div> : null}
            </td>
            <td className="doc-header-right">
              <div className="national-title">{doc.nationalTitle}</div>
              <div className="motto underline">{doc.motto}</div>
              {first ? <div className="place-date">{doc.placeDateLine}</div> : null}
            </td>
          </tr>
        </tbody>
      </table>
      <h2 className="annex-label">{annex.label}</h2>
      <div className="annex-title">{annex.title}</div>
      <div className="attached-to">{annex.attachedTo}</div>
      <div className="unit-line">{annex.unitLine}</div>
      <table className="annex-table">
        <colgroup>
          {/* Widths are proportions: the table fills the printable width of either orientation. */}
          {annex.columns.map((c) => (
            <col key={c.key} style={{ width: `${(c.width / annex.columns.reduce((a, x) => a + x.width, 0)) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          {headerRows(annex.columns, annex.headerDepth).map((row, r) => (
            <tr key={r}>
              {row.map((h, i) => (
                <th key={i} colSpan={h.colSpan} rowSpan={h.rowSpan}>
                  {h.label}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {annex.rows.map((row, r) => (
            <tr key={r} className={[row.bold ? 'bold' : '', row.italic ? 'italic' : '', row.total ? 'total' : '', row.detail ? 'detail' : ''].join(' ')}>
              {annex.columns.map((c) => (
                <td key={c.key} className={c.kind === 'money' ? 'num' : c.kind === 'stt' ? 'stt' : 'text'} style={c.key === 'label' ? { paddingLeft: `${Math.max(row.depth, 0) * 3 + 1}mm` } : undefined}>
                  {c.key === 'stt' ? row.stt : cellText(row.cells[c.key], c, doc.unit, doc.maxDecimals)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {annex.roundingNote ? <p className="rounding-note">{annex.roundingNote}</p> : null}
      {annex.amountInWords ? <p className="in-words">{annex.amountInWords}</p> : null}
    </section>
  );
}

/** Print preview: exactly what prints (A4, Nghị định 30/2020), with the choice of annexes, unit and orientation. */
export function PrintView() {
  const params = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const id = Number(params.id);
  const unit = (['dong', 'nghin', 'trieu'].includes(search.get('unit') ?? '') ? search.get('unit') : 'trieu') as MoneyUnit;
  const orientation = search.get('orientation') === 'portrait' ? 'portrait' : 'landscape';
  const annexParam = search.get('annexes');
  const annexes = annexParam ? (annexParam.split(',').filter((a) => (ANNEX_KINDS as readonly string[]).includes(a)) as AnnexKind[]) : undefined;
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fontsReady, setFontsReady] = useState(false);

  useEffect(() => {
    setDoc(null);
    void api.invoke('print.decision', { id, unit, orientation, ...(annexes && annexes.length ? { annexes } : {}) }).then((r) => (r.ok ? setDoc(r.value) : setError(r.error.message)));
  }, [id, unit, orientation, annexParam]);
  useEffect(() => {
    if (doc) void document.fonts.ready.then(() => setFontsReady(true));
  }, [doc]);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next);
  };
  const chosen = new Set(doc?.annexes.map((a) => a.kind) ?? []);

  if (error) return <div className="error-banner" role="alert">{error}</div>;
  if (!doc) return <p className="muted">Đang dựng bản in…</p>;
  return (
    <div className={`print-root ${doc.orientation}`} data-ready={fontsReady ? 'true' : 'false'}>
      <style>{`@page { size: A4 ${doc.orientation}; }`}</style>
      <div className="print-toolbar no-print">
        <button type="button" className="link-button" onClick={() => navigate(-1)}>
          ← Quay lại
        </button>
        <span>Phụ lục:</span>
        {(doc.annexes.some((a) => a.kind === 'dieu_chinh') ? ANNEX_KINDS : ANNEX_KINDS.filter((k) => k !== 'dieu_chinh')).map((k) => (
          <label key={k}>
            <input
              type="checkbox"
              checked={chosen.has(k)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(k);
                else next.delete(k);
                if (next.size) set('annexes', ANNEX_KINDS.filter((x) => next.has(x)).join(','));
              }}
            />{' '}
            {ANNEX_LABELS[k]}
          </label>
        ))}
        <UnitSelect label="Đơn vị tính in" value={unit} onChange={(u) => set('unit', u)} />
        <select aria-label="Khổ giấy" value={orientation} onChange={(e) => set('orientation', e.target.value)}>
          <option value="landscape">A4 ngang</option>
          <option value="portrait">A4 dọc</option>
        </select>
        <button type="button" className="primary" onClick={() => window.print()}>
          In…
        </button>
        {api.savePdf ? (
          <button type="button" onClick={() => void api.savePdf!(`phu-luc-${doc.numberLine.replace(/^Số:\s*/, '').replace(/\//g, '-').trim() || doc.decisionId}.pdf`)}>
            Lưu PDF…
          </button>
        ) : null}
      </div>
      <div className="sheet">
        {doc.draft ? <div className="draft-mark">DỰ THẢO — chưa ban hành</div> : null}
        {doc.annexes.map((a, i) => (
          <Annex key={a.kind} annex={a} doc={doc} first={i === 0} />
        ))}
        <table className="signature-block">
          <tbody>
            <tr>
              <td className="recipients">
                <div className="recipients-title">Nơi nhận:</div>
                {doc.recipients.map((r, i) => (
                  <div key={i}>{r}</div>
                ))}
              </td>
              <td className="signer">
                {doc.signature.authority ? <div className="strong">{doc.signature.authority}</div> : null}
                {doc.signature.role.map((r, i) => (
                  <Fragment key={i}>
                    <div className="strong">{r}</div>
                  </Fragment>
                ))}
                <div className="signature-space" />
                <div className="strong">{doc.signature.name}</div>
              </td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}
