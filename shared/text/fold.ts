/**
 * Diacritics-insensitive folding for search: "Tràng Định" and "trang dinh" fold to the same text.
 * Đ/đ are separate letters in Unicode (no combining mark), so they are mapped explicitly.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query occurs (folded) in the text. */
export function matchesAllWords(text: string, query: string): boolean {
  const folded = foldVietnamese(text);
  return foldVietnamese(query)
    .split(' ')
    .filter(Boolean)
    .every((word) => folded.includes(word));
}
