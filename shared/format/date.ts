/** Dates travel as ISO "yyyy-mm-dd" strings and are shown as vi-VN "dd/mm/yyyy". */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function formatDateVi(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Parses "dd/mm/yyyy" (or "d/m/yyyy", also with "-" or ".") into ISO; null when not a real date. */
export function parseDateVi(text: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!m) return isValidIsoDate(text.trim()) ? text.trim() : null;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/**
 * The dated line of an administrative document (Nghị định 30/2020, rule 18): days below 10 and the months
 * January and February are written with a leading zero, the other months without ("ngày 05 tháng 01 năm 2024",
 * "ngày 29 tháng 6 năm 2019").
 */
export function documentDateVi(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Ngày không hợp lệ: ${iso}`);
  const month = Number(m[2]);
  return `ngày ${m[3]} tháng ${month <= 2 ? m[2] : String(month)} năm ${m[1]}`;
}
