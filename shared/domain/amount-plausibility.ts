/**
 * An amount far above the year's assignment for its source × capital type is most often a slip of the unit
 * (1.234.567 typed in triệu for 1.234.567 đồng). It is not refused — the rules judge over-allocation — but the
 * officer is asked before it is written.
 */
import type { LineChange } from '../api/decisions';
import type { CapitalTypeCode } from '../api/schemas';
import { formatAmount, parseAmount, toDong, type Dong } from '../money/dong';
import { capitalTypeLabel } from '../format/labels';

/** "Far above": more than this many times the whole year's assignment of the same source × capital type. */
export const FAR_ABOVE_FACTOR = 2;
/** With nothing assigned for the pair, an amount from this size on (100 tỷ đồng) is asked about. */
export const UNASSIGNED_CEILING_DONG = 100_000_000_000;

export interface PairTotal {
  sourceCode: string;
  capitalType: CapitalTypeCode;
  totalDong: Dong;
}

interface LineKey {
  id: number;
  sourceCode: string;
  capitalType: CapitalTypeCode;
}

/**
 * The question to ask about the first implausible amount among the changes, or null when every amount is
 * plausible. `lines` gives the source × capital type of the lines an update touches.
 */
export function implausibleAmountQuestion(
  changes: LineChange[],
  lines: LineKey[],
  assigned: PairTotal[],
  year: number,
  sourceLabel: (code: string) => string,
): string | null {
  for (const change of changes) {
    if (change.op === 'delete') continue;
    const input = change.op === 'add' ? change.line.amount : change.patch.amount;
    if (!input) continue;
    const key = change.op === 'add' ? change.line : lines.find((l) => l.id === change.id);
    const sourceCode = change.op === 'update' ? (change.patch.sourceCode ?? key?.sourceCode) : key?.sourceCode;
    const capitalType = change.op === 'update' ? (change.patch.capitalType ?? key?.capitalType) : key?.capitalType;
    if (!sourceCode || !capitalType) continue;
    let dong: Dong;
    if ('dong' in input) dong = toDong(input.dong);
    else {
      const parsed = parseAmount(input.text, input.unit);
      if (!parsed.ok) continue; // the core reports a malformed amount
      dong = parsed.value;
    }
    const magnitude = Math.abs(dong);
    const total = assigned.find((a) => a.sourceCode === sourceCode && a.capitalType === capitalType)?.totalDong ?? toDong(0);
    const pair = `${sourceLabel(sourceCode)} · ${capitalTypeLabel(capitalType)}`;
    const typed = `${formatAmount(dong, 'trieu')} triệu đồng`;
    if (total > 0 && magnitude > FAR_ABOVE_FACTOR * total) {
      const times = Math.floor(magnitude / total);
      return `Số tiền ${typed} lớn gấp ${times.toLocaleString('vi-VN')} lần toàn bộ vốn ${pair} được giao năm ${year} (${formatAmount(total, 'trieu')} triệu đồng). Có đúng số này không? Bấm "Huỷ" để sửa lại (có thể đã nhập nhầm đơn vị).`;
    }
    if (total <= 0 && magnitude >= UNASSIGNED_CEILING_DONG) {
      return `Số tiền ${typed} rất lớn, trong khi năm ${year} chưa có vốn ${pair} được giao. Có đúng số này không? Bấm "Huỷ" để sửa lại (có thể đã nhập nhầm đơn vị).`;
    }
  }
  return null;
}

/**
 * The question to ask before one assignment line of `dong` is written, or null when it is plausible. A province's
 * line is asked about when it is at least UNASSIGNED_CEILING_DONG and more than FAR_ABOVE_FACTOR times all the
 * year's other assignment lines together (or the year has none yet): 1.234.567 triệu for a district whose whole year
 * is 72 tỷ is a unit slip far more often than an assignment.
 */
export function implausibleAssignmentQuestion(dong: Dong, otherLinesDong: Dong[], year: number): string | null {
  const magnitude = Math.abs(dong);
  if (magnitude < UNASSIGNED_CEILING_DONG) return null;
  const others = otherLinesDong.reduce((sum, amount) => sum + amount, 0);
  if (others > 0 && magnitude <= FAR_ABOVE_FACTOR * others) return null;
  const typed = `${formatAmount(dong, 'trieu')} triệu đồng`;
  const compared =
    others > 0
      ? `lớn gấp ${Math.floor(magnitude / others).toLocaleString('vi-VN')} lần tất cả các dòng vốn khác được giao năm ${year} cộng lại (${formatAmount(toDong(others), 'trieu')} triệu đồng)`
      : `rất lớn, trong khi năm ${year} chưa có dòng vốn nào khác được giao`;
  return `Số tiền ${typed} ${compared}. Có đúng số này không? Bấm "Huỷ" để sửa lại (có thể đã nhập nhầm đơn vị); chưa có gì được ghi.`;
}
