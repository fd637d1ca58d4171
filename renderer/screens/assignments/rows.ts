import type { AssignmentLine, AssignmentSheet } from '../../../shared/api/assignments';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { Dong } from '../../../shared/money/dong';

/** One grid row: a saved line, the entry row for a new line, or a totals row. */
export interface GridRow {
  rowId: string;
  kind: 'line' | 'draft' | 'total';
  id: number | null;
  programCode: string;
  componentCode: string;
  componentName: string;
  sourceCode: string;
  capitalType: CapitalTypeCode | '';
  originYear: number | null;
  amountDong: Dong | null;
  /** What was typed in the entry row's amount cell, kept until the line can be saved. */
  amountText: string;
  basisNumber: string;
  basisDate: string | null;
  basisIssuer: string;
  note: string;
  label: string;
}

export type DraftLine = Pick<GridRow, 'componentCode' | 'componentName' | 'sourceCode' | 'capitalType' | 'originYear' | 'amountText' | 'basisNumber' | 'basisDate' | 'basisIssuer' | 'note'>;

export function emptyDraft(year: number, keep?: DraftLine): DraftLine {
  return {
    componentCode: '',
    componentName: '',
    sourceCode: keep?.sourceCode ?? 'NSTW',
    capitalType: keep?.capitalType ?? 'DTPT',
    originYear: year,
    amountText: '',
    basisNumber: keep?.basisNumber ?? '',
    basisDate: keep?.basisDate ?? null,
    basisIssuer: keep?.basisIssuer ?? '',
    note: '',
  };
}

export function lineRow(line: AssignmentLine): GridRow {
  return { ...line, rowId: `line-${line.id}`, kind: 'line', amountText: '', label: '' };
}

export function draftRow(draft: DraftLine): GridRow {
  return { ...draft, rowId: 'draft', kind: 'draft', id: null, programCode: '', amountDong: null, label: 'Dòng mới' };
}

/** Totals per program, then the grand total, as pinned rows under the lines. */
export function totalRows(sheet: AssignmentSheet): GridRow[] {
  const base = {
    kind: 'total' as const,
    id: null,
    componentCode: '',
    componentName: '',
    sourceCode: '',
    capitalType: '' as const,
    originYear: null,
    amountText: '',
    basisNumber: '',
    basisDate: null,
    basisIssuer: '',
    note: '',
  };
  return [
    ...sheet.totals.byProgram.map((p) => ({
      ...base,
      rowId: `total-${p.programCode}`,
      programCode: p.programCode,
      amountDong: p.totalDong,
      label: `Cộng ${p.programCode} vốn ${sheet.year}`,
    })),
    { ...base, rowId: 'total-grand', programCode: '', amountDong: sheet.totals.grandDong, label: `Tổng cộng vốn năm ${sheet.year}` },
    // Money carried over from earlier years is totalled on its own, never added to the year's money.
    ...sheet.carriedOver.map((c) => ({ ...base, rowId: `total-carried-${c.originYear}`, programCode: '', amountDong: c.totals.grandDong, label: `Vốn năm ${c.originYear} kéo dài` })),
  ];
}
