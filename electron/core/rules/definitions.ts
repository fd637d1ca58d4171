/** Rules as dated data (resources/seed/rules.csv): the row valid on a date gives severity, basis and parameters. */
import type { Finding, Severity } from '../../../shared/api/ledger-types';
import type { Db } from '../db/database';

export interface RuleDefinition {
  ruleId: number;
  validFrom: string;
  validTo: string | null;
  severity: Severity;
  title: string;
  legalBasis: string;
  certainty: string;
  params: Record<string, unknown>;
}

/** The definition of each rule valid on `date` (the latest valid_from wins when rows overlap). */
export function rulesValidOn(db: Db, date: string): Map<number, RuleDefinition> {
  const rows = db
    .prepare(
      `SELECT rule_id, valid_from, valid_to, severity, title_vi, legal_basis, certainty, params_json FROM rule_definition
       WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY rule_id, valid_from`,
    )
    .all(date, date) as {
    rule_id: number;
    valid_from: string;
    valid_to: string | null;
    severity: Severity;
    title_vi: string;
    legal_basis: string;
    certainty: string;
    params_json: string;
  }[];
  const rules = new Map<number, RuleDefinition>();
  for (const r of rows) {
    rules.set(r.rule_id, {
      ruleId: r.rule_id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      severity: r.severity,
      title: r.title_vi,
      legalBasis: r.legal_basis,
      certainty: r.certainty,
      params: JSON.parse(r.params_json) as Record<string, unknown>,
    });
  }
  return rules;
}

export function param<T>(rule: RuleDefinition, name: string, fallback: T): T {
  const value = rule.params[name];
  return value === undefined ? fallback : (value as T);
}

/** A finding of a rule; the severity is the rule's unless a softer one is given (unclear law is a warning). */
export function finding(rule: RuleDefinition, message: string, lineIds: number[] = [], severity: Severity = rule.severity): Finding {
  return { severity, ruleId: rule.ruleId, title: rule.title, legalBasis: rule.legalBasis, certainty: rule.certainty, message, lineIds };
}
