import type { JobStatus } from '../../../shared/api/jobs';

/**
 * A running job's progress as the host pushed it, with its Huỷ button. The reader counts the bytes of sheet XML (the
 * row count is only known once read), so the progress is shown as a share, not as a count.
 */
export function JobProgress({ status, onCancel }: { status: JobStatus | null; onCancel: () => void }) {
  const share = status?.total ? Math.min(100, Math.floor((status.done * 100) / status.total)) : null;
  return (
    <div className="task-progress" role="status" aria-live="polite" data-job-id={status?.jobId}>
      <progress aria-label="Tiến độ" max={100} value={share ?? undefined} />
      <span>
        {status?.label ?? 'Đang xử lý'}
        {share !== null ? `: ${share}%` : '…'}
        {status?.cancelled ? ' (đang huỷ)' : ''}
      </span>
      <button type="button" onClick={onCancel} disabled={status?.cancelled}>
        Huỷ
      </button>
    </div>
  );
}
