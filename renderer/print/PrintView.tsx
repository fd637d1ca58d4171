import '@fontsource/tinos/400.css';
import '@fontsource/tinos/700.css';
import '@fontsource/tinos/400-italic.css';
import '@fontsource/tinos/700-italic.css';
import './print.css';
import './paged.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ANNEX_KINDS, type AnnexKind, type PrintDocument } from '../../shared/print/document';
import type { MoneyUnit } from '../../shared/money/dong';
import { api } from '../api/client';
import { UnitSelect } from '../grid/UnitSelect';
import { downloadBase64 } from '../kit/files';
import { decisionSections } from './decision-sections';
import { DecisionWordingPanel } from './DecisionWordingPanel';
import { PagedDocument } from './PagedDocument';
import { usePrintAction } from './print-action';
import { MessageArea } from '../kit/MessageArea';

const ANNEX_LABELS: Record<AnnexKind, string> = {
  tong_hop: 'Tổng hợp',
  theo_xa: 'Chi tiết theo xã, đơn vị',
  dieu_chinh: 'Điều chỉnh',
  du_an: 'Danh mục dự án',
  du_toan_sn: 'Dự toán chi thường xuyên theo đơn vị',
};

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Print preview of a decision: exactly what prints — the decision's text on A4 portrait, then each annex on its own
 * sheets (Nghị định 30/2020) — with the choice of annexes, unit, orientation, and the Word and Excel files.
 */
export function PrintView() {
  const params = useParams();
  const navigate = useNavigate();
  const [search, setSearch] = useSearchParams();
  const id = Number(params.id);
  const unit = (['dong', 'nghin', 'trieu'].includes(search.get('unit') ?? '') ? search.get('unit') : 'trieu') as MoneyUnit;
  const orientation = search.get('orientation') === 'portrait' ? 'portrait' : 'landscape';
  const withBody = search.get('body') !== '0';
  const annexParam = search.get('annexes');
  const annexes = annexParam ? (annexParam.split(',').filter((a) => (ANNEX_KINDS as readonly string[]).includes(a)) as AnnexKind[]) : undefined;
  // A province's forms (templates in the data folder), by key.
  const templatesParam = search.get('templates');
  const templates = templatesParam ? templatesParam.split(',').filter((t) => /^[a-z0-9_-]+$/.test(t)) : [];
  const [doc, setDoc] = useState<PrintDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const [editing, setEditing] = useState(false);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    setDoc(null);
    setReady(false);
    void api
      .invoke('print.decision', { id, unit, orientation, body: withBody, ...(annexes && annexes.length ? { annexes } : {}), ...(templates.length ? { templates } : {}) })
      .then((r) => (r.ok ? setDoc(r.value) : setError(r.error.message)));
  }, [id, unit, orientation, annexParam, templatesParam, withBody, version]);

  const sections = useMemo(() => (doc ? decisionSections(doc) : []), [doc]);
  const onReady = useCallback(() => setReady(true), []);
  usePrintAction(ready, doc ? `${withBody ? '' : 'phu-luc-'}${doc.fileStem}.pdf` : null);

  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    next.set(key, value);
    setSearch(next);
  };
  const chosen = new Set(doc?.annexes.map((a) => a.kind) ?? []);
  const annexInput = { ...(annexes && annexes.length ? { annexes } : {}), ...(templates.length ? { templates } : {}) };

  const download = async (format: 'docx' | 'xlsx') => {
    setMessage(null);
    const r = format === 'docx' ? await api.invoke('print.decisionDocx', { id, unit, ...annexInput }) : await api.invoke('print.annexWorkbook', { id, unit, orientation, ...annexInput });
    if (!r.ok) return setMessage(r.error.message);
    downloadBase64(r.value.fileName, r.value.base64, format === 'docx' ? DOCX_TYPE : undefined);
  };

  if (error) return <MessageArea error={error} />;
  if (!doc) return <p className="muted">Đang dựng bản in…</p>;
  return (
    <div className={`print-root ${doc.orientation}`} data-ready={ready ? 'true' : 'false'}>
      {/* The sheets carry their own margins and page numbers: the page box has none. */}
      <style>{'@page { size: A4 portrait; margin: 0; @top-center { content: none; } } @page landscape { size: A4 landscape; margin: 0; @top-center { content: none; } }'}</style>
      <div className="print-toolbar no-print">
        <button type="button" className="link-button" onClick={() => navigate(-1)}>
          ← Quay lại
        </button>
        <label>
          <input type="checkbox" checked={withBody} onChange={(e) => set('body', e.target.checked ? '1' : '0')} /> Toàn văn
        </label>
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
        <select aria-label="Khổ giấy phụ lục" value={orientation} onChange={(e) => set('orientation', e.target.value)}>
          <option value="landscape">Phụ lục A4 ngang</option>
          <option value="portrait">Phụ lục A4 dọc</option>
        </select>
        {doc.body && doc.draft ? (
          <button type="button" onClick={() => setEditing((v) => !v)} aria-expanded={editing}>
            Lời văn…
          </button>
        ) : null}
        <button type="button" className="primary" onClick={() => window.print()}>
          In…
        </button>
        {api.savePdf ? (
          <button type="button" onClick={() => void api.savePdf!(`${withBody ? '' : 'phu-luc-'}${doc.fileStem}.pdf`)}>
            Lưu PDF…
          </button>
        ) : null}
        <button type="button" onClick={() => void download('docx')}>
          Word
        </button>
        <button type="button" onClick={() => void download('xlsx')}>
          Excel
        </button>
      </div>
      {message ? (
        <div className="error-banner no-print" role="alert">
          {message}
        </div>
      ) : null}
      {editing ? <DecisionWordingPanel decisionId={id} issuer={doc.body?.docType === 'NGHỊ QUYẾT' ? 'HDND' : 'UBND'} onSaved={() => setVersion((v) => v + 1)} /> : null}
      <PagedDocument sections={sections} onReady={onReady} />
    </div>
  );
}
