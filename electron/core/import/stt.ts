/**
 * The STT column carries the table's hierarchy: A/B, I/II, 1/2, 1.1, a/b, "-", "+". Which style sits
 * above which differs between provinces, so the order is learned from the file itself: a style seen
 * before closes everything opened after it; a new style opens a level below the current row.
 */

export type SttStyle = 'upper' | 'roman' | 'arabic' | `dotted${number}` | 'lower' | 'dash' | 'plus' | 'star' | 'none';

const ROMAN = /^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

export function sttStyle(raw: string, previousUpper: string | null): SttStyle {
  const text = raw.trim().replace(/[.)]$/, '').trim();
  if (text === '') return 'none';
  if (/^\d+$/.test(text)) return 'arabic';
  if (/^\d+(\.\d+)+$/.test(text)) return `dotted${text.split('.').length - 1}`;
  // "I" after "H" is the ninth letter, not roman one.
  if (ROMAN.test(text) && !(text.length === 1 && previousUpper !== null && previousUpper.charCodeAt(0) + 1 === text.charCodeAt(0))) return 'roman';
  // The Vietnamese alphabet letters a list: A B C D Đ E G H I K.
  if (/^[A-ZĐ]$/.test(text)) return 'upper';
  if (/^[a-zđ]$/.test(text)) return 'lower';
  if (/^[-–—]+$/.test(text)) return 'dash';
  if (/^\++$/.test(text)) return 'plus';
  if (/^[*•]+$/.test(text)) return 'star';
  return 'none';
}

export interface TreeInput {
  row: number;
  stt: string;
}

/** Parent row of each row (null for top level), in input order. */
export function buildTree(rows: TreeInput[]): Map<number, number | null> {
  const parents = new Map<number, number | null>();
  const stack: { style: SttStyle; row: number }[] = [];
  let previousUpper: string | null = null;
  for (const { row, stt } of rows) {
    const style = sttStyle(stt, previousUpper);
    if (style === 'upper') previousUpper = stt.trim().replace(/[.)]$/, '');
    const at = stack.findIndex((s) => s.style === style);
    if (at >= 0) stack.length = at;
    parents.set(row, stack.length > 0 ? stack[stack.length - 1]!.row : null);
    stack.push({ style, row });
  }
  return parents;
}
