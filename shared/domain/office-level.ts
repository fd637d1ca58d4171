/**
 * The office's level of government as the documents say it: the unit word ("huyện", "xã", "phường",
 * "thành phố") and the place name ("Tràng Định"), read from the unit's official name ("Xã Tràng Định").
 */
export type OfficeLevelCode = 'huyen' | 'xa';

const UNIT_WORDS = ['thành phố', 'thị xã', 'huyện', 'phường', 'xã'] as const;
export type UnitWord = (typeof UNIT_WORDS)[number];

export function unitNameParts(unitName: string): { word: UnitWord; place: string } {
  const lower = unitName.toLocaleLowerCase('vi');
  const word = UNIT_WORDS.find((w) => lower.startsWith(`${w} `)) ?? 'huyện';
  const place = lower.startsWith(`${word} `) ? unitName.slice(word.length + 1).trim() : unitName.trim();
  return { word, place };
}

/** "ỦY BAN NHÂN DÂN" + "XÃ TRÀNG ĐỊNH": the second line of the issuer block, upper case. */
export function unitUpper(unitName: string): string {
  const { word, place } = unitNameParts(unitName);
  return `${word} ${place}`.toLocaleUpperCase('vi');
}

/** "huyện Tràng Định", "xã Tràng Định": the unit as it stands inside a sentence. */
export function unitInSentence(unitName: string): string {
  const { word, place } = unitNameParts(unitName);
  return `${word} ${place}`;
}
