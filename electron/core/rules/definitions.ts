/** Rules as dated data (resources/seed/rules.csv): the row valid on a date gives severity, basis and parameters. */
import type { RuleFinding, Severity } from '../../../shared/api/findings';
import type { Db } from '../db/database';

export interface RuleDefinition {
  ruleId: number;
  validFrom: string;
  validTo: string | null;
  severity: Severity;
  /** Short Vietnamese name ("Không vượt số được giao"), shown with every finding and in `rules list`. */
  name: string;
  title: string;
  legalBasis: string;
  certainty: string;
  /** The name of the code that checks the rule (electron/core/rules/registry.ts); '' when none applies. */
  checkName: string;
  params: Record<string, unknown>;
}

/** The definition of each rule valid on `date` (the latest valid_from wins when rows overlap). */
export function rulesValidOn(db: Db, date: string): Map<number, RuleDefinition> {
  const rows = db
    .prepare(
      `SELECT rule_id, valid_from, valid_to, severity, name_vi, title_vi, legal_basis, certainty, check_name, params_json FROM rule_definition
       WHERE valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?) ORDER BY rule_id, valid_from`,
    )
    .all(date, date) as {
    rule_id: number;
    valid_from: string;
    valid_to: string | null;
    severity: Severity;
    name_vi: string;
    title_vi: string;
    legal_basis: string;
    certainty: string;
    check_name: string;
    params_json: string;
  }[];
  const rules = new Map<number, RuleDefinition>();
  for (const r of rows) {
    rules.set(r.rule_id, {
      ruleId: r.rule_id,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      severity: r.severity,
      name: r.name_vi,
      title: r.title_vi,
      legalBasis: r.legal_basis,
      certainty: r.certainty,
      checkName: r.check_name,
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
export function finding(rule: RuleDefinition, message: string, lineIds: number[] = [], severity: Severity = rule.severity): RuleFinding {
  return { severity, ruleId: rule.ruleId, ruleName: rule.name, title: rule.title, legalBasis: rule.legalBasis, certainty: rule.certainty, message, lineIds };
}

/** "quy tắc 13 — Thời hạn giải ngân": how a message outside the draft checks names its rule. */
export function ruleLabel(rule: RuleDefinition | undefined, ruleId: number): string {
  return rule?.name ? `quy tắc ${ruleId} — ${rule.name}` : `quy tắc ${ruleId}`;
}
