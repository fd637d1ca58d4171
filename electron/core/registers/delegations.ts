/** Delegation records: the provincial HĐND resolution that lets the district HĐND allocate recurrent funds (rule 7a). */
import type { CommandArgs } from '../../../shared/api/contract';
import type { Delegation } from '../../../shared/api/registers';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';

const SELECT = `SELECT id, basis_number AS basisNumber, basis_date AS basisDate, basis_issuer AS basisIssuer,
  first_year AS firstYear, last_year AS lastYear, scope FROM delegation`;

export function listDelegations(db: Db): Delegation[] {
  return db.prepare(`${SELECT} ORDER BY basis_date DESC`).all() as Delegation[];
}

export function createDelegation(ctx: CoreContext, args: CommandArgs<'delegations.create'>): Delegation {
  const { db } = ctx;
  if (args.lastYear < args.firstYear) {
    throw new CoreError('INVALID_YEAR_RANGE', `Năm áp dụng: năm cuối ${args.lastYear} đứng trước năm đầu ${args.firstYear}.`, { field: 'lastYear' });
  }
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare('INSERT INTO delegation (basis_number, basis_date, basis_issuer, first_year, last_year, scope, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(args.basisNumber, args.basisDate, args.basisIssuer, args.firstYear, args.lastYear, args.scope ?? '', ctx.now());
    const created = db.prepare(`${SELECT} WHERE id = ?`).get(lastInsertRowid) as Delegation;
    writeAudit(ctx, 'delegations.create', 'delegation', created.id, null, created);
    return created;
  })();
}
