import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeLegacy,
  encodeLegacy,
  guessLegacyEncoding,
  legacyFontEncoding,
  normalizeVietnamese,
  type LegacyEncoding,
} from '../../../electron/core/excel/legacy-vietnamese';

/**
 * Code tables written out by hand, one row per vowel in the order none, sắc, huyền, hỏi, ngã, nặng
 * (the order of UniKey's VnConv tables, which these were checked against; the VNI rows also match
 * xvnkb's vni.h). They are not produced by the module, so they check its tables rather than echo them.
 */
const TCVN3_ROWS: [unicode: string, tcvn3: string][] = [
  ['a á à ả ã ạ', 'a ¸ µ ¶ · ¹'],
  ['ă ắ ằ ẳ ẵ ặ', '¨ ¾ » ¼ ½ Æ'],
  ['â ấ ầ ẩ ẫ ậ', '© Ê Ç È É Ë'],
  ['e é è ẻ ẽ ẹ', 'e Ð Ì Î Ï Ñ'],
  ['ê ế ề ể ễ ệ', 'ª Õ Ò Ó Ô Ö'],
  ['i í ì ỉ ĩ ị', 'i Ý × Ø Ü Þ'],
  ['o ó ò ỏ õ ọ', 'o ã ß á â ä'],
  ['ô ố ồ ổ ỗ ộ', '« è å æ ç é'],
  ['ơ ớ ờ ở ỡ ợ', '¬ í ê ë ì î'],
  ['u ú ù ủ ũ ụ', 'u ó ï ñ ò ô'],
  ['ư ứ ừ ử ữ ự', '\u00ad ø õ ö ÷ ù'], // ư is 0xAD, the soft hyphen
  ['y ý ỳ ỷ ỹ ỵ', 'y ý ú û ü þ'],
  ['đ Ă Â Ê Ô Ơ Ư Đ', '® ¡ ¢ £ ¤ ¥ ¦ §'],
];

const VNI_ROWS: [unicode: string, vni: string][] = [
  ['a á à ả ã ạ', 'a aù aø aû aõ aï'],
  ['ă ắ ằ ẳ ẵ ặ', 'aê aé aè aú aü aë'],
  ['â ấ ầ ẩ ẫ ậ', 'aâ aá aà aå aã aä'],
  ['e é è ẻ ẽ ẹ', 'e eù eø eû eõ eï'],
  ['ê ế ề ể ễ ệ', 'eâ eá eà eå eã eä'],
  ['i í ì ỉ ĩ ị', 'i í ì æ ó ò'],
  ['o ó ò ỏ õ ọ', 'o où oø oû oõ oï'],
  ['ô ố ồ ổ ỗ ộ', 'oâ oá oà oå oã oä'],
  ['ơ ớ ờ ở ỡ ợ', 'ô ôù ôø ôû ôõ ôï'],
  ['u ú ù ủ ũ ụ', 'u uù uø uû uõ uï'],
  ['ư ứ ừ ử ữ ự', 'ö öù öø öû öõ öï'],
  ['y ý ỳ ỷ ỹ ỵ', 'y yù yø yû yõ î'],
  ['đ', 'ñ'],
  ['A Á À Ả Ã Ạ', 'A AÙ AØ AÛ AÕ AÏ'],
  ['Ă Ắ Ằ Ẳ Ẵ Ặ', 'AÊ AÉ AÈ AÚ AÜ AË'],
  ['Â Ấ Ầ Ẩ Ẫ Ậ', 'AÂ AÁ AÀ AÅ AÃ AÄ'],
  ['E É È Ẻ Ẽ Ẹ', 'E EÙ EØ EÛ EÕ EÏ'],
  ['Ê Ế Ề Ể Ễ Ệ', 'EÂ EÁ EÀ EÅ EÃ EÄ'],
  ['I Í Ì Ỉ Ĩ Ị', 'I Í Ì Æ Ó Ò'],
  ['O Ó Ò Ỏ Õ Ọ', 'O OÙ OØ OÛ OÕ OÏ'],
  ['Ô Ố Ồ Ổ Ỗ Ộ', 'OÂ OÁ OÀ OÅ OÃ OÄ'],
  ['Ơ Ớ Ờ Ở Ỡ Ợ', 'Ô ÔÙ ÔØ ÔÛ ÔÕ ÔÏ'],
  ['U Ú Ù Ủ Ũ Ụ', 'U UÙ UØ UÛ UÕ UÏ'],
  ['Ư Ứ Ừ Ử Ữ Ự', 'Ö ÖÙ ÖØ ÖÛ ÖÕ ÖÏ'],
  ['Y Ý Ỳ Ỷ Ỹ Ỵ', 'Y YÙ YØ YÛ YÕ Î'],
  ['Đ', 'Ñ'],
];

function pairs(rows: [string, string][]): [string, string][] {
  return rows.flatMap(([unicode, legacy]) => {
    const letters = unicode.split(' ');
    const codes = legacy.split(' ');
    expect(codes).toHaveLength(letters.length);
    return letters.map((letter, i): [string, string] => [letter, codes[i] ?? '']);
  });
}

const VOWEL_ROWS = ['a á à ả ã ạ', 'ă ắ ằ ẳ ẵ ặ', 'â ấ ầ ẩ ẫ ậ', 'e é è ẻ ẽ ẹ', 'ê ế ề ể ễ ệ', 'i í ì ỉ ĩ ị', 'o ó ò ỏ õ ọ', 'ô ố ồ ổ ỗ ộ', 'ơ ớ ờ ở ỡ ợ', 'u ú ù ủ ũ ụ', 'ư ứ ừ ử ữ ự', 'y ý ỳ ỷ ỹ ỵ'];
const LOWER_LETTERS = [...VOWEL_ROWS.flatMap((row) => row.split(' ')), 'đ'];
const UPPER_LETTERS = LOWER_LETTERS.map((letter) => letter.toUpperCase());
const ALL_LETTERS = [...LOWER_LETTERS, ...UPPER_LETTERS];
const NON_ASCII_LETTERS = ALL_LETTERS.filter((letter) => letter > '\u007f');
const TONED_CAPITALS = UPPER_LETTERS.filter((letter) => !/^[AĂÂEÊIOÔƠUƯYĐ]$/.test(letter));
const CONSONANTS = 'bcdghklmnpqrstvxfjwz'.split('');

/** Phrases from the programme's documents, with their legacy forms typed from the tables above. */
const PHRASES: { unicode: string; tcvn3?: string; vni: string }[] = [
  {
    unicode: 'Ủy ban nhân dân huyện Tràng Định', // TCVN3 has no "Ủ": see the .VnTime cases below
    vni: 'UÛy ban nhaân daân huyeän Traøng Ñònh',
  },
  {
    unicode: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững',
    tcvn3: 'Ch\u00ad¬ng tr×nh môc tiªu quèc gia gi¶m nghÌo bÒn v÷ng',
    vni: 'Chöông trình muïc tieâu quoác gia giaûm ngheøo beàn vöõng',
  },
  {
    unicode: 'Tiểu dự án 1: Hỗ trợ đầu tư phát triển hạ tầng kinh tế - xã hội các huyện nghèo',
    tcvn3: 'TiÓu dù ¸n 1: Hç trî ®Çu t\u00ad ph¸t triÓn h¹ tÇng kinh tÕ - x· héi c¸c huyÖn nghÌo',
    vni: 'Tieåu döï aùn 1: Hoã trôï ñaàu tö phaùt trieån haï taàng kinh teá - xaõ hoäi caùc huyeän ngheøo',
  },
  {
    unicode: 'Ngân sách trung ương',
    tcvn3: 'Ng©n s¸ch trung \u00ad¬ng',
    vni: 'Ngaân saùch trung öông',
  },
  {
    unicode: 'Vốn đầu tư phát triển',
    tcvn3: 'Vèn ®Çu t\u00ad ph¸t triÓn',
    vni: 'Voán ñaàu tö phaùt trieån',
  },
  {
    unicode: 'Đơn vị tính: triệu đồng',
    tcvn3: '§¬n vÞ tÝnh: triÖu ®ång',
    vni: 'Ñôn vò tính: trieäu ñoàng',
  },
];

describe('TCVN3 table', () => {
  it('decodes and encodes every VN3 letter as the hand-written table says', () => {
    const table = pairs(TCVN3_ROWS);
    expect(table.filter(([letter]) => letter > '\u007f')).toHaveLength(67 + 7);
    for (const [letter, code] of table) {
      expect(decodeLegacy(code, 'tcvn3'), `decode ${code}`).toBe(letter);
      expect(encodeLegacy(letter, 'tcvn3'), `encode ${letter}`).toBe(code);
    }
  });

  it('draws the lower-case codes as capitals in the .Vn…H fonts', () => {
    for (const [letter, code] of pairs(TCVN3_ROWS)) {
      expect(decodeLegacy(code, 'tcvn3', { upperCase: true })).toBe(letter.toUpperCase());
    }
    expect(decodeLegacy('ñy ban nh©n d©n huyÖn trµng ®Þnh', 'tcvn3', { upperCase: true })).toBe('ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH');
    expect(decodeLegacy('Uû ban nh©n d©n', 'tcvn3', { upperCase: true })).toBe('UỶ BAN NHÂN DÂN');
  });

  it('leaves every other character as it is: ASCII, controls, Windows symbols, VN1-only positions', () => {
    const codes = new Set(pairs(TCVN3_ROWS).map(([, code]) => code));
    for (let codePoint = 0; codePoint <= 0xff; codePoint++) {
      const char = String.fromCharCode(codePoint);
      if (!codes.has(char)) expect(decodeLegacy(char, 'tcvn3'), `U+${codePoint.toString(16)}`).toBe(char);
    }
    // VN1 (iconv's "tcvn") puts capitals on these; in .VnTime text they are quotes and dashes.
    expect(decodeLegacy('“Tæng” – 50% …', 'tcvn3')).toBe('“Tổng” – 50% …');
    expect(decodeLegacy('\u0001\u0002\t\n', 'tcvn3')).toBe('\u0001\u0002\t\n');
  });

  it('refuses what TCVN3 cannot carry', () => {
    for (const capital of TONED_CAPITALS) expect(() => encodeLegacy(capital, 'tcvn3'), capital).toThrow(/capital/);
    expect(() => encodeLegacy('©', 'tcvn3')).toThrow(); // 0xA9 is â
    expect(() => encodeLegacy('ñ', 'tcvn3')).toThrow(); // 0xF1 is ủ
    expect(() => encodeLegacy('中', 'tcvn3')).toThrow();
    expect(() => encodeLegacy(PHRASES[0]?.unicode ?? '', 'tcvn3')).toThrow();
  });
});

describe('VNI-Windows table', () => {
  it('decodes and encodes every letter as the hand-written table says', () => {
    const table = pairs(VNI_ROWS);
    expect(table).toHaveLength(ALL_LETTERS.length);
    for (const [letter, code] of table) {
      expect(decodeLegacy(code, 'vni'), `decode ${code}`).toBe(letter);
      expect(encodeLegacy(letter, 'vni'), `encode ${letter}`).toBe(code);
    }
  });

  it('reads a mark of the other case and the i and ỵ tones spelt base + mark', () => {
    expect(decodeLegacy('Uûy ban nhaân daân', 'vni')).toBe('Ủy ban nhân dân');
    expect(decodeLegacy('VIEäT NAM', 'vni')).toBe('VIỆT NAM');
    expect(decodeLegacy('iù', 'vni')).toBe('í');
    expect(decodeLegacy('yï', 'vni')).toBe('ỵ');
    // A capital's mark after a small letter is not VNI (it is TCVN3 "thuế" in "ThuÕ").
    expect(decodeLegacy('ThuÕ', 'vni')).toBe('ThuÕ');
  });

  it('leaves ASCII and stray marks alone', () => {
    expect(decodeLegacy('Total 2024: 1.234,5 (x) - "a" / b', 'vni')).toBe('Total 2024: 1.234,5 (x) - "a" / b');
    expect(decodeLegacy('ù', 'vni')).toBe('ù'); // a mark with no vowel before it
    expect(decodeLegacy('“Toång” – 50%', 'vni')).toBe('“Tổng” – 50%');
  });

  it('refuses what VNI cannot carry', () => {
    expect(() => encodeLegacy('ñ', 'vni')).toThrow(); // ñ is đ
    expect(() => encodeLegacy('ü', 'vni')).toThrow(); // a tone mark
    expect(() => encodeLegacy('中', 'vni')).toThrow();
  });
});

describe('every Vietnamese letter round-trips', () => {
  it('has the 134 non-ASCII letters', () => {
    expect(new Set(NON_ASCII_LETTERS).size).toBe(134);
  });

  it.each(['tcvn3', 'vni'] as LegacyEncoding[])('%s', (encoding) => {
    for (const letter of ALL_LETTERS) {
      if (encoding === 'tcvn3' && TONED_CAPITALS.includes(letter)) {
        const lower = encodeLegacy(letter.toLowerCase(), encoding);
        expect(decodeLegacy(lower, encoding, { upperCase: true }), letter).toBe(letter);
      } else {
        expect(decodeLegacy(encodeLegacy(letter, encoding), encoding), letter).toBe(letter);
      }
    }
  });
});

describe('real phrases', () => {
  it('decodes hand-written well-known examples', () => {
    expect(decodeLegacy('Tr\u00adêng', 'tcvn3')).toBe('Trường');
    expect(decodeLegacy('Chñ tÞch', 'tcvn3')).toBe('Chủ tịch');
    expect(decodeLegacy('Vieät Nam', 'vni')).toBe('Việt Nam');
    // .VnTime cannot write "Ủ", so title case was typed "Uû" (the old "Uỷ" placement), kept as typed.
    expect(decodeLegacy('Uû ban nh©n d©n huyÖn Trµng §Þnh', 'tcvn3')).toBe('Uỷ ban nhân dân huyện Tràng Định');
  });

  it.each(PHRASES)('$unicode', ({ unicode, tcvn3, vni }) => {
    expect(decodeLegacy(vni, 'vni')).toBe(unicode);
    expect(encodeLegacy(unicode, 'vni')).toBe(vni);
    if (tcvn3 !== undefined) {
      expect(decodeLegacy(tcvn3, 'tcvn3')).toBe(unicode);
      expect(encodeLegacy(unicode, 'tcvn3')).toBe(tcvn3);
      expect(decodeLegacy(encodeLegacy(unicode.toLowerCase(), 'tcvn3'), 'tcvn3', { upperCase: true })).toBe(unicode.toUpperCase());
    }
  });

  it('returns NFC', () => {
    for (const { tcvn3, vni } of PHRASES) {
      const decoded = [decodeLegacy(vni, 'vni'), tcvn3 === undefined ? '' : decodeLegacy(tcvn3, 'tcvn3')];
      for (const text of decoded) expect(text).toBe(text.normalize('NFC'));
    }
  });
});

describe('property: decode(encode(s)) === s', () => {
  const punctuation = [' ', ' ', '.', ',', ':', ';', '-', '(', ')', '/', '%', '"', "'", '“', '”', '–', '…', '°', '\n'];
  const digits = '0123456789'.split('');
  const text = (alphabet: string[]) => fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }).map((chars) => chars.join(''));
  const upper = CONSONANTS.map((c) => c.toUpperCase());

  it('VNI, over every letter', () => {
    fc.assert(
      fc.property(text([...ALL_LETTERS, ...CONSONANTS, ...upper, ...digits, ...punctuation]), (s) => {
        expect(decodeLegacy(encodeLegacy(s, 'vni'), 'vni')).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('TCVN3, over every letter it can write', () => {
    const writable = ALL_LETTERS.filter((letter) => !TONED_CAPITALS.includes(letter));
    fc.assert(
      fc.property(text([...writable, ...CONSONANTS, ...upper, ...digits, ...punctuation]), (s) => {
        expect(decodeLegacy(encodeLegacy(s, 'tcvn3'), 'tcvn3')).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('TCVN3 in a .Vn…H font, over capitals', () => {
    fc.assert(
      fc.property(text([...LOWER_LETTERS, ...CONSONANTS, ...digits, ...punctuation]), (s) => {
        expect(decodeLegacy(encodeLegacy(s, 'tcvn3'), 'tcvn3', { upperCase: true })).toBe(s.toUpperCase());
      }),
      { numRuns: 300 },
    );
  });

  it('printable ASCII is never changed', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 80 }), (s) => {
        const printable = s.replace(/[^ -~]/g, '');
        expect(decodeLegacy(printable, 'tcvn3')).toBe(printable);
        expect(decodeLegacy(printable, 'vni')).toBe(printable);
      }),
    );
  });
});

describe('legacyFontEncoding', () => {
  it.each([
    ['.VnTime', 'tcvn3', false],
    ['.VnTimeH', 'tcvn3', true],
    ['.VnArial', 'tcvn3', false],
    ['.VnArialH', 'tcvn3', true],
    ['.VnArial NarrowH', 'tcvn3', true],
    ['.VnCentury Schoolbook', 'tcvn3', false],
    ['.VnAvant', 'tcvn3', false],
    ['.VnBook-AntiquaH', 'tcvn3', true],
    ['  .vntimeh ', 'tcvn3', true],
    ['.VNTIME', 'tcvn3', false],
    ['VNI-Times', 'vni', false],
    ['VNI-Helve', 'vni', false],
    ['VNI-Aptima', 'vni', false],
    ['vni-times', 'vni', false],
  ] as const)('%s', (font, encoding, upperCase) => {
    expect(legacyFontEncoding(font)).toEqual({ encoding, upperCase });
  });

  it.each(['Times New Roman', 'Arial', 'Calibri', 'Tahoma', 'VnTime', '', '   ', undefined, null])('%s is not legacy', (font) => {
    expect(legacyFontEncoding(font)).toBeNull();
  });
});

describe('guessLegacyEncoding', () => {
  const tcvn3Texts = [
    'Tr\u00adêng',
    'Chñ tÞch',
    'Uû ban nh©n d©n huyÖn Trµng §Þnh',
    'Tæng céng',
    '§VT: Tr.®ång',
    'KÕ ho¹ch vèn ODA',
    'ThuÕ',
    ...PHRASES.flatMap(({ tcvn3 }) => (tcvn3 === undefined ? [] : [tcvn3])),
  ];
  const vniTexts = ['Vieät Nam', 'Uûy ban nhaân daân', 'Chöông trình', 'Coäng' /* TCVN3 would make it "Coọng" */, 'Thoân', ...PHRASES.map(({ vni }) => vni)];

  it.each(tcvn3Texts)('TCVN3: %s', (text) => {
    expect(guessLegacyEncoding(text)).toBe('tcvn3');
  });

  it.each(vniTexts)('VNI: %s', (text) => {
    expect(guessLegacyEncoding(text)).toBe('vni');
  });

  it('guesses the encoding that decodes the phrase right', () => {
    for (const { unicode, tcvn3, vni } of PHRASES) {
      expect(decodeLegacy(vni, guessLegacyEncoding(vni) ?? 'tcvn3')).toBe(unicode);
      if (tcvn3 !== undefined) expect(decodeLegacy(tcvn3, guessLegacyEncoding(tcvn3) ?? 'vni')).toBe(unicode);
    }
  });

  it.each([
    // Unicode Vietnamese, including words made only of Latin-1 letters that are also legacy codes
    ...PHRASES.map(({ unicode }) => unicode),
    'Trường',
    'Tràng Định',
    'ĐVT: Tr.đồng',
    'Tên',
    'Số',
    'Bà',
    'Ghi chú',
    'Cà Mau',
    'TÊN',
    'hoà',
    'Vie\u0323\u0302t Nam',
    // English, French, German, Spanish
    'Total',
    'Hello world',
    'Budget 2024',
    'Café',
    'résumé',
    'Hôtel de ville',
    'Où est-il ?',
    'Où',
    'coût',
    'naïve',
    'garçon',
    'Noël',
    'à la carte',
    'Crème brûlée',
    'déjà vu',
    '« Bonjour »',
    'schön',
    'Zürich',
    'Straße',
    'año',
    'Señor',
    // numbers and symbols
    '',
    '1.234.567',
    '12,5%',
    '-',
    '© 2020',
    '½',
  ])('no guess for %j', (text) => {
    expect(guessLegacyEncoding(text)).toBeNull();
  });
});

describe('normalizeVietnamese', () => {
  it('composes decomposed letters, whatever the order of the marks', () => {
    expect(normalizeVietnamese('a\u0301')).toBe('á');
    expect(normalizeVietnamese('Vie\u0323\u0302t Nam')).toBe('Việt Nam');
    expect(normalizeVietnamese('Vie\u0302\u0323t Nam')).toBe('Việt Nam');
    expect(normalizeVietnamese('Tru\u031Bo\u031B\u0300ng')).toBe('Trường');
    // Windows-1258 style: precomposed base letter, combining tone
    expect(normalizeVietnamese('\u01B0\u0309')).toBe('ử');
    for (const letter of ALL_LETTERS) expect(normalizeVietnamese(letter.normalize('NFD'))).toBe(letter);
  });

  it('keeps the tone where it was typed', () => {
    expect(normalizeVietnamese('hoà')).toBe('hoà');
    expect(normalizeVietnamese('hòa')).toBe('hòa');
    expect(normalizeVietnamese('thuỷ')).toBe('thuỷ');
    expect(normalizeVietnamese('thủy')).toBe('thủy');
  });
});
