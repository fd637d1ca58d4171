/** `history` and `import-history`: the former district's history of a commune office, as lines of text. */
import type { HistoryView } from '../../shared/api/history';
import { DEADLINE_STATUS_LABELS } from '../../shared/api/disbursement';
import { formatDateVi } from '../../shared/format/date';
import { formatAmount, type Dong } from '../../shared/money/dong';

const dong = (n: Dong) => `${formatAmount(n, 'dong')} đồng`;

export function historyLines(view: HistoryView): string[] {
  if (view.packages.length === 0) return ['Chưa có lịch sử của huyện cũ: nhập gói trao đổi của huyện bằng "import-history TỆP".'];
  const lines: string[] = [];
  lines.push(`Lịch sử của huyện cũ (chỉ đọc, không tính vào kế hoạch của xã), đến ngày ${formatDateVi(view.asOf)}:`);
  for (const p of view.packages) lines.push(`  Gói năm ${p.year} của ${p.districtName} (mã ${p.districtCode}), tệp "${p.fileName}"`);
  lines.push('Quyết định, nghị quyết đã ban hành của huyện (chỉ đọc):');
  for (const d of view.decisions) {
    lines.push(`  [chỉ đọc] ${d.numberText} ngày ${formatDateVi(d.docDate)} (${d.districtName}) — ${d.kindLabel}: ${d.summary} — ${d.lineCount} dòng, tăng ${dong(d.increaseDong)}, giảm ${dong(d.decreaseDong)}`);
  }
  const bySuccessor = new Map<string, string[]>();
  for (const u of view.formerUnits) bySuccessor.set(u.successorName, [...(bySuccessor.get(u.successorName) ?? []), `${u.name} (${u.code})`]);
  lines.push('Xã cũ nay thuộc:');
  for (const [successor, olds] of bySuccessor) lines.push(`  ${successor}: ${olds.join(', ')}`);
  lines.push('Vốn huyện đã giao cho các xã cũ, còn phải giải ngân:');
  if (view.open.length === 0) lines.push('  (không có)');
  for (const o of view.open) {
    lines.push(
      `  Vốn năm ${o.originYear} ${o.programCode} ${o.componentCode} ${o.componentName} — ${o.formerUnitName} → ${o.successorName}${o.projectCode ? `, dự án ${o.projectCode}` : ''}, ${o.sourceCode} ${o.capitalType}: ${dong(o.allocatedDong)}${o.reassignedDong > 0 ? ` (tỉnh đã giao lại cho xã ${dong(o.reassignedDong)} cùng mã, nguồn, loại vốn, năm vốn)` : ''}; hạn giải ngân ${formatDateVi(o.deadline)} (${o.deadlineBasis}; ${DEADLINE_STATUS_LABELS[o.status]}); theo ${o.decisions.join(', ')}`,
    );
  }
  lines.push(`Tổng còn phải giải ngân theo lịch sử: ${dong(view.openTotalDong)} (gói trao đổi không mang số đã giải ngân; số giải ngân ghi ở sổ của xã sau khi tỉnh giao lại).`);
  return lines;
}
