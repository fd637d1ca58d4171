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
  for (const p of view.packages) lines.push(`  Gói năm ${p.year} của ${p.districtName} (mã ${p.districtCode}), tệp "${p.fileName}"${p.carriesDisbursement ? ', có số giải ngân' : ', không có số giải ngân'}`);
  lines.push('Quyết định, nghị quyết đã ban hành của huyện (chỉ đọc):');
  for (const d of view.decisions) {
    lines.push(`  [chỉ đọc] ${d.numberText} ngày ${formatDateVi(d.docDate)} (${d.districtName}) — ${d.kindLabel}: ${d.summary} — ${d.lineCount} dòng, tăng ${dong(d.increaseDong)}, giảm ${dong(d.decreaseDong)}`);
  }
  const bySuccessor = new Map<string, string[]>();
  for (const u of view.formerUnits) bySuccessor.set(u.successorName, [...(bySuccessor.get(u.successorName) ?? []), `${u.name} (${u.code})`]);
  lines.push('Xã cũ nay thuộc:');
  for (const [successor, olds] of bySuccessor) lines.push(`  ${successor}: ${olds.join(', ')}`);
  lines.push('Vốn huyện đã giao cho các xã cũ: đã phân bổ, đã giải ngân, còn phải giải ngân:');
  if (view.open.length === 0) lines.push('  (không có)');
  for (const o of view.open) {
    const disbursed = !o.disbursementKnown
      ? 'đã giải ngân: gói không có số'
      : `đã giải ngân ${dong(o.disbursedDong)}${o.disbursedCutoff ? ` (đến ${formatDateVi(o.disbursedCutoff)})` : ''}`;
    const over = o.overDisbursedDong > 0 ? ` — giải ngân vượt số phân bổ ${dong(o.overDisbursedDong)}, cần đối chiếu` : '';
    lines.push(
      `  Vốn năm ${o.originYear} ${o.programCode} ${o.componentCode} ${o.componentName} — ${o.formerUnitName} → ${o.successorName}${o.projectCode ? `, dự án ${o.projectCode}` : ''}, ${o.sourceCode} ${o.capitalType}: phân bổ ${dong(o.allocatedDong)}, ${disbursed}, còn ${dong(o.openDong)}${over}${o.reassignedDong > 0 ? ` (tỉnh đã giao lại cho xã ${dong(o.reassignedDong)} cùng mã, nguồn, loại vốn, năm vốn)` : ''}; hạn giải ngân ${formatDateVi(o.deadline)} (${o.deadlineBasis}; ${DEADLINE_STATUS_LABELS[o.status]})${o.decisions.length > 0 ? `; theo ${o.decisions.join(', ')}` : ''}`,
    );
  }
  lines.push(
    `Tổng theo lịch sử: đã phân bổ ${dong(view.allocatedTotalDong)}, đã giải ngân ${dong(view.disbursedTotalDong)}, còn phải giải ngân ${dong(view.openTotalDong)} (hạn theo từng dòng; số giải ngân từ sau khi tỉnh giao lại ghi ở sổ của xã).`,
  );
  if (view.disbursementNote) lines.push(view.disbursementNote);
  return lines;
}
