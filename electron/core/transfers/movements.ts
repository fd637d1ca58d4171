/**
 * The ledger side of a khoản 7 điểm b transfer (NQ 257/2025/QH15 Điều 1 khoản 7 điểm b): two immutable legs in
 * `assignment_movement`, written with the transfer. The 2021–2025 key gives the amount, the 2026–2035 content
 * receives it; both keep the money's origin year, so the moved money is its own ceiling cell
 * (origin year × program × source × capital type) and stays traceable to the 2021–2025 plan it came from.
 */
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import type { TransferMovementLine } from '../../../shared/api/transfers';
import { formatAmount, toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { CoreError } from '../errors';

export interface MovementLeg {
  componentId: number;
  sourceCode: string;
  capitalType: CapitalTypeCode;
  originYear: number;
}

/** Writes the two legs of a transfer; the caller's transaction holds the transfer and its audit row too. */
export function writeMovementLegs(db: Db, transferId: number, year: number, from: MovementLeg, to: MovementLeg, amountDong: number): void {
  const insert = db.prepare(
    `INSERT INTO assignment_movement (transfer_id, leg, year, component_id, source_code, capital_type, origin_year, amount_dong)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  insert.run(transferId, 'out', year, from.componentId, from.sourceCode, from.capitalType, from.originYear, -amountDong);
  insert.run(transferId, 'in', year, to.componentId, to.sourceCode, to.capitalType, to.originYear, amountDong);
}

/** Net movement of one component key in a year (negative where money left it). */
export function movedOnKey(db: Db, year: number, componentId: number, sourceCode: string, capitalType: CapitalTypeCode, originYear: number): number {
  return (
    db
      .prepare('SELECT COALESCE(SUM(amount_dong), 0) AS n FROM assignment_movement WHERE year = ? AND component_id = ? AND source_code = ? AND capital_type = ? AND origin_year = ?')
      .get(year, componentId, sourceCode, capitalType, originYear) as { n: number }
  ).n;
}

/** One component key touched by transfers in a year: what was assigned on it, what moved, and by which decisions. */
export interface MovedKey extends MovementLeg {
  assignedDong: number;
  movedDong: number;
  /** "41/QĐ-UBND (vốn năm 2025)" of each transfer, in recording order. */
  transfers: string[];
}

export const movedKeyId = (k: { componentId: number; sourceCode: string; capitalType: string; originYear: number }): string =>
  `${k.componentId}|${k.sourceCode}|${k.capitalType}|${k.originYear}`;

/** Every component key a transfer gave from or gave to in a year. */
export function movedKeys(db: Db, year: number): Map<string, MovedKey> {
  const rows = db
    .prepare(
      `SELECT m.component_id AS componentId, m.source_code AS sourceCode, m.capital_type AS capitalType, m.origin_year AS originYear,
         SUM(m.amount_dong) AS movedDong, group_concat(t.number, '; ') AS numbers,
         (SELECT COALESCE(SUM(a.amount_dong), 0) FROM assignment a WHERE a.year = m.year AND a.component_id = m.component_id
            AND a.source_code = m.source_code AND a.capital_type = m.capital_type AND a.origin_year = m.origin_year) AS assignedDong
       FROM assignment_movement m JOIN content_transfer t ON t.id = m.transfer_id
       WHERE m.year = ? GROUP BY m.component_id, m.source_code, m.capital_type, m.origin_year ORDER BY MIN(m.id)`,
    )
    .all(year) as (MovementLeg & { movedDong: number; numbers: string; assignedDong: number })[];
  return new Map(rows.map(({ numbers, ...r }) => [movedKeyId(r), { ...r, transfers: numbers.split('; ') }]));
}

/** The legs of the transfers of a year, in recording order, for Vốn được giao. */
export function movementLines(db: Db, year: number): TransferMovementLine[] {
  const rows = db
    .prepare(
      `SELECT m.transfer_id AS transferId, t.number AS transferNumber, t.doc_date AS transferDate, m.leg, c.code AS componentCode,
         c.name_vi AS componentName, c.program_code AS programCode, m.source_code AS sourceCode, m.capital_type AS capitalType,
         m.origin_year AS originYear, m.amount_dong AS amountDong
       FROM assignment_movement m JOIN content_transfer t ON t.id = m.transfer_id JOIN component c ON c.id = m.component_id
       WHERE m.year = ? ORDER BY t.doc_date, m.transfer_id, m.leg DESC`,
    )
    .all(year) as TransferMovementLine[];
  return rows.map((r) => ({ ...r, amountDong: toDong(r.amountDong) }));
}

/**
 * An assignment change may not leave a 2021–2025 key with less than transfers already moved out of it: the moved
 * money would have come from nothing. Called inside the change's transaction, after the write; throwing rolls it back.
 */
export function assertKeyCoversMovedOut(db: Db, year: number, componentId: number, sourceCode: string, capitalType: CapitalTypeCode, originYear: number): void {
  const moved = movedOnKey(db, year, componentId, sourceCode, capitalType, originYear);
  if (moved >= 0) return;
  const assigned = (
    db
      .prepare('SELECT COALESCE(SUM(amount_dong), 0) AS n FROM assignment WHERE year = ? AND component_id = ? AND source_code = ? AND capital_type = ? AND origin_year = ?')
      .get(year, componentId, sourceCode, capitalType, originYear) as { n: number }
  ).n;
  if (assigned + moved >= 0) return;
  const code = (db.prepare('SELECT code FROM component WHERE id = ?').get(componentId) as { code: string }).code;
  throw new CoreError(
    'ASSIGNMENT_BELOW_TRANSFERRED',
    `Vốn được giao của ${code} (${sourceCode}, ${capitalType}, vốn năm ${originYear}) sẽ còn ${formatAmount(toDong(assigned), 'dong')} đồng, ít hơn ${formatAmount(toDong(-moved), 'dong')} đồng đã chuyển sang nội dung 2026–2030 theo quyết định chuyển nhiệm vụ (NQ 257/2025/QH15 khoản 7 điểm b). Quyết định chuyển đã ghi không sửa được; hãy giữ số được giao ít nhất bằng số đã chuyển.`,
    { field: 'amount' },
  );
}
