/**
 * One reading of how an officer names a decision: its id in the book ("12"), or its number as written on the
 * paper ("215/QĐ-UBND", "28/NQ-HĐND", without diacritics "215/QD-UBND", or with the year "19/2024/NQ-HĐND").
 * Numbers restart each calendar year per issuer, so a number alone that matches several years asks for one.
 */
import type { DecisionHeader, DecisionIssuer } from '../../../shared/api/decisions';
import { formatDateVi } from '../../../shared/format/date';
import { foldVietnamese } from '../../../shared/text/fold';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { listHeaders } from './store';

const SYMBOL_ISSUER: Record<string, DecisionIssuer> = { 'qd-ubnd': 'UBND', 'nq-hdnd': 'HDND' };

/** "215/QĐ-UBND" → { number 215, issuer UBND }; "19/2024/NQ-HĐND" also gives the year; null when it is no number. */
export function parseDecisionNumber(text: string): { number: number; issuer: DecisionIssuer; year: number | null } | null {
  const m = /^(\d{1,6})\s*\/\s*(?:(\d{4})\s*\/\s*)?([a-z]{2}\s*-\s*[a-z]{4})$/.exec(foldVietnamese(text).replace(/^so:?\s*/, ''));
  if (!m) return null;
  const issuer = SYMBOL_ISSUER[m[3]!.replace(/\s/g, '')];
  if (!issuer) return null;
  return { number: Number(m[1]), issuer, year: m[2] ? Number(m[2]) : null };
}

export function findDecision(db: Db, ref: string, year?: number): DecisionHeader {
  const text = ref.trim();
  if (/^#?\d{1,9}$/.test(text)) {
    const id = Number(text.replace('#', ''));
    const header = listHeaders(db, {}).find((h) => h.id === id);
    if (!header) throw new CoreError('NOT_FOUND', `Không có quyết định mã ${id}. Xem mã (cột đầu) bằng lệnh "decisions list".`, { ref: text });
    return header;
  }
  const parsed = parseDecisionNumber(text);
  if (!parsed) {
    throw new CoreError('INVALID_INPUT', `"${text}" không phải mã hay số quyết định. Ghi mã (ví dụ 12) hoặc số văn bản (ví dụ 215/QĐ-UBND, 28/NQ-HĐND).`, { ref: text });
  }
  const numberYear = parsed.year ?? year;
  const matches = listHeaders(db, {}).filter(
    (h) => h.status === 'issued' && h.issuer === parsed.issuer && h.number === parsed.number && (numberYear === undefined || h.docDate?.slice(0, 4) === String(numberYear)),
  );
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new CoreError('NOT_FOUND', `Không có văn bản đã ban hành số ${text}${numberYear ? ` năm ${numberYear}` : ''}. Xem các quyết định bằng lệnh "decisions list"; dự thảo chưa có số, hãy ghi mã của nó.`, { ref: text });
  }
  const which = matches.map((h) => `mã ${h.id} (ngày ${formatDateVi(h.docDate!)})`).join(', ');
  throw new CoreError('INVALID_INPUT', `Số ${text} có ở nhiều năm: ${which}. Ghi mã, hoặc thêm năm (--year NĂM).`, { ref: text });
}
