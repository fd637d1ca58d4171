import { useEffect, useMemo, useState } from 'react';
import type { DistrictOption } from '../../shared/api/office';
import { formatDateVi } from '../../shared/format/date';
import { api } from '../api/client';

interface SignerDraft {
  name: string;
  title: string;
}

/** The roles an office needs to issue both kinds of document: QĐ-UBND (UBND chair, vice-chair) and NQ-HĐND (HĐND chair). */
const DEFAULT_SIGNER_TITLES = ['Chủ tịch UBND huyện', 'Phó Chủ tịch UBND huyện', 'Chủ tịch HĐND huyện'];

const COMMUNE_SAMPLE = '06046';

/** First run: choose the district, name the office and its signers — or try the sample data. */
export function SetupScreen({ onDone }: { onDone: () => Promise<void> }) {
  const [districts, setDistricts] = useState<DistrictOption[]>([]);
  const [districtCode, setDistrictCode] = useState('');
  const [name, setName] = useState('');
  const [nameTouched, setNameTouched] = useState(false);
  const [signers, setSigners] = useState<SignerDraft[]>(DEFAULT_SIGNER_TITLES.map((title) => ({ name: '', title })));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.invoke('office.districts', {}).then((r) => (r.ok ? setDistricts(r.value) : setError(r.error.message)));
  }, []);

  const district = useMemo(() => districts.find((d) => d.code === districtCode), [districts, districtCode]);
  const shownName = nameTouched ? name : (district?.defaultOfficeName ?? '');
  const communes = districts.filter((d) => d.level === 'xa');
  const oldDistricts = districts.filter((d) => d.level === 'huyen');

  /** The signer titles not yet typed over follow the level: "Chủ tịch UBND huyện" ↔ "Chủ tịch UBND xã". */
  function chooseUnit(code: string) {
    setDistrictCode(code);
    const word = districts.find((d) => d.code === code)?.level === 'xa' ? 'xã' : 'huyện';
    setSigners((list) => list.map((s) => (/ (huyện|xã)$/.test(s.title) && s.name === '' ? { ...s, title: s.title.replace(/ (huyện|xã)$/, ` ${word}`) } : s)));
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await api.invoke('office.setup', {
      districtCode,
      name: shownName,
      signers: signers.filter((s) => s.name.trim() !== ''),
    });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    await onDone();
  }

  /** The commune sample is Xã Tràng Định's (06046): its office is made first, then filled; the district sample makes its own. */
  async function seedDemo() {
    setBusy(true);
    setError(null);
    if (district?.level === 'xa') {
      const office = await api.invoke('office.setup', { districtCode: COMMUNE_SAMPLE, signers: [] });
      if (!office.ok) {
        setBusy(false);
        return setError(office.error.message);
      }
    }
    const result = await api.invoke('demo.seed', {});
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    window.location.hash = `#/von-duoc-giao/${result.value.year}`;
    await onDone();
  }

  const updateSigner = (index: number, patch: Partial<SignerDraft>) =>
    setSigners((list) => list.map((s, i) => (i === index ? { ...s, ...patch } : s)));

  return (
    <div className="setup">
      <form className="setup-card" onSubmit={submit} aria-labelledby="setup-title">
        <h1 id="setup-title">Thiết lập lần đầu</h1>
        <p className="muted">
          Chọn xã, phường của văn phòng (từ 01/07/2025), hoặc huyện để giữ sổ đến 30/06/2025. Danh mục chương trình và đơn vị hành chính tỉnh Lạng Sơn đã có sẵn.
        </p>

        <label className="field">
          <span>Huyện hoặc xã, phường</span>
          <select value={districtCode} onChange={(e) => chooseUnit(e.target.value)} required aria-label="Huyện hoặc xã, phường">
            <option value="">— Chọn đơn vị —</option>
            <optgroup label="Cấp xã, phường (từ 01/07/2025)">
              {communes.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.code}){d.formedFrom ? ` — từ ${d.formedFrom}` : ''}
                </option>
              ))}
            </optgroup>
            <optgroup label="Cấp huyện (đến 30/06/2025)">
              {oldDistricts.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name} ({d.code})
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        {district?.level === 'xa' ? (
          <p className="pilot-note" data-testid="level-note">
            {`${district.levelName}, hoạt động từ ${district.validFrom ? formatDateVi(district.validFrom) : ''}`}
            {district.formedFrom ? `; hình thành từ ${district.formedFrom}` : ''}. Sổ dùng Chương trình MTQG giai đoạn 2026 - 2035 và vốn 2021 - 2025 còn kéo dài.
          </p>
        ) : district ? (
          <p className={district.pilot ? 'pilot-note pilot-yes' : 'pilot-note'} data-testid="pilot-flag">
            {district.pilot
              ? `Huyện thí điểm phân cấp theo NQ 111/2024/QH15 — ${district.pilotBasis}`
              : 'Không thuộc diện thí điểm phân cấp theo NQ 111/2024/QH15.'}
            {district.validTo ? ` Cấp huyện hoạt động đến ${formatDateVi(district.validTo)}.` : ''}
          </p>
        ) : null}

        <label className="field">
          <span>Tên văn phòng</span>
          <input
            aria-label="Tên văn phòng"
            value={shownName}
            onChange={(e) => {
              setNameTouched(true);
              setName(e.target.value);
            }}
          />
        </label>

        <fieldset className="signers">
          <legend>Người ký</legend>
          {signers.map((s, i) => (
            <div className="signer-row" key={i}>
              <input aria-label={`Họ tên người ký ${i + 1}`} placeholder="Họ và tên" value={s.name} onChange={(e) => updateSigner(i, { name: e.target.value })} />
              <input aria-label={`Chức danh người ký ${i + 1}`} placeholder="Chức danh" value={s.title} onChange={(e) => updateSigner(i, { title: e.target.value })} />
            </div>
          ))}
          <button type="button" className="link-button" onClick={() => setSigners((l) => [...l, { name: '', title: '' }])}>
            + Thêm người ký
          </button>
          <p className="muted">Người ký chưa nhập tên có thể thêm, sửa chức danh hoặc cho thôi ký sau, ở màn hình Cài đặt.</p>
        </fieldset>

        {error ? (
          <p className="error-banner" role="alert">
            {error}
          </p>
        ) : null}

        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !districtCode}>
            Bắt đầu sử dụng
          </button>
          <button type="button" disabled={busy} onClick={seedDemo}>
            {district?.level === 'xa' ? 'Tạo dữ liệu mẫu (Xã Tràng Định 2026)' : 'Tạo dữ liệu mẫu (Tràng Định 2024)'}
          </button>
        </div>
      </form>
    </div>
  );
}
