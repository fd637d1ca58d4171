/**
 * One sheet of a province workbook → what it assigns: the header and columns, the STT tree with each
 * row named as a catalog component (or a detail item under one), the amounts in đồng, the arithmetic
 * checks (rules 1, 2 and 25) and the assignment lines the detail rows add up to.
 *
 * A pipeline of named stages (./recognize/), each reading what the ones before it settled and reporting its
 * findings in the order the officer reads them: unit, year, district, columns, rows, tree, names, details, sums.
 */
import type { ImportColumn, ImportLine, ImportMapping, ImportRow } from '../../../shared/api/import';
import type { ImportFinding } from '../../../shared/api/findings';
import type { ComponentOption } from '../../../shared/api/reference';
import type { MoneyUnit } from '../../../shared/money/dong';
import type { ReadSheet } from '../excel/workbook-reader';
import { checkArithmetic } from './arithmetic';
import { CatalogMatcher } from './catalog-match';
import { classifyColumns, defaultsFromTitle } from './columns';
import { findHeader, type HeaderBlock } from './header';
import { flagDuplicateColumns, flagUnplacedColumns } from './recognize/column-checks';
import { collectDataRows } from './recognize/data-rows';
import { flagUnsureMatches, markDetailRows } from './recognize/detail-rows';
import { confineToDistrictBlock, districtInTitle, districtOfFile, type DistrictName } from './recognize/district';
import { noteBadAddresses, noteComputedCells, noteLegacyText } from './recognize/file-notes';
import { layoutFingerprint } from './recognize/fingerprint';
import { assignmentLines } from './recognize/lines';
import { nameRows } from './recognize/name-rows';
import type { Report } from './recognize/report';
import { rowView } from './recognize/row-view';
import { shapeTree } from './recognize/tree';
import { settleUnit } from './recognize/unit';
import { settleYear } from './recognize/year';
import { SheetText } from './sheet-text';
import { readTitle, type TitleFacts } from './title';

export type { DistrictName } from './recognize/district';

export interface RecognizeContext {
  officeDistrict: DistrictName;
  /** The other districts of the province, to tell another district's file or block. */
  otherDistricts: DistrictName[];
  /** The catalog for a year (components valid for money of that year). */
  catalogFor(year: number): ComponentOption[];
  /** The year the officer imports for, when given. */
  yearHint: number | null;
  mapping: ImportMapping | undefined;
}

export interface Recognition {
  sheet: string;
  header: HeaderBlock;
  title: TitleFacts;
  year: number | null;
  /** The district the file names: in its title, or the office's block of a province-wide file. */
  district: string | null;
  unit: MoneyUnit | null;
  columns: ImportColumn[];
  rows: ImportRow[];
  findings: ImportFinding[];
  lines: ImportLine[];
  detailLines: number;
  totalDong: number;
  fingerprint: string;
  /** The district the file's title names when it is another one than the office's (the file is theirs); else null. */
  otherDistrictName: string | null;
}

export function recognizeSheet(sheet: ReadSheet, ctx: RecognizeContext): Recognition | null {
  const text = new SheetText(sheet);
  const header = findHeader(text);
  if (!header) return null;
  const findings: ImportFinding[] = [];
  const report: Report = (f) => findings.push({ sheet: sheet.name, ...f });

  // What the title block above the table says.
  const title = readTitle(text, 1, header.top - 1, sheet.maxCol);
  const unit = settleUnit(text, header, title, ctx.mapping?.unit, report);
  const year = settleYear(title, ctx.yearHint, report);
  const titleDistrict = districtInTitle(title.folded, ctx.officeDistrict, ctx.otherDistricts, report);

  // The columns, then the rows and their tree.
  const columns = classifyColumns(text, header, defaultsFromTitle(title.folded), ctx.mapping);
  flagDuplicateColumns(columns, header, report);
  const amountCols = columns.filter((c) => c.role === 'amount');
  const checkedCols = columns.filter((c) => c.role === 'amount' || c.role === 'total');
  const dataRows = collectDataRows(text, header, checkedCols);
  const tree = shapeTree(dataRows);

  // What each row is, and which rows count.
  const matcher = new CatalogMatcher(year !== null ? ctx.catalogFor(year) : []);
  const naming = { matcher, mapping: ctx.mapping, officeDistrict: ctx.officeDistrict, otherDistricts: ctx.otherDistricts };
  const { rows, otherDistrictRows } = nameRows(text, tree, checkedCols, unit ?? 'dong', naming, report);
  confineToDistrictBlock(rows, otherDistrictRows, ctx.officeDistrict, report);
  const view = rowView(rows, tree.children, amountCols);
  const nameCol = columns.find((c) => c.role === 'name')?.col ?? 'B';
  const foldedName = new Map(dataRows.map((d) => [d.row, d.folded]));
  markDetailRows(rows, { view, amountCols, nameCol, foldedName, year }, report);
  flagUnsureMatches(rows, view, nameCol, report);
  flagUnplacedColumns(text, header, columns, [...rows.values()].filter(view.live), report);

  // The sums: the file's own arithmetic, then the lines the details add up to.
  checkArithmetic({ rows, checkedCols, liveChildren: view.liveChildren, finding: report });
  const { lines, detailLines, totalDong } = assignmentLines(rows, amountCols, matcher, year, report);

  // What the reader did to the file.
  noteBadAddresses(sheet, report);
  noteComputedCells(text, rows.values(), checkedCols, report);
  noteLegacyText(sheet, report);

  return {
    sheet: sheet.name,
    header,
    title,
    year,
    district: districtOfFile(rows.values(), titleDistrict, ctx.officeDistrict),
    unit,
    columns,
    rows: [...rows.values()].sort((a, b) => a.row - b.row),
    findings,
    lines,
    detailLines,
    totalDong,
    fingerprint: layoutFingerprint(columns, header),
    otherDistrictName: titleDistrict.otherInTitle && !titleDistrict.titleNamesOurs ? titleDistrict.otherInTitle.name : null,
  };
}
