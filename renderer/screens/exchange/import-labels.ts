/** How the preview names what the core recognized. */
import type { ImportDiffRow, ImportRow } from '../../../shared/api/import';
import { formatAmount, toDong } from '../../../shared/money/dong';
import { capitalTypeLabel } from '../../../shared/format/labels';

export const KIND_LABELS: Record<ImportRow['kind'], string> = {
  total: 'Dòng tổng',
  district: 'Huyện',
  program: 'Chương trình',
  component: 'Hợp phần',
  item: 'Chi tiết',
  unmatched: 'Chưa nhận ra',
  ignored: 'Bỏ qua',
};

export const CONFIDENCE_LABELS = { high: 'chắc chắn', medium: 'cần xem lại', low: 'không chắc' } as const;

export function recognitionLabel(row: ImportRow): string {
  const kind = KIND_LABELS[row.kind];
  if (!row.componentCode) return kind;
  const confidence = row.confidence && row.confidence !== 'high' ? ` (${CONFIDENCE_LABELS[row.confidence]})` : '';
  return `${kind}: ${row.componentCode}${confidence}`;
}

export function trieu(dong: number): string {
  return formatAmount(toDong(dong), 'trieu', { maxDecimals: 3 });
}

/** "Dự án 5 … NS tỉnh đối ứng · SN: +150 triệu" — the change a line makes to what the database holds. */
export function diffText(d: ImportDiffRow, sourceName: (code: string) => string = (code) => code): string {
  const what = `${d.componentCode} ${d.componentName} — ${sourceName(d.sourceCode)} · ${capitalTypeLabel(d.capitalType)}`;
  if (d.change === 'added') return `${what}: mới ${trieu(d.afterDong)} triệu`;
  if (d.change === 'kept') return `${what}: giữ nguyên ${trieu(d.beforeDong)} triệu (không có trong tệp)`;
  if (d.change === 'cleared') return `${what}: bỏ ${trieu(d.beforeDong)} triệu (tệp để trống dòng này)`;
  const delta = d.afterDong - d.beforeDong;
  return `${what}: ${delta > 0 ? '+' : ''}${trieu(delta)} triệu (${trieu(d.beforeDong)} → ${trieu(d.afterDong)})`;
}
