import { useCallback, useEffect, useState } from 'react';
import type { BackupEntry, BackupList, IntegrityReport, RestoreOutcome } from '../../../shared/api/backup';
import type { AppInfo } from '../../../shared/api/app';
import { formatDateVi } from '../../../shared/format/date';
import { api } from '../../api/client';
import { useFrame } from '../../app/AppFrame';
import { MessageArea } from '../../kit/MessageArea';
import { SignersPanel } from './SignersPanel';
import { DocumentTemplatesSection } from './DocumentTemplatesSection';

const pad = (n: number) => String(n).padStart(2, '0');

/** An ISO instant in the officer's local time: "01/03/2024 15:04:05". */
export function formatInstantVi(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function formatSize(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('vi-VN', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}

const describe = (b: BackupEntry) => `lúc ${formatInstantVi(b.takenAt)} (${b.reasonLabel})`;

function restoredMessage(outcome: RestoreOutcome): string {
  const parts = [`Đã khôi phục dữ liệu từ bản sao lưu ${describe(outcome.restoredFrom)}.`];
  if (outcome.undoBackup) parts.push(`Dữ liệu ngay trước khi khôi phục được giữ trong bản sao lưu ${describe(outcome.undoBackup)}; khôi phục bản đó nếu muốn hoàn tác.`);
  if (outcome.upgradedFrom !== null) parts.push(`Bản sao lưu đã được nâng cấp từ phiên bản dữ liệu ${outcome.upgradedFrom} lên ${outcome.schemaVersion}.`);
  return parts.join(' ');
}

/** Cài đặt & sao lưu: the office and its signers, where the data lives, backups (take, list, restore) and the integrity check. */
export function SettingsScreen() {
  const { reloadApp } = useFrame();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [list, setList] = useState<BackupList | null>(null);
  const [integrity, setIntegrity] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<BackupEntry | null>(null);

  const reload = useCallback(async () => {
    const [i, l] = await Promise.all([api.invoke('app.info', {}), api.invoke('backups.list', {})]);
    if (i.ok) setInfo(i.value);
    if (l.ok) setList(l.value);
    const failed = !i.ok ? i.error : !l.ok ? l.error : null;
    if (failed) setError(failed.message);
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const backupNow = async () => {
    setBusy('Đang sao lưu…');
    const result = await api.invoke('backups.create', {});
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setNotice(`Đã sao lưu ${describe(result.value)}: tệp ${result.value.name}, ${formatSize(result.value.sizeBytes)}.`);
    await reload();
  };

  const check = async () => {
    setBusy('Đang kiểm tra…');
    const result = await api.invoke('backups.check', {});
    setBusy(null);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setNotice(null);
    setIntegrity(result.value);
  };

  const restore = async (backup: BackupEntry) => {
    setBusy('Đang khôi phục…');
    let result = await api.invoke('backups.restore', { file: backup.name });
    // Another office's backup: the core names both offices; the officer decides.
    if (!result.ok && result.error.code === 'RESTORE_OTHER_OFFICE' && window.confirm(`${result.error.message}\n\nVẫn khôi phục bản sao lưu này?`)) {
      result = await api.invoke('backups.restore', { file: backup.name, confirmOtherOffice: true });
    }
    setBusy(null);
    setConfirming(null);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setIntegrity(null);
    setNotice(restoredMessage(result.value));
    // The whole app reads the restored data: the frame (office, warnings) and this screen.
    await Promise.all([reload(), reloadApp()]);
  };

  const office = info?.office ?? null;
  const latest = integrity?.latestBackup ?? null;

  return (
    <section className="screen settings">
      <header className="screen-header">
        <h1>Cài đặt & sao lưu</h1>
        <div className="toolbar">
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void backupNow()}>
            Sao lưu ngay
          </button>
          <button type="button" disabled={busy !== null} onClick={() => void check()}>
            Kiểm tra toàn vẹn
          </button>
        </div>
      </header>
      <MessageArea error={error} info={busy ?? notice} />
      {integrity ? (
        integrity.ok ? (
          <div className="hint-banner integrity-ok" data-testid="integrity">
            Tệp dữ liệu nguyên vẹn: PRAGMA quick_check trả về “ok” (kiểm tra lúc {formatInstantVi(integrity.checkedAt)}).
          </div>
        ) : (
          <div className="error-banner" data-testid="integrity">
            Tệp dữ liệu có lỗi (PRAGMA quick_check): {integrity.problems.slice(0, 5).join('; ')}.{' '}
            {latest
              ? `Hãy sao lưu ngay bản hiện tại nếu còn mở được, rồi khôi phục bản sao lưu gần nhất ${describe(latest)} trong danh sách dưới đây.`
              : 'Không có bản sao lưu nào để khôi phục; hãy sao chép tệp dữ liệu ra nơi khác và liên hệ người hỗ trợ kỹ thuật.'}
          </div>
        )
      ) : null}

      <h2 className="section-title">Văn phòng</h2>
      {office ? (
        <table className="list-table settings-table" aria-label="Thông tin văn phòng">
          <tbody>
            <tr>
              <th scope="row">Tên cơ quan</th>
              <td>{office.name}</td>
            </tr>
            <tr>
              <th scope="row">{office.level === 'xa' ? 'Xã, phường, tỉnh' : 'Huyện, tỉnh'}</th>
              <td>
                {office.districtName} (mã {office.districtCode}), {office.provinceName} — {office.levelName}
                {office.levelValidFrom ? ` từ ${formatDateVi(office.levelValidFrom)}` : ''}
                {office.levelValidTo ? ` đến ${formatDateVi(office.levelValidTo)}` : ''}
              </td>
            </tr>
            {office.level === 'huyen' ? (
              <tr>
                <th scope="row">Thí điểm phân cấp NQ 111/2024/QH15</th>
                <td>{office.pilot ? `Có${office.pilotBasis ? ` — ${office.pilotBasis}` : ''}` : 'Không'}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      ) : null}
      <p className="help muted">Tên cơ quan và đơn vị hành chính được chọn khi thiết lập lần đầu.</p>

      <h2 className="section-title">Người ký</h2>
      <SignersPanel onChanged={reloadApp} />

      <DocumentTemplatesSection />

      <h2 className="section-title">Tệp dữ liệu</h2>
      <table className="list-table settings-table" aria-label="Tệp dữ liệu">
        <tbody>
          <tr>
            <th scope="row">Nơi lưu</th>
            <td>
              <code data-testid="data-file">{list?.dataFile ?? info?.dataFile ?? ''}</code>
            </td>
          </tr>
          <tr>
            <th scope="row">Dung lượng</th>
            <td>{list ? formatSize(list.dataSizeBytes) : ''}</td>
          </tr>
          <tr>
            <th scope="row">Phiên bản dữ liệu</th>
            <td>{info?.schemaVersion ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">Cảnh báo</th>
            <td>
              {info && info.warnings.length > 0 ? (
                <ul className="plain-list overdue">
                  {info.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              ) : (
                <span>Không có: dữ liệu nằm trên ổ đĩa của máy này.</span>
              )}
            </td>
          </tr>
        </tbody>
      </table>

      <h2 className="section-title">Bản sao lưu</h2>
      {list ? (
        <p className="help muted">
          Thư mục <code>{list.backupDir}</code>. Ứng dụng tự sao lưu khi mở lần đầu mỗi ngày, trước khi ban hành, trước khi nhập tệp và trước khi nâng cấp dữ liệu;
          giữ {list.retention.recent} bản gần nhất, mỗi ngày một bản trong {list.retention.days} ngày, tối đa {list.retention.cap} bản.
        </p>
      ) : null}
      <table className="list-table" aria-label="Các bản sao lưu">
        <thead>
          <tr>
            <th>Thời điểm</th>
            <th>Lý do</th>
            <th className="num">Dung lượng</th>
            <th>Tệp</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {list?.backups.map((b) => (
            <tr key={b.name} data-testid={`backup-${b.name}`}>
              <td>{formatInstantVi(b.takenAt)}</td>
              <td>{b.reasonLabel}</td>
              <td className="num">{formatSize(b.sizeBytes)}</td>
              <td>
                <code>{b.name}</code>
              </td>
              <td>
                <button type="button" disabled={busy !== null} aria-label={`Khôi phục bản sao lưu ${b.name}`} onClick={() => setConfirming(b)}>
                  Khôi phục…
                </button>
              </td>
            </tr>
          ))}
          {list && list.backups.length === 0 ? (
            <tr>
              <td colSpan={5} className="muted">
                Chưa có bản sao lưu nào. Bấm “Sao lưu ngay” để tạo bản đầu tiên.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>

      {confirming ? (
        <div className="dialog-backdrop" role="presentation">
          <div className="dialog" role="dialog" aria-modal="true" aria-label="Khôi phục dữ liệu">
            <h2>Khôi phục dữ liệu từ bản sao lưu?</h2>
            <p>
              Dữ liệu đang dùng sẽ được thay bằng bản sao lưu <strong>{describe(confirming)}</strong>: mọi thay đổi sau thời điểm đó sẽ không còn trong dữ liệu đang dùng.
            </p>
            <p>
              Trước khi khôi phục, dữ liệu hiện tại được sao lưu (bản “Trước khi khôi phục”), nên có thể hoàn tác bằng cách khôi phục bản đó. Sau khi khôi phục, ứng dụng
              tải lại dữ liệu.
            </p>
            <div className="actions">
              <button type="button" className="primary" disabled={busy !== null} onClick={() => void restore(confirming)}>
                {busy ?? 'Khôi phục'}
              </button>
              <button type="button" disabled={busy !== null} onClick={() => setConfirming(null)}>
                Huỷ
              </button>
            </div>
          </div>
        </div>
      ) : null}
    </section>
  );
}
