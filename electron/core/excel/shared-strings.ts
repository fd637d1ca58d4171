/** The shared strings part: each string item's text, rich-text runs joined, phonetic guides (rPh) left out. */
import { parseXml, unescapeOoxml } from './xml-events';

export async function readSharedStrings(bytes: Buffer | undefined, between: () => Promise<void>): Promise<string[]> {
  if (!bytes) return [];
  const strings: string[] = [];
  let current: string[] | null = null;
  let inText = false;
  let phonetic = 0;
  await parseXml(
    bytes,
    {
      open(name, _attrs, selfClosing) {
        if (name === 'si') {
          current = [];
          if (selfClosing) {
            strings.push('');
            current = null;
          }
        } else if (name === 'rPh') phonetic++;
        else if (name === 't' && current && phonetic === 0 && !selfClosing) inText = true;
      },
      close(name) {
        if (name === 'si' && current) {
          // A copy, not a view of the parser's piece of the part (which would keep the whole piece alive).
          const text = unescapeOoxml(current.join(''));
          strings.push(text.length < 13 ? text : (text + ' ').slice(0, -1));
          current = null;
        } else if (name === 'rPh') phonetic--;
        else if (name === 't') inText = false;
      },
      text(text) {
        if (inText && current) current.push(text);
      },
    },
    between,
  );
  return strings;
}
