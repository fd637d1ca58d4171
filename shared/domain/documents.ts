/** Document numbering of Nghị định 30/2020/NĐ-CP: "Số: 07/QĐ-UBND", one to nine zero-padded. */
import type { DecisionIssuer, DecisionKind } from '../api/decisions';

const SYMBOLS: Record<DecisionIssuer, string> = { UBND: 'QĐ-UBND', HDND: 'NQ-HĐND' };

export function documentSymbol(issuer: DecisionIssuer): string {
  return SYMBOLS[issuer];
}

/**
 * 7 → "07/QĐ-UBND"; 215 → "215/QĐ-UBND"; a legal normative document carries the year it is numbered in
 * (19, HDND, 2022 → "19/2022/NQ-HĐND", rule 17); individual decisions never do.
 */
export function documentNumberText(number: number, issuer: DecisionIssuer, normativeYear: number | null = null): string {
  return `${String(number).padStart(2, '0')}/${normativeYear === null ? '' : `${normativeYear}/`}${SYMBOLS[issuer]}`;
}

/** Kinds that change a plan already in force: their lines carry "before" and print before / giảm / tăng / after. */
export const ADJUSTMENT_KINDS: ReadonlySet<DecisionKind> = new Set<DecisionKind>(['dieu_chinh', 'bo_sung', 'thu_hoi']);

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
/** Annex and program numbering: 1 → "I". */
export const romanNumeral = (n: number): string => ROMAN[n - 1] ?? String(n);

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  phan_bo: 'Phân bổ',
  dieu_chinh: 'Điều chỉnh',
  bo_sung: 'Bổ sung',
  thu_hoi: 'Thu hồi',
  keo_dai: 'Kéo dài',
};

/** The issuing body without its level: the office's own UBND/HĐND, a district's until 30/06/2025, a commune's after. */
export const DECISION_ISSUER_LABELS: Record<DecisionIssuer, string> = {
  UBND: 'UBND (Quyết định)',
  HDND: 'HĐND (Nghị quyết)',
};
