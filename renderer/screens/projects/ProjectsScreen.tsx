import { useCallback, useEffect, useState } from 'react';
import type { InvestmentProject, Organization, ProjectStatus, RecipientOption } from '../../../shared/api/registers';
import { formatDateVi, parseDateVi } from '../../../shared/format/date';
import { formatAmount } from '../../../shared/money/dong';
import { api } from '../../api/client';
import { MessageArea } from '../../kit/MessageArea';
import { todayInVietnam } from '../../../shared/format/today';

const STATUS_LABELS: Record<ProjectStatus, string> = { chuan_bi: 'Chuẩn bị đầu tư', thuc_hien: 'Đang thực hiện', hoan_thanh: 'Hoàn thành', tam_dung: 'Tạm dừng' };

const EMPTY_FORM = { code: '', name: '', communeCode: '', investorId: '', total: '', approvalNumber: '', approvalDate: '', special: false };

/** Danh mục dự án ĐTPT: the investment projects ĐTPT lines may reference (NQ 111 special mechanism flagged). */
export function ProjectsScreen() {
  const [projects, setProjects] = useState<InvestmentProject[]>([]);
  const [investors, setInvestors] = useState<Organization[]>([]);
  const [communes, setCommunes] = useState<RecipientOption[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [form, setForm] = useState(EMPTY_FORM);

  const reload = useCallback(async () => {
    const [p, o] = await Promise.all([api.invoke('projects.list', {}), api.invoke('organizations.list', {})]);
    if (p.ok) setProjects(p.value);
    if (o.ok) setInvestors(o.value.filter((x) => x.kind === 'investor'));
  }, []);
  useEffect(() => {
    void reload();
    // The district's communes, old and new: a project keeps the commune it was approved in.
    void api.invoke('recipients.list', { date: todayInVietnam() }).then((r) => r.ok && setCommunes(r.value.filter((x) => x.kind === 'commune')));
  }, [reload]);

  const save = async () => {
    const approvalDate = form.approvalDate.trim() ? parseDateVi(form.approvalDate) : null;
    if (form.approvalDate.trim() && !approvalDate) return setError(`Ngày phê duyệt "${form.approvalDate}" không hợp lệ; nhập dd/mm/yyyy.`);
    const result = await api.invoke('projects.create', {
      code: form.code,
      name: form.name,
      ...(form.communeCode ? { communeCode: form.communeCode } : {}),
      ...(form.investorId ? { investorId: Number(form.investorId) } : {}),
      ...(form.total.trim() ? { totalInvestment: { text: form.total, unit: 'trieu' as const } } : {}),
      approvalNumber: form.approvalNumber,
      approvalDate,
      specialMechanism: form.special,
    });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setInfo(`Đã thêm dự án ${result.value.code}.`);
    setForm(EMPTY_FORM);
    void reload();
  };

  const setStatus = async (id: number, status: ProjectStatus) => {
    const result = await api.invoke('projects.update', { id, patch: { status } });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setInfo('Đã cập nhật tình trạng dự án.');
    void reload();
  };

  return (
    <section className="screen">
      <header className="screen-header">
        <h1>Danh mục dự án đầu tư phát triển</h1>
      </header>
      <MessageArea error={error} info={info} />
      <div className="inline-form" role="group" aria-label="Dự án mới">
        <input aria-label="Mã dự án" placeholder="Mã dự án" value={form.code} onChange={(e) => setForm({ ...form, code: e.target.value })} size={12} />
        <input aria-label="Tên dự án" placeholder="Tên dự án" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} className="grow" />
        <select aria-label="Xã" value={form.communeCode} onChange={(e) => setForm({ ...form, communeCode: e.target.value })}>
          <option value="">— xã —</option>
          {communes.map((c) => (
            <option key={`${c.code}-${c.id}`} value={c.code!}>
              {c.name}
              {c.validOnDate ? '' : ' (trước sắp xếp)'}
            </option>
          ))}
        </select>
        <select aria-label="Chủ đầu tư" value={form.investorId} onChange={(e) => setForm({ ...form, investorId: e.target.value })}>
          <option value="">— chủ đầu tư —</option>
          {investors.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <input aria-label="Tổng mức đầu tư (triệu đồng)" placeholder="Tổng mức đầu tư (triệu)" value={form.total} onChange={(e) => setForm({ ...form, total: e.target.value })} size={14} />
        <input aria-label="Quyết định phê duyệt" placeholder="Số QĐ phê duyệt" value={form.approvalNumber} onChange={(e) => setForm({ ...form, approvalNumber: e.target.value })} size={14} />
        <input aria-label="Ngày phê duyệt" placeholder="dd/mm/yyyy" value={form.approvalDate} onChange={(e) => setForm({ ...form, approvalDate: e.target.value })} size={11} />
        <label>
          <input type="checkbox" checked={form.special} onChange={(e) => setForm({ ...form, special: e.target.checked })} /> Cơ chế đặc thù (NQ 111)
        </label>
        <button type="button" className="primary" onClick={() => void save()}>
          Thêm dự án
        </button>
      </div>
      <table className="list-table" aria-label="Danh mục dự án">
        <thead>
          <tr>
            <th>Mã</th>
            <th>Tên dự án</th>
            <th>Xã</th>
            <th>Chủ đầu tư</th>
            <th className="num">Tổng mức đầu tư (triệu đồng)</th>
            <th>Quyết định phê duyệt</th>
            <th>Cơ chế đặc thù</th>
            <th>Tình trạng</th>
          </tr>
        </thead>
        <tbody>
          {projects.map((p) => (
            <tr key={p.id} data-testid={`project-${p.code}`}>
              <td>{p.code}</td>
              <td className="summary-cell">{p.name}</td>
              <td>{p.communeName ?? ''}</td>
              <td>{p.investorName ?? ''}</td>
              <td className="num">{formatAmount(p.totalInvestmentDong, 'trieu')}</td>
              <td>{p.approvalNumber ? `${p.approvalNumber}${p.approvalDate ? ` ngày ${formatDateVi(p.approvalDate)}` : ''}` : ''}</td>
              <td>{p.specialMechanism ? 'Có' : ''}</td>
              <td>
                <select aria-label={`Tình trạng dự án ${p.code}`} value={p.status} onChange={(e) => void setStatus(p.id, e.target.value as ProjectStatus)}>
                  {(Object.keys(STATUS_LABELS) as ProjectStatus[]).map((s) => (
                    <option key={s} value={s}>
                      {STATUS_LABELS[s]}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
