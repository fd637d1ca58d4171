import { useCallback, useEffect, useState } from 'react';
import type { ComponentTarget } from '../../../shared/api/registers';
import type { RecurrentRow } from '../../../shared/api/recurrent';
import { api } from '../../api/client';

/** Targets (chỉ tiêu) of the program's components: rule 7 moves money only from components whose targets are done. */
export function TargetsPanel({ year, programCode, rows, onMessage }: { year: number; programCode: string; rows: RecurrentRow[]; onMessage: (m: { error?: string; info?: string }) => void }) {
  const [targets, setTargets] = useState<ComponentTarget[]>([]);
  const [componentCode, setComponentCode] = useState('');
  const [indicator, setIndicator] = useState('');
  const [unit, setUnit] = useState('');
  const [target, setTarget] = useState('');
  const [actual, setActual] = useState('');

  const reload = useCallback(async () => {
    const result = await api.invoke('targets.list', { year });
    if (result.ok) setTargets(result.value.filter((t) => t.componentCode === programCode || t.componentCode.startsWith(`${programCode}.`)));
  }, [programCode, year]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async (input: Omit<ComponentTarget, 'id' | 'componentName' | 'year'> & { id?: number }) => {
    const result = await api.invoke('targets.save', { year, ...input });
    if (!result.ok) return onMessage({ error: result.error.message });
    onMessage({ info: `Đã lưu chỉ tiêu "${result.value.indicator}" của ${result.value.componentCode}.` });
    await reload();
  };

  return (
    <details className="targets-panel">
      <summary>Chỉ tiêu của các hợp phần ({targets.length})</summary>
      <table className="history-table">
        <thead>
          <tr>
            <th>Hợp phần</th>
            <th>Chỉ tiêu</th>
            <th>Đơn vị</th>
            <th>Kế hoạch</th>
            <th>Thực hiện</th>
            <th>Hoàn thành</th>
          </tr>
        </thead>
        <tbody>
          {targets.map((t) => (
            <tr key={t.id}>
              <td>{t.componentCode}</td>
              <td>{t.indicator}</td>
              <td>{t.unit}</td>
              <td className="num">{t.targetValue}</td>
              <td className="num">{t.actualValue}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Hoàn thành: ${t.componentCode} ${t.indicator}`}
                  checked={t.complete}
                  onChange={(e) => void save({ id: t.id, componentCode: t.componentCode, indicator: t.indicator, unit: t.unit, targetValue: t.targetValue, actualValue: t.actualValue, complete: e.target.checked })}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="toolbar target-form">
        <select aria-label="Hợp phần của chỉ tiêu" value={componentCode} onChange={(e) => setComponentCode(e.target.value)}>
          <option value="">— hợp phần —</option>
          {rows.map((r) => (
            <option key={r.componentCode} value={r.componentCode}>
              {r.componentCode} — {r.componentName.slice(0, 60)}
            </option>
          ))}
        </select>
        <input aria-label="Chỉ tiêu" placeholder="Chỉ tiêu" value={indicator} onChange={(e) => setIndicator(e.target.value)} />
        <input aria-label="Đơn vị chỉ tiêu" placeholder="Đơn vị" value={unit} onChange={(e) => setUnit(e.target.value)} />
        <input aria-label="Kế hoạch" placeholder="Kế hoạch" value={target} onChange={(e) => setTarget(e.target.value)} />
        <input aria-label="Thực hiện" placeholder="Thực hiện" value={actual} onChange={(e) => setActual(e.target.value)} />
        <button
          type="button"
          disabled={!componentCode || !indicator}
          onClick={() => void save({ componentCode, indicator, unit, targetValue: target, actualValue: actual, complete: target !== '' && target === actual })}
        >
          Thêm chỉ tiêu
        </button>
      </div>
    </details>
  );
}
