/** The signature of a printed report: the signer chosen on the toolbar (or the core's default) and the report's number. */
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportSignature } from '../../shared/print/document';
import { api } from '../api/client';

/** Reads ?signer=ID&so=NUMBER and asks the core who signs; null while it answers. */
export function useReportSignature(): { signature: ReportSignature | null; error: string | null } {
  const [search] = useSearchParams();
  const signer = search.get('signer');
  const number = search.get('so') ?? '';
  const [signature, setSignature] = useState<ReportSignature | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api
      .invoke('print.reportSignature', { ...(signer && /^\d+$/.test(signer) ? { signerId: Number(signer) } : {}), ...(/^\d+$/.test(number) ? { number } : {}) })
      .then((r) => (r.ok ? setSignature(r.value) : setError(r.error.message)));
  }, [signer, number]);
  return { signature, error };
}

/** Signer and number, chosen above the printed report (not printed). */
export function SignatureChoice({ signature }: { signature: ReportSignature }) {
  const [search, setSearch] = useSearchParams();
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };
  return (
    <>
      <label>
        Người ký{' '}
        <select aria-label="Người ký" value={signature.signerId ?? ''} onChange={(e) => set('signer', e.target.value)}>
          {signature.signers.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} — {s.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Số báo cáo{' '}
        <input aria-label="Số báo cáo" className="year-input" inputMode="numeric" defaultValue={search.get('so') ?? ''} onBlur={(e) => set('so', e.target.value.replace(/\D/g, ''))} />
      </label>
    </>
  );
}

export function ReportSignatureBlock({ signature }: { signature: ReportSignature }) {
  return (
    <table className="signature-block">
      <tbody>
        <tr>
          <td className="recipients" />
          <td className="signer">
            {signature.authority ? <div className="strong">{signature.authority}</div> : null}
            {signature.role.map((r, i) => (
              <div key={i} className="strong">
                {r}
              </div>
            ))}
            <div className="signature-space" />
            <div className="strong">{signature.name}</div>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
