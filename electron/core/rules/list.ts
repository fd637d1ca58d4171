/** `rules list`: every dated row of the rules registry, with where its check runs and whether code applies. */
import type { RuleRegistryRow } from '../../../shared/api/rules';
import type { Severity } from '../../../shared/api/findings';
import type { Db } from '../db/database';
import { CHECK_PLACES } from './registry';

export function listRules(db: Db): RuleRegistryRow[] {
  const rows = db
    .prepare('SELECT rule_id, name_vi, title_vi, legal_basis, certainty, severity, valid_from, valid_to, check_name FROM rule_definition ORDER BY rule_id, valid_from')
    .all() as {
    rule_id: number;
    name_vi: string;
    title_vi: string;
    legal_basis: string;
    certainty: string;
    severity: Severity;
    valid_from: string;
    valid_to: string | null;
    check_name: string;
  }[];
  return rows.map((r) => {
    const place = CHECK_PLACES[r.check_name];
    return {
      ruleId: r.rule_id,
      name: r.name_vi,
      title: r.title_vi,
      legalBasis: r.legal_basis,
      certainty: r.certainty,
      severity: r.severity,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      checkName: r.check_name,
      where: place?.where ?? null,
      module: place?.module ?? null,
      status: place ? 'encoded' : 'not_applicable',
    };
  });
}
