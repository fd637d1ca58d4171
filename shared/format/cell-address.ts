/** Excel cell addresses: "AB" ↔ 28, (21, 6) → "F21". Used by the import's findings and the preview alike. */

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(col: number): string {
  let letters = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}
