/**
 * Stage: what each row is — the totals row, a district block, a program, a catalog component, a detail item under
 * one, or unmatched — from the officer's remembered mapping first, then the district names, then the catalog.
 */
import type { ImportColumn, ImportMapping, ImportRow, MatchConfidence } from '../../../../shared/api/import';
import type { MoneyUnit } from '../../../../shared/money/dong';
import type { CatalogMatcher } from '../catalog-match';
import type { SheetText } from '../sheet-text';
import type { DataRow } from './data-rows';
import { DISTRICT_PREFIX, districtKey, type DistrictName } from './district';
import type { Report } from './report';
import { readRowAmounts } from './row-amounts';
import type { RowTree } from './tree';

export interface NamingContext {
  matcher: CatalogMatcher;
  mapping: ImportMapping | undefined;
  officeDistrict: DistrictName;
  otherDistricts: DistrictName[];
}

/** Where a row sits: its parent (already named), the catalog code it inherits, and whether it is a totals row. */
export interface RowPlace {
  parent: ImportRow | null;
  inherited: string | null;
  isTotal: boolean;
}

/**
 * Names one row (its kind, component and confidence, set on the row) and returns the catalog code its children
 * inherit, and whether it is another district's block.
 */
export function nameRow(row: ImportRow, folded: string, place: RowPlace, ctx: NamingContext): { context: string | null; otherDistrict: boolean } {
  const { parent, inherited } = place;
  const { matcher } = ctx;
  const mapped = ctx.mapping?.rows?.[row.key];
  const keep = { context: inherited, otherDistrict: false };
  if (place.isTotal) {
    row.kind = 'total';
    return keep;
  }
  if (parent?.kind === 'ignored' || mapped === 'ignore') {
    row.kind = 'ignored';
    return keep;
  }
  const option = mapped ? matcher.get(mapped) : undefined;
  if (option) {
    Object.assign(row, { kind: option.depth === 0 ? 'program' : 'component', componentCode: option.code, componentName: option.name, confidence: 'high' satisfies MatchConfidence });
    return { context: option.code, otherDistrict: false };
  }
  if (DISTRICT_PREFIX.test(folded)) {
    const isOurs = districtKey(row.name) === districtKey(ctx.officeDistrict.name);
    const isOther = ctx.otherDistricts.some((o) => districtKey(o.name) === districtKey(row.name));
    if (isOurs || isOther) {
      row.kind = isOurs ? 'district' : 'ignored';
      row.componentName = isOurs ? ctx.officeDistrict.name : null;
      return { context: inherited, otherDistrict: !isOurs };
    }
  }
  const program = matcher.matchProgram(folded);
  if (program && (inherited === null || matcher.get(inherited)?.depth === 0 || !matcher.matchComponent(folded, inherited))) {
    Object.assign(row, { kind: 'program', componentCode: program.code, componentName: program.name, confidence: program.confidence });
    return { context: program.code, otherDistrict: false };
  }
  const component = matcher.matchComponent(folded, inherited);
  if (component) {
    Object.assign(row, { kind: 'component', componentCode: component.code, componentName: component.name, confidence: component.confidence });
    return { context: component.code, otherDistrict: false };
  }
  // A row under a component is one of its detail items; any other row stays unmatched.
  if (inherited && (matcher.get(inherited)?.depth ?? 0) > 0) row.kind = 'item';
  return keep;
}

export interface NamedRows {
  rows: Map<number, ImportRow>;
  /** Rows named as another district's block. */
  otherDistrictRows: number;
}

/** Every row of the table in sheet order, with its amounts read and its name matched. */
export function nameRows(text: SheetText, tree: RowTree, checkedCols: ImportColumn[], unit: MoneyUnit, ctx: NamingContext, report: Report): NamedRows {
  const rows = new Map<number, ImportRow>();
  const contextOf = new Map<number, string | null>();
  let otherDistrictRows = 0;
  const ordered: DataRow[] = [...tree.totalRows, ...tree.treeRows].sort((a, b) => a.row - b.row);
  for (const d of ordered) {
    const parentRow = tree.parents.get(d.row) ?? null;
    const parent = parentRow !== null ? rows.get(parentRow) ?? null : null;
    const row: ImportRow = {
      row: d.row,
      stt: d.stt,
      name: d.name,
      depth: parent ? parent.depth + 1 : 0,
      parentRow,
      kind: 'unmatched',
      componentCode: null,
      componentName: null,
      confidence: null,
      key: `${parent?.key ?? ''}/${d.stt}|${d.folded}`,
      amounts: readRowAmounts(text, d.row, checkedCols, unit, report),
      hidden: text.sheet.layout.hiddenRows.has(d.row),
      detail: false,
    };
    rows.set(d.row, row);
    const inherited = parent ? contextOf.get(parent.row) ?? null : null;
    const named = nameRow(row, d.folded, { parent, inherited, isTotal: tree.totalSet.has(d.row) }, ctx);
    contextOf.set(d.row, named.context);
    if (named.otherDistrict) otherDistrictRows++;
  }
  return { rows, otherDistrictRows };
}
