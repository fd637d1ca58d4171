/**
 * What the reader needs from the styles part: the font of each cell format (TCVN3/VNI text is told by its font)
 * and whether its number format shows a date (a date in an amount column is a mistake worth naming).
 */
import { attribute, parseXmlSync } from './xml-events';

export interface CellFormat {
  fontName: string | undefined;
  isDate: boolean;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

/** A custom format shows a date when it has d, m, y, h or s outside quotes, brackets and escapes (and is not "General"). */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return !/general/i.test(bare) && /[dmyhs]/i.test(bare.split(';')[0] ?? '');
}

export function readStyles(bytes: Buffer | undefined): CellFormat[] {
  if (!bytes) return [];
  const fonts: (string | undefined)[] = [];
  const customFormats = new Map<number, string>();
  const xfs: { fontId: number; numFmtId: number }[] = [];
  let inFonts = false;
  let inCellXfs = false;
  let fontOpen = false;
  parseXmlSync(bytes, {
    open(name, attrs, selfClosing) {
      if (name === 'fonts') inFonts = !selfClosing;
      else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'font' && inFonts) {
        fonts.push(undefined);
        fontOpen = !selfClosing;
      } else if (name === 'name' && fontOpen) fonts[fonts.length - 1] = attribute(attrs, 'val');
      else if (name === 'numFmt') customFormats.set(Number(attribute(attrs, 'numFmtId')), attribute(attrs, 'formatCode') ?? '');
      else if (name === 'xf' && inCellXfs) xfs.push({ fontId: Number(attribute(attrs, 'fontId') ?? 0), numFmtId: Number(attribute(attrs, 'numFmtId') ?? 0) });
    },
    close(name) {
      if (name === 'fonts') inFonts = false;
      else if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'font') fontOpen = false;
    },
  });
  return xfs.map(({ fontId, numFmtId }) => {
    const custom = customFormats.get(numFmtId);
    return { fontName: fonts[fontId], isDate: custom !== undefined ? isDateFormat(custom) : BUILTIN_DATE_FORMATS.has(numFmtId) };
  });
}
