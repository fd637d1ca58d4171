/**
 * Names rows as catalog components: the program from the row or its parents, then the numbering
 * ("Dự án 3", "DA 3 - TDA 1", "Tiểu dự án 1", "Nội dung thành phần 2", "Hợp phần 1") checked against
 * the catalog of the year, or the name itself when there is no numbering — diacritics-insensitive,
 * with a confidence the preview shows.
 */
import type { MatchConfidence } from '../../../shared/api/import';
import type { ComponentOption } from '../../../shared/api/reference';
import { foldVietnamese } from '../../../shared/text/fold';

export interface ComponentMatch {
  code: string;
  name: string;
  confidence: MatchConfidence;
}

const PROGRAM_ALIASES: Record<string, RegExp> = {
  DTTS: /\b(dan toc thieu so|vung dong bao|1719|dtts)\b/,
  GNBV: /\b(giam ngheo|gnbv)\b/,
  NTM: /\b(nong thon moi|xd ntm|ntm)\b/,
};
const STOP_WORDS = new Set(['va', 'cac', 'cho', 'cua', 'tai', 'theo', 'de', 'voi', 'trong', 'du', 'an', 'tieu', 'noi', 'dung', 'thanh', 'phan', 'hop', 'so', 'nham']);

function words(folded: string): Set<string> {
  return new Set(folded.split(/[^a-z0-9]+/).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
}

/** Abbreviations provinces use in row names, spelled out before comparing words. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bkt\s*-\s*xh\b/g, 'kinh te xa hoi'],
  [/\bdtts\b/g, 'dan toc thieu so'],
  [/\bgtnt\b/g, 'giao thong nong thon'],
  [/\bntm\b/g, 'nong thon moi'],
  [/\bcsht\b/g, 'co so ha tang'],
];

function expand(folded: string): string {
  return ABBREVIATIONS.reduce((text, [re, full]) => text.replace(re, full), folded);
}

/** The words of each catalog name, split once: similarity runs for every row of a 50,000-row file. */
const catalogWordsCache = new Map<string, Set<string>>();
function catalogWords(catalogFolded: string): Set<string> {
  let found = catalogWordsCache.get(catalogFolded);
  if (!found) {
    found = words(catalogFolded.replace(/^[^:]*:\s*/, ''));
    catalogWordsCache.set(catalogFolded, found);
  }
  return found;
}

/** Rows usually shorten the official name: the share of the row's words found in the catalog counts most. */
function similarity(rowFolded: string, catalogFolded: string): { rowShare: number; fit: number } {
  const catalog = catalogWords(catalogFolded);
  const row = words(expand(rowFolded).replace(/^[^:]*:\s*/, ''));
  if (catalog.size === 0 || row.size === 0) return { rowShare: 0, fit: 0 };
  let hit = 0;
  for (const w of row) if (catalog.has(w)) hit++;
  const rowShare = hit / row.size;
  return { rowShare, fit: 0.7 * rowShare + 0.3 * (hit / catalog.size) };
}

export interface NumberingParts {
  da: number | null;
  tda: number | null;
  nd: number | null;
  hp: number | null;
}

export function numberingOf(folded: string): NumberingParts {
  let rest = ` ${folded} `;
  const take = (re: RegExp): number | null => {
    const m = re.exec(rest);
    if (!m) return null;
    rest = rest.replace(m[0], ' ');
    return Number(m[1]);
  };
  const tda = take(/\b(?:tieu du an|tda)\s*(?:so\s*)?(\d{1,2})\b/);
  const nd = take(/\b(?:noi dung thanh phan|noi dung|ndtp|nd)\s*(?:so\s*)?(\d{1,2})\b/);
  const hp = take(/\b(?:hop phan|hp)\s*(?:so\s*)?(\d{1,2})\b/);
  const da = take(/\b(?:du an thanh phan|du an|da)\s*(?:so\s*)?(\d{1,2})\b/);
  return { da, tda, nd, hp };
}

export class CatalogMatcher {
  private readonly byCode: Map<string, ComponentOption>;
  private readonly folded = new Map<string, string>();
  private readonly descendantsOf = new Map<string, ComponentOption[]>();
  readonly programs: ComponentOption[];

  constructor(components: ComponentOption[]) {
    this.byCode = new Map(components.map((c) => [c.code, c]));
    for (const c of components) this.folded.set(c.code, foldVietnamese(c.name));
    this.programs = components.filter((c) => c.depth === 0);
  }

  /** The components a name may match under a context, in catalog order; listed once per context, not per row. */
  private descendants(program: string, context: string | null): ComponentOption[] {
    const key = `${program}|${context ?? ''}`;
    let found = this.descendantsOf.get(key);
    if (!found) {
      found = [...this.byCode.values()].filter(
        (option) => option.programCode === program && option.depth !== 0 && !(context && context !== program && !option.code.startsWith(`${context}.`)),
      );
      this.descendantsOf.set(key, found);
    }
    return found;
  }

  get(code: string): ComponentOption | undefined {
    return this.byCode.get(code);
  }

  matchProgram(folded: string): ComponentMatch | null {
    // Names of components mention programs too ("… giảm nghèo …"): a program row says "chương trình".
    // Checked first, so the many detail rows that do not are not compared with every program's name.
    const saysProgram = /\b(chuong trinh|ctmtqg|ct mtqg|mtqg)\b/.test(folded) || this.programs.length === 1;
    if (!saysProgram) return null;
    for (const program of this.programs) {
      const alias = PROGRAM_ALIASES[program.code];
      const byAlias = alias?.test(folded) ?? false;
      const byName = similarity(folded, this.folded.get(program.code)!).fit >= 0.6;
      // A row that says "chương trình" and names one by its alias or by its words leaves no doubt.
      if (byAlias || byName) return { code: program.code, name: program.name, confidence: 'high' };
    }
    return null;
  }

  /** A component under a context (a program or component code) by numbering, then by name. */
  matchComponent(folded: string, context: string | null): ComponentMatch | null {
    const contextOption = context ? this.byCode.get(context) : undefined;
    const program = contextOption?.programCode ?? null;
    const parts = numberingOf(folded);
    const candidates = this.numberedCandidates(parts, context, program);
    for (const code of candidates) {
      const option = this.byCode.get(code);
      if (!option) continue;
      const score = similarity(folded, this.folded.get(code)!).rowShare;
      const bare = words(folded.replace(/\b(du an|tieu du an|noi dung thanh phan|noi dung|hop phan|da|tda|nd|hp)\s*\d+\b/g, '')).size === 0;
      return { code, name: option.name, confidence: score >= 0.6 || bare ? 'high' : score >= 0.25 ? 'medium' : 'low' };
    }
    if (!program) return null;
    // No usable numbering: the closest name among the context's descendants.
    let best: { option: ComponentOption; score: number } | null = null;
    let second = 0;
    for (const option of this.descendants(program, context)) {
      const score = similarity(folded, this.folded.get(option.code)!).fit;
      if (!best || score > best.score) {
        second = best?.score ?? 0;
        best = { option, score };
      } else if (score > second) second = score;
    }
    if (!best || best.score < 0.6 || best.score - second < 0.1) return null;
    return { code: best.option.code, name: best.option.name, confidence: best.score >= 0.85 ? 'high' : 'medium' };
  }

  private numberedCandidates(parts: NumberingParts, context: string | null, program: string | null): string[] {
    // Without any numbering there is nothing to build (the usual detail row): skip the context patterns.
    if (!program || (parts.da === null && parts.tda === null && parts.nd === null && parts.hp === null)) return [];
    const codes: string[] = [];
    const nd = (base: string, n: number) => [`${base}.ND${n}`, `${base}.ND${String(n).padStart(2, '0')}`];
    const contextDa = context?.match(new RegExp(`^${program}\\.(DA|HP)\\d+`))?.[0] ?? null;
    const contextTda = context?.match(new RegExp(`^${program}\\.DA\\d+\\.TDA\\d+`))?.[0] ?? null;
    const da = parts.da !== null ? `${program}.DA${parts.da}` : parts.hp !== null ? `${program}.HP${parts.hp}` : contextDa;
    if (parts.tda !== null && da) {
      const tda = `${da}.TDA${parts.tda}`;
      codes.push(...(parts.nd !== null ? nd(tda, parts.nd) : [tda]));
    } else if (parts.nd !== null) {
      const base = contextTda && parts.da === null ? contextTda : da ?? program;
      codes.push(...nd(base, parts.nd));
      if (base !== program) codes.push(...nd(program, parts.nd));
    } else if (parts.da !== null || parts.hp !== null) {
      codes.push(da!);
    }
    return codes;
  }
}
