/**
 * The formulas province files are made of — SUM over ranges, + − × ÷ of cells and numbers, SUBTOTAL(9|109, …),
 * ROUND, references to other sheets — evaluated when a file carries no value for them (written by a program
 * that does not calculate: openpyxl, report generators) or a cached 0 that may only be a placeholder (xlsxwriter
 * writes 0 for every formula). Anything else (text functions, lookups, whole-column ranges, names) is
 * "cannot evaluate": the cell stays without a value and the import says so, as before.
 */
import { columnLetters } from '../../../shared/format/cell-address';

type Token =
  | { t: 'num'; v: number }
  | { t: 'ref'; sheet: string | null; top: number; left: number; bottom: number; right: number; range: boolean }
  | { t: 'fn'; name: string }
  | { t: 'op'; v: string };

const REF = String.raw`\$?([A-Za-z]{1,3})\$?(\d{1,7})`;
const SHEET = String.raw`(?:'(?<quoted>(?:[^']|'')+)'|(?<bare>[\p{L}_][\p{L}\p{N}_.]*))!`;
const TOKEN = new RegExp(
  String.raw`\s*(?:(?<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)(?![\p{L}\d])` +
    String.raw`|(?:${SHEET})?(?<a>${REF})(?::(?<b>${REF}))?(?![\p{L}\d_(])` +
    String.raw`|(?<fn>(?:_xlfn\.)?[A-Za-z][A-Za-z0-9.]*)\s*\(` +
    String.raw`|(?<op>[-+*/(),;%^]))`,
  'uy',
);
const SINGLE_REF = new RegExp(`^${REF}$`, 'u');

function refPart(text: string): { row: number; col: number } {
  const m = SINGLE_REF.exec(text)!;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  const source = formula.replace(/^\s*=/, '');
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(source);
    if (!m) return null;
    const g = m.groups!;
    if (g.num !== undefined) tokens.push({ t: 'num', v: Number(g.num) });
    else if (g.a !== undefined) {
      const a = refPart(g.a);
      const b = g.b !== undefined ? refPart(g.b) : a;
      const sheet = g.quoted !== undefined ? g.quoted.replace(/''/g, "'") : (g.bare ?? null);
      tokens.push({ t: 'ref', sheet, top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col), range: g.b !== undefined });
    } else if (g.fn !== undefined) tokens.push({ t: 'fn', name: g.fn.toUpperCase().replace(/^_XLFN\./, '') });
    else tokens.push({ t: 'op', v: g.op! });
  }
  return tokens;
}

/**
 * A shared formula's text for a cell `rows` down and `cols` right of the cell that holds it: relative
 * references move, absolute ones ($) stay — what Excel does when it expands a shared formula.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  // Quoted sheet names and string literals are kept whole; references are the unquoted A1 forms.
  return formula.replace(/'(?:[^']|'')*'!|"(?:[^"]|"")*"|(?<![\p{L}\d_.$:])(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\p{L}\d_(!])|(:)(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\p{L}\d_(!])/gu, (whole, ...g: (string | undefined)[]) => {
    const [d1, c1, d2, r1, colon, d3, c2, d4, r2] = g as (string | undefined)[];
    const shift = (dc: string | undefined, c: string, dr: string | undefined, r: string) => {
      let col = 0;
      for (const ch of c.toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
      const newCol = dc ? col : col + cols;
      const newRow = dr ? Number(r) : Number(r) + rows;
      if (newCol < 1 || newRow < 1) return '#REF!';
      return `${dc ?? ''}${columnLetters(newCol)}${dr ?? ''}${newRow}`;
    };
    if (c1 !== undefined && r1 !== undefined) return shift(d1, c1, d2, r1);
    if (colon !== undefined && c2 !== undefined && r2 !== undefined) return `:${shift(d3, c2, d4, r2)}`;
    return whole;
  });
}

/** What a referenced cell holds, as the evaluator sees it. */
export type CellValue = { kind: 'number'; value: number } | { kind: 'blank' } | { kind: 'text' } | { kind: 'other' };

export interface FormulaScope {
  /** The value of a cell of a sheet (null = this formula's own sheet); null when it cannot be known (a formula it cannot evaluate, a missing sheet). */
  value(sheet: string | null, row: number, col: number): CellValue | null;
  /** Whether a cell holds a SUBTOTAL formula (which SUBTOTAL leaves out of its own ranges, as Excel does). */
  isSubtotal(sheet: string | null, row: number, col: number): boolean;
  isHiddenRow(sheet: string | null, row: number): boolean;
}

/** Excel's ROUND: half away from zero, on the decimal digits as shown (1.005 → 1.01). */
function excelRound(value: number, digits: number): number {
  const factor = 10 ** Math.trunc(digits);
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

class CannotEvaluate extends Error {}

/** A range can be as large as a whole sheet column block; beyond this many cells it is not worth reading. */
const MAX_RANGE_CELLS = 2_000_000;

/** A single cell's value as a number in arithmetic: a blank is 0, text cannot be evaluated. */
function numberOf(value: CellValue | null): number {
  if (value === null) throw new CannotEvaluate();
  if (value.kind === 'number') return value.value;
  if (value.kind === 'blank') return 0;
  throw new CannotEvaluate();
}

/** The numbers of a range for SUM (text, blanks and booleans ignored, as in Excel); SUBTOTAL skips subtotals (and, for 109, hidden rows). */
function rangeSum(scope: FormulaScope, ref: Extract<Token, { t: 'ref' }>, subtotal: { hidden: boolean } | null): number {
  if ((ref.bottom - ref.top + 1) * (ref.right - ref.left + 1) > MAX_RANGE_CELLS) throw new CannotEvaluate();
  let sum = 0;
  for (let r = ref.top; r <= ref.bottom; r++) {
    if (subtotal?.hidden && scope.isHiddenRow(ref.sheet, r)) continue;
    for (let c = ref.left; c <= ref.right; c++) {
      if (subtotal && scope.isSubtotal(ref.sheet, r, c)) continue;
      const value = scope.value(ref.sheet, r, c);
      if (value === null) throw new CannotEvaluate();
      if (value.kind === 'number') sum += value.value;
    }
  }
  return sum;
}

export function evaluateFormula(formula: string, scope: FormulaScope): number | null {
  const parsed = tokenize(formula);
  if (!parsed || parsed.length === 0) return null;
  const tokens: Token[] = parsed;
  let at = 0;
  const peek = () => tokens[at];
  const isOp = (v: string) => {
    const t = peek();
    return t?.t === 'op' && t.v === v;
  };
  const expect = (v: string) => {
    if (!isOp(v)) throw new CannotEvaluate();
    at++;
  };

  const sumArguments = (subtotal: { hidden: boolean } | null): number => {
    let sum = 0;
    if (isOp(')')) return 0;
    for (;;) {
      const t = peek();
      const next = tokens[at + 1];
      // A bare reference or range argument: its numbers, text ignored. Anything else: an expression.
      if (t?.t === 'ref' && (next === undefined || (next.t === 'op' && (next.v === ',' || next.v === ';' || next.v === ')')))) {
        at++;
        sum += rangeSum(scope, t, subtotal);
      } else sum += expression();
      if (isOp(',') || isOp(';')) at++;
      else break;
    }
    return sum;
  };

  const call = (name: string): number => {
    let result: number;
    if (name === 'SUM') result = sumArguments(null);
    else if (name === 'SUBTOTAL') {
      const fn = expression();
      if (!(isOp(',') || isOp(';'))) throw new CannotEvaluate();
      at++;
      if (fn !== 9 && fn !== 109) throw new CannotEvaluate();
      result = sumArguments({ hidden: fn === 109 });
    } else if (name === 'ROUND') {
      const value = expression();
      if (!(isOp(',') || isOp(';'))) throw new CannotEvaluate();
      at++;
      result = excelRound(value, expression());
    } else throw new CannotEvaluate();
    expect(')');
    return result;
  };

  const primary = (): number => {
    const t = tokens[at++];
    if (!t) throw new CannotEvaluate();
    if (t.t === 'num') return t.v;
    if (t.t === 'ref') {
      if (t.range) throw new CannotEvaluate();
      return numberOf(scope.value(t.sheet, t.top, t.left));
    }
    if (t.t === 'fn') return call(t.name);
    if (t.v === '(') {
      const value = expression();
      expect(')');
      return value;
    }
    throw new CannotEvaluate();
  };

  const unary = (): number => {
    if (isOp('-')) {
      at++;
      return -unary();
    }
    if (isOp('+')) {
      at++;
      return unary();
    }
    let value = primary();
    while (isOp('%')) {
      at++;
      value /= 100;
    }
    return value;
  };

  const term = (): number => {
    let value = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[at++] as { v: string }).v;
      const right = unary();
      if (op === '/' && right === 0) throw new CannotEvaluate();
      value = op === '*' ? value * right : value / right;
    }
    return value;
  };

  function expression(): number {
    let value = term();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[at++] as { v: string }).v;
      const right = term();
      value = op === '+' ? value + right : value - right;
    }
    return value;
  }

  try {
    const value = expression();
    if (at !== tokens.length || !Number.isFinite(value)) return null;
    return value;
  } catch (error) {
    if (error instanceof CannotEvaluate) return null;
    throw error;
  }
}
