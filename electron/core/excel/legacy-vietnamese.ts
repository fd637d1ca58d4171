/**
 * Legacy Vietnamese text from old Excel workbooks, converted to Unicode.
 *
 * Before Unicode, Vietnamese was typed in 8-bit fonts: TCVN3/ABC (".VnTime", ".VnArial"…) and
 * VNI-Windows ("VNI-Times", "VNI-Helve"…). An .xlsx keeps each byte as the Windows-1252 character of
 * the same code ("Tr\u00adêng" for "Trường"); the cell's font is what made it look right.
 *
 * Tables:
 * - TCVN3 is TCVN 5712:1993 VN3 — ASCII, the 67 lower-case Vietnamese letters and Ă Â Ê Ô Ơ Ư Đ.
 *   The letters come from iconv-lite's `tcvn` codec (VN1, a superset), keeping only the VN3 positions:
 *   VN1 also puts upper-case toned letters on the C0/C1 control codes and on some high bytes, where
 *   VN3 fonts keep ASCII controls and the Windows symbols (“ ” – …), so those characters pass through.
 *   Upper-case toned letters are written with the lower-case codes in an upper-case ("…H") font.
 * - VNI-Windows writes a base letter then one Windows-1252 character for the marks (circumflex or breve
 *   and tone together); ơ ư đ, the toned i and ỵ are single characters. Checked against UniKey's
 *   VnConv VNI-WIN table and xvnkb's vni.h (they agree).
 */
import iconv from 'iconv-lite';

export type LegacyEncoding = 'tcvn3' | 'vni';

export interface LegacyFont {
  encoding: LegacyEncoding;
  /** The font draws every letter as a capital (".VnTimeH"): decoded text must be upper-cased. */
  upperCase: boolean;
}

/** Which legacy encoding a font name implies, or null for a Unicode font. */
export function legacyFontEncoding(fontName: string | undefined | null): LegacyFont | null {
  const name = fontName?.trim() ?? '';
  if (/^\.vn/i.test(name)) return { encoding: 'tcvn3', upperCase: /h$/i.test(name) };
  // VNI's fonts have no capital-only twins.
  if (/^vni[- ]/i.test(name)) return { encoding: 'vni', upperCase: false };
  return null;
}

// ---------------------------------------------------------------------------------------------
// Vietnamese letters

/** Tones in the order legacy tables list them: none, sắc, huyền, hỏi, ngã, nặng. */
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
type Vowel = (typeof VOWELS)[number];

function toned(vowel: string, tone: number): string {
  return (vowel + (TONE_MARKS[tone] ?? '')).normalize('NFC');
}

/** Every lower-case Vietnamese letter except the plain consonants: 72 vowel forms and đ. */
const LOWER_VIETNAMESE_LETTERS: readonly string[] = [
  ...VOWELS.flatMap((vowel) => TONE_MARKS.map((_, tone) => toned(vowel, tone))),
  'đ',
];

/** Characters a Windows-1252 byte can stand for, i.e. what a legacy font's text can contain. */
let windows1252Chars: Set<string> | undefined;
function isWindows1252Char(char: string): boolean {
  if (!windows1252Chars) {
    windows1252Chars = new Set();
    for (let byte = 0; byte < 0x100; byte++) {
      const decoded = iconv.decode(Uint8Array.of(byte), 'win1252');
      // The five bytes cp1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) reach Excel as the C1 code.
      windows1252Chars.add(decoded === '\ufffd' ? String.fromCharCode(byte) : decoded);
    }
  }
  return windows1252Chars.has(char);
}

// ---------------------------------------------------------------------------------------------
// TCVN3

interface CharTables {
  decode: ReadonlyMap<string, string>;
  encode: ReadonlyMap<string, string>;
}

let tcvn3Tables: CharTables | undefined;

/** Built on first use so that importing this module costs nothing. */
function tcvn3(): CharTables {
  if (tcvn3Tables) return tcvn3Tables;
  const decode = new Map<string, string>();
  const encode = new Map<string, string>();
  for (let byte = 0xa1; byte <= 0xfe; byte++) {
    const letter = iconv.decode(Uint8Array.of(byte), 'tcvn').normalize('NFC');
    const isLowerLetter = letter !== letter.toUpperCase();
    const isVn3Capital = byte <= 0xa7; // Ă Â Ê Ô Ơ Ư Đ
    if (!isLowerLetter && !isVn3Capital) continue; // VN1-only capitals and combining marks
    // From 0xA0 up a Windows-1252 character has the code point of its byte.
    const code = String.fromCharCode(byte);
    decode.set(code, letter);
    encode.set(letter, code);
  }
  tcvn3Tables = { decode, encode };
  return tcvn3Tables;
}

function decodeTcvn3(text: string): string {
  const { decode } = tcvn3();
  let out = '';
  for (const char of text) out += decode.get(char) ?? char;
  return out;
}

function encodeTcvn3(text: string): string {
  const { decode, encode } = tcvn3();
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = encode.get(char);
    if (code !== undefined) {
      out += code;
    } else if (char <= '\x7f') {
      out += char;
    } else if (isVietnameseLetter(char)) {
      throw new Error(`TCVN3 has no code for the capital "${char}": encode the lower-case text for an upper-case (.Vn…H) font`);
    } else if (!isWindows1252Char(char) || decode.has(char)) {
      throw new Error(`"${char}" cannot be written in TCVN3`);
    } else {
      out += char;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// VNI-Windows

/** The character written after the base letter, per tone (none, sắc, huyền, hỏi, ngã, nặng). */
const VNI_TONE_AFTER_BASE = ['', 'ù', 'ø', 'û', 'õ', 'ï'] as const;
const VNI_CIRCUMFLEX_AND_TONE = ['â', 'á', 'à', 'å', 'ã', 'ä'] as const;
const VNI_BREVE_AND_TONE = ['ê', 'é', 'è', 'ú', 'ü', 'ë'] as const;
/** i with a tone is one character, as is ỵ. */
const VNI_I = ['i', 'í', 'ì', 'æ', 'ó', 'ò'] as const;
const VNI_Y_DOT_BELOW = 'î';
const VNI_O_HORN = 'ô';
const VNI_U_HORN = 'ö';
const VNI_D_STROKE = 'ñ';

function vniLowerCase(vowel: Vowel, tone: number): string {
  const toneMark = VNI_TONE_AFTER_BASE[tone] ?? '';
  switch (vowel) {
    case 'ă':
      return 'a' + (VNI_BREVE_AND_TONE[tone] ?? '');
    case 'â':
      return 'a' + (VNI_CIRCUMFLEX_AND_TONE[tone] ?? '');
    case 'ê':
      return 'e' + (VNI_CIRCUMFLEX_AND_TONE[tone] ?? '');
    case 'ô':
      return 'o' + (VNI_CIRCUMFLEX_AND_TONE[tone] ?? '');
    case 'ơ':
      return VNI_O_HORN + toneMark;
    case 'ư':
      return VNI_U_HORN + toneMark;
    case 'i':
      return VNI_I[tone] ?? '';
    case 'y':
      return tone === 5 ? VNI_Y_DOT_BELOW : 'y' + toneMark;
    default:
      return vowel + toneMark;
  }
}

interface VniTables {
  encode: ReadonlyMap<string, string>;
  /** Code sequences of one or two characters; two-character ones take precedence. */
  decode: ReadonlyMap<string, string>;
  /** Characters that mean something in VNI text, so cannot stand for themselves. */
  codeChars: ReadonlySet<string>;
}

let vniTables: VniTables | undefined;

function vni(): VniTables {
  if (vniTables) return vniTables;
  const encode = new Map<string, string>();
  const decode = new Map<string, string>();
  const codeChars = new Set<string>();
  for (const vowel of VOWELS) {
    TONE_MARKS.forEach((_, tone) => {
      const letter = toned(vowel, tone);
      const code = vniLowerCase(vowel, tone);
      for (const [l, c] of [[letter, code], [letter.toUpperCase(), code.toUpperCase()]] as const) {
        encode.set(l, c);
        decode.set(c, l);
      }
    });
  }
  for (const [l, c] of [['đ', VNI_D_STROKE], ['Đ', VNI_D_STROKE.toUpperCase()]] as const) {
    encode.set(l, c);
    decode.set(c, l);
  }
  for (const code of decode.keys()) for (const char of code) if (char > '\x7f') codeChars.add(char);

  // Also read, though this encoder never writes them: a capital with a lower-case mark ("Uûy" for
  // "Ủy", as typed in title case), and i or y with a tone spelt base + mark.
  const tolerate = (letter: string, base: string, mark: string): void => {
    const capital = letter.toUpperCase();
    const upperBase = base.toUpperCase();
    const spellings: [code: string, letter: string][] = [
      [base + mark, letter],
      [upperBase + mark.toUpperCase(), capital],
      [upperBase + mark, capital],
    ];
    for (const [code, decoded] of spellings) if (!decode.has(code)) decode.set(code, decoded);
  };
  for (const vowel of VOWELS) {
    TONE_MARKS.forEach((_, tone) => {
      const code = vniLowerCase(vowel, tone);
      if (code.length === 2) tolerate(toned(vowel, tone), code.charAt(0), code.charAt(1));
      else if (tone > 0 && (vowel === 'i' || vowel === 'y')) tolerate(toned(vowel, tone), vowel, VNI_TONE_AFTER_BASE[tone] ?? '');
    });
  }
  vniTables = { encode, decode, codeChars };
  return vniTables;
}

function decodeVni(text: string): string {
  const { decode } = vni();
  let out = '';
  for (let i = 0; i < text.length; ) {
    const pair = i + 1 < text.length ? decode.get(text.slice(i, i + 2)) : undefined;
    if (pair !== undefined) {
      out += pair;
      i += 2;
    } else {
      const char = text.charAt(i);
      out += decode.get(char) ?? char;
      i += 1;
    }
  }
  return out;
}

function encodeVni(text: string): string {
  const { encode, codeChars } = vni();
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = encode.get(char);
    if (code !== undefined) out += code;
    else if (!isWindows1252Char(char) || codeChars.has(char)) throw new Error(`"${char}" cannot be written in VNI-Windows`);
    else out += char;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Public conversions

/**
 * Converts text stored in a legacy font's encoding to NFC Unicode. `upperCase` is for the capital-only
 * fonts (".VnTimeH"), which draw the lower-case codes as capitals.
 */
export function decodeLegacy(text: string, encoding: LegacyEncoding, options?: { upperCase?: boolean }): string {
  const decoded = encoding === 'tcvn3' ? decodeTcvn3(text) : decodeVni(text);
  const shown = options?.upperCase ? decoded.toUpperCase() : decoded;
  return normalizeVietnamese(shown);
}

/**
 * Unicode → the Windows-1252 characters a legacy font's text is stored as (for test fixtures).
 * Throws on a character the encoding cannot carry, including TCVN3's missing toned capitals.
 */
export function encodeLegacy(text: string, encoding: LegacyEncoding): string {
  return encoding === 'tcvn3' ? encodeTcvn3(text) : encodeVni(text);
}

/**
 * NFC: every Vietnamese letter has a precomposed form, so decomposed input ("a\u0301", or the
 * combining tones of Windows-1258) becomes the same code points as typed ones. The tone stays
 * where it was typed ("hoà" is not rewritten as "hòa").
 */
export function normalizeVietnamese(text: string): string {
  return text.normalize('NFC');
}

function isVietnameseLetter(char: string): boolean {
  return LOWER_VIETNAMESE_LETTERS.includes(char.toLowerCase());
}

// ---------------------------------------------------------------------------------------------
// Guessing the encoding of text whose font is unknown

/**
 * Guesses whether text is TCVN3 or VNI when no font tells. The idea: legacy text holds only
 * Windows-1252 characters, and read as Unicode its words are not Vietnamese ("nh©n", "nhaân"), while
 * decoded they are ("nhân"). So a guess needs
 * - no character outside Windows-1252 (a real "ư", "ệ" or combining mark means Unicode already);
 * - a word that is not a Vietnamese syllable as it stands but becomes one when decoded, with an ASCII
 *   letter beside the codes (a lone "©" proves nothing) and at least two letters once decoded;
 * - no decoded word with a non-ASCII letter that is not a syllable (French "café", German "schön"
 *   decode to nonsense) other than consonant-only abbreviations ("ĐVT");
 * - mostly Vietnamese-looking plain ASCII words ("Où est-il ?" is French even though "où" is VNI "ó").
 * Text that reads as Vietnamese either way ("Tên", "Số") stays null: it is taken as Unicode.
 */
export function guessLegacyEncoding(text: string): LegacyEncoding | null {
  if (!hasNonAscii(text)) return null;
  for (const char of text) if (!isWindows1252Char(char)) return null;
  const tcvn3Score = legacyEvidence(text, 'tcvn3');
  const vniScore = legacyEvidence(text, 'vni');
  if (tcvn3Score > vniScore) return 'tcvn3';
  if (vniScore > tcvn3Score) return 'vni';
  return null;
}

/**
 * How strongly the text reads as this encoding, 0 when anything speaks against it. A word that only
 * becomes Vietnamese when decoded counts twice as much as one that is Vietnamese either way but
 * changes ("céng" → "cộng"), which settles "Tæng céng": TCVN3 "Tổng cộng", not VNI "Tỉng céng".
 */
function legacyEvidence(text: string, encoding: LegacyEncoding): number {
  const codes = encoding === 'tcvn3' ? tcvn3().decode : vni().decode;
  const words = text.split(/\s+/).flatMap((chunk) => splitWords(chunk, codes));
  let evidence = 0;
  let changedSyllables = 0;
  let strongEvidence = false;
  let asciiWords = 0;
  let foreignAsciiWords = 0;
  for (const word of words) {
    if (!hasNonAscii(word)) {
      asciiWords++;
      if (!isSyllable(word) && !isAbbreviation(word)) foreignAsciiWords++;
      continue;
    }
    const decoded = decodeLegacy(word, encoding);
    if (isAbbreviation(decoded)) continue;
    if (!isSyllable(decoded)) return 0;
    if (decoded === word) continue;
    if (isSyllable(word)) {
      changedSyllables++;
      continue;
    }
    evidence++;
    if (/[a-z]/i.test(word) && [...decoded].length >= 2) strongEvidence = true;
  }
  if (!strongEvidence) return 0;
  if (foreignAsciiWords * 2 > asciiWords + evidence) return 0;
  return 2 * evidence + changedSyllables;
}

function hasNonAscii(text: string): boolean {
  return /[\u0080-\uffff]/.test(text);
}

/** Splits on whatever is neither a letter nor one of the encoding's codes (TCVN3 has "©", "­", "¸"…). */
function splitWords(chunk: string, codes: ReadonlyMap<string, string>): string[] {
  const words: string[] = [];
  let current = '';
  for (const char of chunk) {
    if (/\p{L}/u.test(char) || codes.has(char)) {
      current += char;
    } else {
      if (current) words.push(current);
      current = '';
    }
  }
  if (current) words.push(current);
  return words;
}

const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
/** Vowel groups closed by a glide or open diphthongs: nothing may follow. */
const NUCLEUS_WITHOUT_FINAL = 'iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu';
/** Vowel groups that need a final consonant. */
const NUCLEUS_WITH_FINAL = 'uyê|iê|yê|uô|ươ|oă|uâ|ă|â';
const NUCLEUS_ANY_FINAL = 'oa|oe|uê|uy|uơ|[aeêioôơuưy]';
const FINAL = '(?:ch|ng|nh|[cmnpt])';
const SYLLABLE = new RegExp(
  `^${INITIAL}(?:(?:${NUCLEUS_WITHOUT_FINAL})|(?:${NUCLEUS_WITH_FINAL})${FINAL}|(?:${NUCLEUS_ANY_FINAL})${FINAL}?)$`,
);
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * Whether a word has the shape of a Vietnamese syllable: initial consonant, vowel group, final
 * consonant where the group allows one, at most one tone — and only sắc or nặng before c, ch, p, t.
 * Shape, not dictionary: a made-up syllable such as "thoõn" passes.
 */
function isSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONES) ?? [];
  if (tones.length > 1) return false;
  const bare = decomposed.replace(TONES, '').normalize('NFC');
  if (!SYLLABLE.test(bare)) return false;
  const stopFinal = /(?:c|ch|p|t)$/.test(bare);
  return !stopFinal || tones.length === 0 || tones[0] === '\u0301' || tones[0] === '\u0323';
}

/** Consonant-only words ("ĐVT", "NSTW", "Tr") are abbreviations, neither for nor against. */
function isAbbreviation(word: string): boolean {
  return /^[bcdđfghjklmnpqrstvwxz]+$/i.test(word);
}
