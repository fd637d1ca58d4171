import type { CellEditRequestEvent, ColDef, ValueGetterParams } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useMemo } from 'react';
import type { LineChange } from '../../../shared/api/decisions';
import type { DecisionLine } from '../../../shared/api/decisions';
import { communeMatrix, type CommuneMatrixRow } from '../../../shared/domain/decision-sheet';
import { formatAmount, type MoneyUnit } from '../../../shared/money/dong';
import { capitalTypeLabel } from '../../../shared/format/labels';
import { EDITING_GRID_PROPS, COLUMN_DEFAULTS } from '../../kit/grid-defaults';

/**
 * Communes (and units) × programs × capital type for the decision. A cell is editable when one line stands
 * behind it; a cell summing several lines is edited in the detailed view.
 */
export function CommuneMatrixGrid({ lines, unit, readOnly, onChanges }: { lines: DecisionLine[]; unit: MoneyUnit; readOnly: boolean; onChanges: (changes: LineChange[]) => void }) {
  const matrix = useMemo(() => communeMatrix(lines), [lines]);
  const columnDefs = useMemo<ColDef<CommuneMatrixRow>[]>(
    () => [
      { colId: 'recipient', headerName: 'Xã / đơn vị', pinned: 'left', width: 240, valueGetter: (p: ValueGetterParams<CommuneMatrixRow>) => p.data?.recipient.name ?? '' },
      ...matrix.columns.map<ColDef<CommuneMatrixRow>>((c) => ({
        colId: c.key,
        headerName: `${c.programCode} · ${capitalTypeLabel(c.capitalType)}`,
        headerTooltip: c.programName,
        width: 150,
        type: 'rightAligned',
        editable: (p) => !readOnly && p.data?.singleLine[c.key] !== undefined,
        tooltipValueGetter: (p) => (p.data && p.data.cells[c.key] !== undefined && p.data.singleLine[c.key] === undefined ? 'Ô này gộp nhiều dòng; sửa ở bảng chi tiết.' : undefined),
        valueGetter: (p: ValueGetterParams<CommuneMatrixRow>) => (p.data?.cells[c.key] === undefined ? '' : formatAmount(p.data.cells[c.key]!, unit)),
      })),
      { colId: 'total', headerName: 'Tổng số', width: 160, type: 'rightAligned', cellClass: ['ag-right-aligned-cell', 'cell-sum'], valueGetter: (p: ValueGetterParams<CommuneMatrixRow>) => (p.data ? formatAmount(p.data.total, unit) : '') },
    ],
    [matrix.columns, readOnly, unit],
  );
  const onCellEditRequest = (event: CellEditRequestEvent<CommuneMatrixRow>) => {
    const id = event.data?.singleLine[event.column.getColId()];
    if (id === undefined) return;
    const raw = event.newValue === null || event.newValue === undefined ? '' : String(event.newValue).trim();
    onChanges([raw === '' ? { op: 'delete', id } : { op: 'update', id, patch: { amount: { text: raw, unit } } }]);
  };
  return (
    <AgGridReact<CommuneMatrixRow>
      {...EDITING_GRID_PROPS}
      columnDefs={columnDefs}
      rowData={matrix.rows}
      getRowId={(p) => p.data.rowId}
      onCellEditRequest={onCellEditRequest}
      defaultColDef={COLUMN_DEFAULTS}
    />
  );
}
