import { useCallback, useEffect, useState } from 'react';
import type { Signer, SignerList } from '../../../shared/api/office';
import type { SignerRoleCode } from '../../../shared/domain/signers';
import { formatDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';

interface RowDraft {
  name: string;
  title: string;
  roleCode: SignerRoleCode | '';
}

const draftOf = (s: Signer): RowDraft => ({ name: s.name, title: s.title, roleCode: s.roleCode ?? '' });

/**
 * The office's signers on Cài đặt: add one, change a title or role, retire or bring back. Issued decisions keep
 * the name and title they were issued with, so a change here only applies to the decisions issued from now on.
 */
export function SignersPanel({ onChanged }: { onChanged: () => Promise<void> }) {
  const [list, setList] = useState<SignerList | null>(null);
  const [drafts, setDrafts] = useState<Record<number, RowDraft>>({});
  const [adding, setAdding] = useState<RowDraft>({ name: '', title: '', roleCode: '' });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    const result = await api.invoke('signers.list', {});
    if (!result.ok) return setError(result.error.message);
    setList(result.value);
    setDrafts(Object.fromEntries(result.value.signers.map((s) => [s.id, draftOf(s)])));
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const run = async (action: () => Promise<{ ok: true; value: Signer } | { ok: false; error: { message: string } }>, done: (s: Signer) => string) => {
    setBusy(true);
    const result = await action();
    setBusy(false);
    if (!result.ok) {
      setNotice(null);
      return setError(result.error.message);
    }
    setError(null);
    setNotice(done(result.value));
    await reload();
    await onChanged();
  };

  const roleName = (code: SignerRoleCode | null) => list?.roles.find((r) => r.code === code)?.name ?? 'Chưa gán vai trò';
  const changed = (s: Signer) => {
    const d = drafts[s.id];
    return d !== undefined && (d.name.trim() !== s.name || d.title.trim() !== s.title || d.roleCode !== (s.roleCode ?? ''));
  };

  const save = (s: Signer) => {
    const d = drafts[s.id]!;
    const patch = {
      ...(d.name.trim() !== s.name ? { name: d.name } : {}),
      ...(d.title.trim() !== s.title ? { title: d.title } : {}),
      ...(d.roleCode !== '' && d.roleCode !== s.roleCode ? { roleCode: d.roleCode } : {}),
    };
    void run(() => api.invoke('signers.update', { id: s.id, patch }), (after) => `Đã lưu người ký ${after.name} — ${after.title}. Các văn bản đã ban hành giữ nguyên người ký lúc ban hành.`);
  };

  const add = (event: React.FormEvent) => {
    event.preventDefault();
    if (adding.roleCode === '') return setError('Chọn vai trò ký của người ký mới (Chủ tịch, Phó Chủ tịch UBND hoặc HĐND).');
    const roleCode = adding.roleCode;
    void run(
      () => api.invoke('signers.add', { name: adding.name, title: adding.title, roleCode }),
      (s) => {
        setAdding({ name: '', title: '', roleCode: '' });
        return `Đã thêm người ký ${s.name} — ${s.title}.`;
      },
    );
  };

  const setDraft = (id: number, patch: Partial<RowDraft>) => setDrafts((all) => ({ ...all, [id]: { ...all[id]!, ...patch } }));

  return (
    <div className="signers-panel" data-testid="signers-panel">
      <p className="help muted">
        Nghị quyết HĐND do Chủ tịch HĐND ký (Phó Chủ tịch HĐND ký thay: KT. CHỦ TỊCH); quyết định UBND do Chủ tịch UBND hoặc Phó Chủ tịch UBND (KT. CHỦ TỊCH) ký. Thay đổi ở
        đây chỉ áp dụng cho văn bản ban hành sau; văn bản đã ban hành giữ người ký lúc ban hành.
      </p>
      {error ? (
        <p className="error-banner" role="alert">
          {error}
        </p>
      ) : null}
      {notice ? (
        <p className="hint-banner" role="status">
          {notice}
        </p>
      ) : null}
      <table className="list-table signers-table" aria-label="Người ký">
        <thead>
          <tr>
            <th>Họ và tên</th>
            <th>Chức danh</th>
            <th>Vai trò ký</th>
            <th>Tình trạng</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list?.signers.map((s) => {
            const d = drafts[s.id] ?? draftOf(s);
            return (
              <tr key={s.id} data-testid={`signer-${s.id}`} className={s.retiredOn ? 'muted' : undefined}>
                <td>
                  <input aria-label={`Họ tên người ký ${s.name}`} value={d.name} disabled={busy} onChange={(e) => setDraft(s.id, { name: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`Chức danh của ${s.name}`} value={d.title} disabled={busy} onChange={(e) => setDraft(s.id, { title: e.target.value })} />
                </td>
                <td>
                  <select aria-label={`Vai trò ký của ${s.name}`} value={d.roleCode} disabled={busy} onChange={(e) => setDraft(s.id, { roleCode: e.target.value as SignerRoleCode })}>
                    {s.roleCode === null ? <option value="">— Chưa gán —</option> : null}
                    {list.roles.map((r) => (
                      <option key={r.code} value={r.code}>
                        {r.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {s.retiredOn ? `Thôi ký từ ${formatDateVi(s.retiredOn)}` : s.roleCode === null ? 'Chưa ký được: chọn vai trò' : `Đang ký (${roleName(s.roleCode)})`}
                  {s.sample ? <span className="badge badge-draft signer-sample">mẫu</span> : null}
                </td>
                <td className="signer-actions">
                  <button type="button" className="primary" disabled={busy || !changed(s) || d.name.trim() === '' || d.title.trim() === ''} onClick={() => save(s)}>
                    Lưu
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    onClick={() =>
                      void run(
                        () => api.invoke('signers.retire', { id: s.id, retired: s.retiredOn === null }),
                        (after) => (after.retiredOn ? `${after.name} thôi ký; không còn được chọn khi ban hành.` : `${after.name} ký lại được.`),
                      )
                    }
                  >
                    {s.retiredOn ? 'Cho ký lại' : 'Thôi ký'}
                  </button>
                </td>
              </tr>
            );
          })}
          {list && list.signers.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                Chưa có người ký: chưa ban hành được văn bản nào. Thêm người ký dưới đây.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <form className="inline-form" onSubmit={add} aria-label="Thêm người ký">
        <input aria-label="Họ tên người ký mới" placeholder="Họ và tên" value={adding.name} required disabled={busy} onChange={(e) => setAdding({ ...adding, name: e.target.value })} />
        <select
          aria-label="Vai trò ký của người ký mới"
          value={adding.roleCode}
          disabled={busy}
          onChange={(e) => {
            const role = list?.roles.find((r) => r.code === e.target.value);
            // The role proposes its usual title; a title already typed is kept.
            setAdding({ ...adding, roleCode: e.target.value as SignerRoleCode, title: adding.title.trim() === '' && role ? role.defaultTitle : adding.title });
          }}
        >
          <option value="">— Vai trò ký —</option>
          {list?.roles.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </select>
        <input aria-label="Chức danh người ký mới" placeholder="Chức danh" value={adding.title} required disabled={busy} onChange={(e) => setAdding({ ...adding, title: e.target.value })} />
        <button type="submit" disabled={busy}>
          Thêm người ký
        </button>
      </form>
    </div>
  );
}
