import type { CommandArgs } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { writeAudit } from '../context';

/** The province's allocation deadline for a year: after it, rule 5 warns about money not yet allocated. */
export function setAllocationDeadline(ctx: CoreContext, args: CommandArgs<'ledger.setAllocationDeadline'>): { year: number; deadline: string | null } {
  const { db } = ctx;
  return db.transaction(() => {
    const before = db.prepare('SELECT allocation_deadline FROM year_setting WHERE year = ?').get(args.year) as { allocation_deadline: string | null } | undefined;
    db.prepare('INSERT INTO year_setting (year, allocation_deadline) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET allocation_deadline = excluded.allocation_deadline').run(
      args.year,
      args.deadline,
    );
    writeAudit(ctx, 'ledger.setAllocationDeadline', 'year_setting', args.year, before ?? null, { allocation_deadline: args.deadline });
    return { year: args.year, deadline: args.deadline };
  })();
}
