/**
 * The OOXML parts as SAX events (saxes), for the reader's own parsers of the workbook's sheets, shared strings and
 * styles. The container check has already refused DOCTYPE/ENTITY declarations, so only the five predefined
 * entities and character references remain. Element names lose their namespace prefix: Strict OOXML and some
 * generators write "x:c" where Excel writes "c", and the reader does not care which namespace a writer chose.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';

export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** "x:c" → "c". */
export const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** A part's bytes as text: UTF-8 unless a byte order mark or the first bytes say UTF-16. */
function decoderFor(bytes: Buffer): { decoder: TextDecoder; skip: number } {
  const [b0, b1] = [bytes[0], bytes[1]];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00)) return { decoder: new TextDecoder('utf-16le'), skip: b0 === 0xff ? 2 : 0 };
  if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c)) return { decoder: new TextDecoder('utf-16be'), skip: b0 === 0xfe ? 2 : 0 };
  return { decoder: new TextDecoder('utf-8'), skip: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0 };
}

/** Bytes fed to the parser at a time: small enough that one piece of a large sheet never piles up in memory. */
const PIECE_BYTES = 256 * 1024;

/**
 * Parses a part, feeding it piece by piece; `between` runs after each piece (progress, cancellation).
 * Throws the parser's error on XML that is not well formed.
 */
export async function parseXml(bytes: Buffer, handlers: XmlHandlers, between?: () => Promise<void>): Promise<void> {
  const parser = createParser(handlers);
  const { decoder, skip } = decoderFor(bytes);
  for (let at = skip; at < bytes.length; at += PIECE_BYTES) {
    const end = Math.min(bytes.length, at + PIECE_BYTES);
    parser.write(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }));
    if (between && end < bytes.length) await between();
  }
  parser.close();
}

/** The same, all at once, for the small parts (workbook, relationships, styles). */
export function parseXmlSync(bytes: Buffer, handlers: XmlHandlers): void {
  const parser = createParser(handlers);
  const { decoder, skip } = decoderFor(bytes);
  parser.write(decoder.decode(bytes.subarray(skip)));
  parser.close();
}

function createParser(handlers: XmlHandlers): SaxesParser<{ xmlns: false; position: false }> {
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes, tag.isSelfClosing));
  if (handlers.close) {
    const close = handlers.close;
    parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', text);
    parser.on('cdata', text);
  }
  parser.on('error', (error: Error) => {
    throw error;
  });
  return parser;
}

/** An attribute by local name ("r:id", "x:id" or "id"). */
export function attribute(attributes: Record<string, string>, local: string): string | undefined {
  if (local in attributes) return attributes[local];
  for (const key in attributes) if (localName(key) === local) return attributes[key];
  return undefined;
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (Excel writes line breaks in text this way too). */
export function unescapeOoxml(text: string): string {
  return text.indexOf('_x') === -1 ? text : text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
