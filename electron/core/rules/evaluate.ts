/** The rules engine: evaluates a draft against the rules valid on its date and returns findings, errors first. */
import type { RuleCheck } from '../../../shared/api/rules';
import { SEVERITY_ORDER, type RuleFinding } from '../../../shared/api/findings';
import type { Db } from '../db/database';
import type { DecisionRow } from '../decisions/rows';
import { detectMoves } from './authority';
import { loadDraftFacts, type DraftFacts } from './facts';
import { DRAFT_CHECKS } from './registry';

/** Within a severity, the root causes first: who may decide (authority), then what may be named, then the sums. */
const RULE_ORDER = [10, 8, 9, 7, 16, 15, 3, 4, 6, 5, 1, 2];
const rank = (ruleId: number) => {
  const i = RULE_ORDER.indexOf(ruleId);
  return i < 0 ? RULE_ORDER.length + ruleId : i;
};

/**
 * Each rule valid on the draft's date runs the check its row names. A rule without a row valid on the date is not
 * evaluated (rule 10 reports missing authority); a row naming a check that runs elsewhere (disbursement, print,
 * import) is skipped here.
 */
export function evaluateFacts(facts: DraftFacts): RuleFinding[] {
  const moves = detectMoves(facts);
  const findings: RuleFinding[] = [];
  for (const rule of facts.rules.values()) {
    const check = DRAFT_CHECKS[rule.checkName];
    if (check) findings.push(...check(facts, rule, moves));
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rank(a.ruleId) - rank(b.ruleId));
}

export function checkDraft(db: Db, row: DecisionRow, now: string): RuleCheck {
  const facts = loadDraftFacts(db, row, now);
  const findings = evaluateFacts(facts);
  const count = (s: RuleFinding['severity']) => findings.filter((f) => f.severity === s).length;
  return { decisionId: row.id, evaluatedOn: facts.decision.date, findings, errors: count('E'), warnings: count('W'), infos: count('I') };
}
