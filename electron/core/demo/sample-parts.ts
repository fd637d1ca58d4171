/** What the district's and the commune's sample years both do: check the year is empty, write the assignments, find or make organizations. */
import { createAssignment } from '../assignments/assignments';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import { CoreError } from '../errors';
import { createOrganization } from '../registers/organizations';

export type SampleRow = Record<string, string | undefined>;

/** The sample is written only into a year with no assignment and no decision. */
export function requireEmptyYear(db: Db, year: number): void {
  const existing = db.prepare('SELECT (SELECT COUNT(*) FROM assignment WHERE year = ?) + (SELECT COUNT(*) FROM decision WHERE year = ?) AS n').get(year, year) as { n: number };
  if (existing.n > 0) {
    throw new CoreError('DEMO_NEEDS_EMPTY_YEAR', `Năm ${year} đã có ${existing.n} dòng vốn được giao hoặc quyết định; dữ liệu mẫu chỉ được tạo cho năm còn trống.`);
  }
}

/** The province's assignment of the sample year, one row of the seed file per line. */
export function createSampleAssignments(ctx: CoreContext, year: number, rows: SampleRow[]): void {
  for (const r of rows) {
    createAssignment(ctx, {
      year,
      componentCode: r.component_code!,
      sourceCode: r.source_code!,
      capitalType: r.capital_type as 'DTPT' | 'SN',
      originYear: Number(r.origin_year),
      amount: { dong: Number(r.amount_dong) },
      basisNumber: r.basis_number!,
      basisDate: r.basis_date!,
      basisIssuer: r.basis_issuer!,
      note: r.note!,
    });
  }
}

/** An organization of the sample by kind and name: the one already registered, or a new one. */
export function organizationFinder(ctx: CoreContext): (kind: 'unit' | 'investor', name: string) => number {
  const ids = new Map<string, number>();
  return (kind, name) => {
    const known = ids.get(name) ?? (ctx.db.prepare('SELECT id FROM organization WHERE kind = ? AND name = ?').get(kind, name) as { id: number } | undefined)?.id;
    const id = known ?? createOrganization(ctx, { kind, name }).id;
    ids.set(name, id);
    return id;
  };
}
