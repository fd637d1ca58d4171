/**
 * Formula cells whose file carries no value, or a cached 0 that may be only a placeholder, get the value of
 * their formula (formula.ts) when it can be evaluated, marked `computed` so the import says the app computed it.
 * A cached value other than 0 is what the officer saw in Excel and is kept as it is: a wrong subtotal must stay
 * wrong for the arithmetic checks to find it.
 */
import { evaluateFormula, type CellValue, type FormulaScope } from './formula';
import type { ReadCell, ReadSheet } from './read-types';

const sheetKey = (name: string) => name.normalize('NFC').toLowerCase();

const needsValue = (cell: ReadCell) => cell.formulaText !== undefined && (cell.kind === 'formula_no_value' || (cell.kind === 'number' && cell.number === 0));

/** Evaluates in place; returns how many cells were given a computed value. */
export function computeFormulaCells(sheets: readonly ReadSheet[]): number {
  const byName = new Map(sheets.map((s) => [sheetKey(s.name), s]));
  const results = new Map<ReadCell, number | null>();
  const pending = new Set<ReadCell>();

  const resolve = (cell: ReadCell, sheet: ReadSheet): number | null => {
    if (results.has(cell)) return results.get(cell)!;
    // A circular reference has no value Excel would agree on.
    if (pending.has(cell)) return null;
    pending.add(cell);
    let result: number | null;
    try {
      result = evaluateFormula(cell.formulaText!, scopeOf(sheet));
    } catch (error) {
      // A chain of formulas too deep for the stack is left unevaluated, like any formula the app cannot read.
      if (!(error instanceof RangeError)) throw error;
      result = null;
    }
    pending.delete(cell);
    if (result !== null) result = Number(result.toPrecision(15));
    results.set(cell, result);
    return result;
  };

  const valueOf = (sheet: ReadSheet, row: number, col: number): CellValue | null => {
    const cell = sheet.rows.get(row)?.get(col);
    if (!cell) return { kind: 'blank' };
    if (needsValue(cell)) {
      const computed = resolve(cell, sheet);
      if (computed !== null) return { kind: 'number', value: computed };
      return cell.kind === 'number' ? { kind: 'number', value: 0 } : null;
    }
    switch (cell.kind) {
      case 'number':
        return { kind: 'number', value: cell.number! };
      case 'text':
        return { kind: 'text' };
      case 'error':
      case 'formula_no_value':
        return null;
      default:
        return { kind: 'other' };
    }
  };

  const scopes = new Map<ReadSheet, FormulaScope>();
  function scopeOf(sheet: ReadSheet): FormulaScope {
    let scope = scopes.get(sheet);
    if (scope) return scope;
    const target = (name: string | null) => (name === null ? sheet : byName.get(sheetKey(name)));
    scope = {
      value(name, row, col) {
        const other = target(name);
        return other ? valueOf(other, row, col) : null;
      },
      isSubtotal(name, row, col) {
        const text = target(name)?.rows.get(row)?.get(col)?.formulaText;
        return text !== undefined && /\bSUBTOTAL\s*\(/i.test(text);
      },
      isHiddenRow(name, row) {
        return target(name)?.layout.hiddenRows.has(row) ?? false;
      },
    };
    scopes.set(sheet, scope);
    return scope;
  }

  let computed = 0;
  for (const sheet of sheets) {
    for (const cells of sheet.rows.values()) {
      for (const cell of cells.values()) {
        if (!needsValue(cell)) continue;
        const value = resolve(cell, sheet);
        if (value === null || (cell.kind === 'number' && value === 0)) continue;
        cell.kind = 'number';
        cell.number = value;
        cell.text = String(value);
        cell.computed = true;
        computed++;
      }
    }
  }
  return computed;
}
