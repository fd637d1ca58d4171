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

/**
 * Ranks a text for a type-ahead query (lower is better), or null when some query word is missing.
 * Every word starting a word of the text ("nha o" → "Hỗ trợ nhà ở") beats a word found inside another;
 * among those, the shorter text wins — the most specific item, not the long parent that mentions it.
 */
export function searchRank(text: string, query: string): number | null {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (words.length === 0) return 0;
  const folded = foldVietnamese(text);
  const textWords = folded.split(/[^a-z0-9]+/).filter(Boolean);
  let insideWord = false;
  for (const word of words) {
    if (textWords.some((w) => w.startsWith(word))) continue;
    if (!folded.includes(word)) return null;
    insideWord = true;
  }
  return (insideWord ? 1_000_000 : 0) + folded.length;
}
