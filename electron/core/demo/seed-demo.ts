import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DemoSeedResult } from '../../../shared/api/types';
import type { CoreContext } from '../context';
import { CoreError } from '../errors';
import { createAssignment } from '../assignments/assignments';
import { getOffice, setupOffice } from '../office/office';

export const DEMO_YEAR = 2024;
const DEMO_DISTRICT = '180';
const DEMO_SIGNERS = [
  { name: 'Hoàng Văn Minh', title: 'Chủ tịch UBND huyện' },
  { name: 'Nông Thị Lan', title: 'Phó Chủ tịch UBND huyện' },
  { name: 'Lương Văn Hải', title: 'Chủ tịch HĐND huyện' },
];

/**
 * Fills the office with a sample year (Tràng Định 2024) so a newcomer can try every screen.
 * Everything runs in one transaction: a failure leaves the database as it was.
 * Later features add their own sample data here (decisions, disbursement, obstacles…).
 */
export function seedDemo(ctx: CoreContext, seedDir: string): DemoSeedResult {
  const rows = parse(fs.readFileSync(path.join(seedDir, 'demo-trang-dinh-2024.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  return ctx.db.transaction(() => {
    const office = getOffice(ctx.db) ?? setupOffice(ctx, { districtCode: DEMO_DISTRICT, signers: DEMO_SIGNERS });
    const existing = ctx.db.prepare('SELECT COUNT(*) AS n FROM assignment WHERE year = ?').get(DEMO_YEAR) as { n: number };
    if (existing.n > 0) {
      throw new CoreError('DEMO_NEEDS_EMPTY_YEAR', `Năm ${DEMO_YEAR} đã có ${existing.n} dòng vốn được giao; dữ liệu mẫu chỉ được tạo cho năm còn trống.`);
    }
    for (const r of rows) {
      createAssignment(ctx, {
        year: DEMO_YEAR,
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
    return { office, year: DEMO_YEAR, assignmentLines: rows.length };
  })();
}
