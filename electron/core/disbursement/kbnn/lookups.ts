/** Stage: what the rows are matched and judged against, read once per statement from the office's data. */
import type { Db } from '../../db/database';
import type { OfficeInfo } from '../../../../shared/api/office';
import { componentIndex, resolveComponentCode, type ComponentInfo } from '../../reference/catalog';
import { resolveRecipient } from '../../registers/recipients';
import { DeadlineBook } from '../deadlines';
import { DisbursementRuleBook } from '../disbursement-rules';
import { entryKey, latestEntries, type LatestEntry } from '../figures';

export interface StatementLookups {
  components: Map<number, ComponentInfo>;
  projects: { id: number; code: string; name: string }[];
  /** The components a project is planned under this year (issued decisions), to put its disbursement on the right key. */
  projectComponents: Map<number, Set<number>>;
  /** The office's communes (and those formed from them in 2025), by code or by name without "Xã"/"Thị trấn". */
  communes: { code: string; name: string }[];
  /** Each key's latest entry before the cut-off (rule 14 compares with it). */
  previous: Map<string, LatestEntry>;
  /** A catalog code valid for an origin year (or the latest period's), as the catalog resolves it. */
  componentByCode(code: string, originYear: number): { id: number } | null;
  /** Throws the registers' error when the commune is not a recipient on the date. */
  checkCommune(code: string, date: string): void;
  deadlines: DeadlineBook;
  ruleBook: DisbursementRuleBook;
}

export function loadLookups(db: Db, office: OfficeInfo, year: number, cutoffDate: string | null): StatementLookups {
  const projectComponents = new Map<number, Set<number>>();
  for (const r of db
    .prepare("SELECT DISTINCT l.project_id, l.component_id FROM decision_line l JOIN decision d ON d.id = l.decision_id WHERE d.year = ? AND d.status = 'issued' AND l.project_id IS NOT NULL")
    .all(year) as { project_id: number; component_id: number }[]) {
    const set = projectComponents.get(r.project_id) ?? new Set<number>();
    set.add(r.component_id);
    projectComponents.set(r.project_id, set);
  }
  return {
    components: componentIndex(db),
    projects: db.prepare('SELECT id, code, name FROM investment_project').all() as { id: number; code: string; name: string }[],
    projectComponents,
    communes: db
      .prepare("SELECT DISTINCT code, name_vi AS name FROM admin_unit WHERE level NOT IN ('tinh', 'huyen', 'thanh_pho', 'thi_xa') AND (parent_code = ? OR dataset <> '2024-11') ORDER BY dataset")
      .all(office.districtCode) as { code: string; name: string }[],
    previous: cutoffDate ? new Map(latestEntries(db, year, cutoffDate, true).map((e) => [entryKey(e), e])) : new Map(),
    componentByCode: (code, originYear) => resolveComponentCode(db, code, originYear),
    checkCommune: (code, date) => void resolveRecipient(db, { kind: 'commune', code }, date, office),
    deadlines: new DeadlineBook(db),
    ruleBook: new DisbursementRuleBook(db),
  };
}
