/**
 * A decision named on the command line by its internal id ("1") or its number as printed ("215/QĐ-UBND", typed
 * with or without diacritics, optionally with the year: "215/QĐ-UBND/2024" or "215/QĐ-UBND 2024").
 */
import { foldVietnamese } from '../../shared/text/fold';
import type { Core } from '../core/core';

export class DecisionRefError extends Error {}

const fold = (text: string) => foldVietnamese(text).replace(/\s+/g, '').toUpperCase();

export function resolveDecisionRef(core: Core, ref: string): number {
  const text = ref.trim();
  if (/^\d{1,9}$/.test(text)) return Number(text);
  const m = /^(.+?)(?:[\s/](\d{4}))?$/.exec(text);
  const wanted = fold(m?.[1] ?? text);
  const year = m?.[2] ? Number(m[2]) : null;
  const all = core.invoke('decisions.list', {});
  if (!all.ok) throw new DecisionRefError(all.error.message);
  const found = all.value.filter((h) => h.numberText !== null && fold(h.numberText) === wanted && (year === null || h.docDate?.startsWith(String(year))));
  if (found.length === 1) return found[0]!.id;
  if (found.length === 0) throw new DecisionRefError(`Không có văn bản số "${text}" đã ban hành. Ghi mã nội bộ (xem "decisions list") hoặc số như in trên văn bản, ví dụ "215/QĐ-UBND".`);
  throw new DecisionRefError(
    `Số "${text}" có ở nhiều năm: ${found.map((h) => `${h.numberText} ngày ${h.docDate} (mã ${h.id})`).join('; ')}. Ghi thêm năm, ví dụ "${text}/${found[0]!.docDate!.slice(0, 4)}", hoặc mã nội bộ.`,
  );
}
