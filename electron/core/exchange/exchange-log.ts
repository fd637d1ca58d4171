/** The history of files in and out (exchange_log): each export and import leaves one row, with its audit row. */
import type { ExchangeDirection, ExchangeKind, ExchangeLogRow, ExchangeResult } from '../../../shared/api/exchange';
import { toDong } from '../../../shared/money/dong';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';

export interface ExchangeEntry {
  direction: ExchangeDirection;
  kind: ExchangeKind;
  fileName: string;
  sha256: string;
  year: number | null;
  lineCount: number;
  totalDong: number;
  result: ExchangeResult;
  message: string;
}

interface LogRow {
  id: number;
  at: string;
  actor: string;
  direction: ExchangeDirection;
  kind: ExchangeKind;
  file_name: string;
  sha256: string;
  year: number | null;
  line_count: number;
  total_dong: number;
  result: ExchangeResult;
  message: string;
}

const toEntry = (r: LogRow): ExchangeLogRow => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  direction: r.direction,
  kind: r.kind,
  fileName: r.file_name,
  sha256: r.sha256,
  year: r.year,
  lineCount: r.line_count,
  totalDong: toDong(r.total_dong),
  result: r.result,
  message: r.message,
});

/** Writes the history row and its audit row; the caller runs it inside the transaction of what it records. */
export function recordExchange(ctx: CoreContext, command: string, entry: ExchangeEntry): ExchangeLogRow {
  const { lastInsertRowid } = ctx.db
    .prepare(
      `INSERT INTO exchange_log (at, actor, direction, kind, file_name, sha256, year, line_count, total_dong, result, message)
       VALUES (@at, @actor, @direction, @kind, @fileName, @sha256, @year, @lineCount, @totalDong, @result, @message)`,
    )
    .run({ ...entry, at: ctx.now(), actor: ctx.actor });
  const row = toEntry(ctx.db.prepare('SELECT * FROM exchange_log WHERE id = ?').get(lastInsertRowid) as LogRow);
  writeAudit(ctx, command, 'exchange_log', row.id, null, row);
  return row;
}

/** Newest first; of one year when given. */
export function exchangeHistory(db: Db, year?: number): ExchangeLogRow[] {
  const rows = (
    year === undefined
      ? db.prepare('SELECT * FROM exchange_log ORDER BY at DESC, id DESC').all()
      : db.prepare('SELECT * FROM exchange_log WHERE year = ? ORDER BY at DESC, id DESC').all(year)
  ) as LogRow[];
  return rows.map(toEntry);
}

/** The earlier import that committed a package with the same data, if any. */
export function committedPackageImport(db: Db, sha256: string): ExchangeLogRow | null {
  const row = db
    .prepare("SELECT * FROM exchange_log WHERE sha256 = ? AND kind = 'package' AND direction = 'import' AND result = 'committed' ORDER BY id LIMIT 1")
    .get(sha256) as LogRow | undefined;
  return row ? toEntry(row) : null;
}
