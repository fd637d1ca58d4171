/**
 * What a backup was taken for, from the reason in its file name (backups/<reason>-<time>.sqlite), in Vietnamese.
 * Reasons come from the core: "thu-cong", "hang-ngay", "truoc-ban-hanh", "truoc-nhap", "truoc-nhap-goi",
 * "truoc-khoi-phuc", "truoc-nang-cap-v<from>-len-v<to>".
 */
const LABELS: Record<string, string> = {
  'thu-cong': 'Thủ công',
  'hang-ngay': 'Hằng ngày',
  'truoc-ban-hanh': 'Trước khi ban hành',
  'truoc-nhap': 'Trước khi nhập tệp',
  'truoc-nhap-goi': 'Trước khi nhập gói trao đổi',
  'truoc-khoi-phuc': 'Trước khi khôi phục',
};

export function backupReasonLabel(reason: string): string {
  const known = LABELS[reason];
  if (known) return known;
  const upgrade = /^truoc-nang-cap-v(\d+)-len-v(\d+)$/.exec(reason);
  if (upgrade) return `Trước khi nâng cấp dữ liệu (phiên bản ${upgrade[1]} → ${upgrade[2]})`;
  if (reason.startsWith('truoc-nang-cap')) return 'Trước khi nâng cấp dữ liệu';
  return reason;
}
