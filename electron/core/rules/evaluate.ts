/** The rules engine: evaluates a draft against the rules valid on its date and returns findings, errors first. */
import type { Finding, RuleCheck } from '../../../shared/api/ledger-types';
import type { Db } from '../db/database';
import type { DecisionRow } from '../decisions/store';
import { rule1, rule2, rule3, rule4, rule5, rule6 } from './arithmetic';
import { detectMoves, rule10, rule7, rule8, rule9, type Moves } from './authority';
import { rule15, rule16 } from './catalog';
import type { RuleDefinition } from './definitions';
import { loadDraftFacts, type DraftFacts } from './facts';

type Check = (facts: DraftFacts, rule: RuleDefinition, moves: Moves) => Finding[];

/** Rule id → its check. A rule without a row valid on the date is not evaluated (rule 10 reports missing authority). */
const CHECKS: Record<number, Check> = { 1: rule1, 2: rule2, 3: rule3, 4: rule4, 5: rule5, 6: rule6, 7: rule7, 8: rule8, 9: rule9, 10: rule10, 15: rule15, 16: rule16 };

const SEVERITY_ORDER = { E: 0, W: 1, I: 2 } as const;
/** Within a severity, the root causes first: who may decide (authority), then what may be named, then the sums. */
const RULE_ORDER = [10, 8, 9, 7, 16, 15, 3, 4, 6, 5, 1, 2];
const rank = (ruleId: number) => {
  const i = RULE_ORDER.indexOf(ruleId);
  return i < 0 ? RULE_ORDER.length + ruleId : i;
};

export function evaluateFacts(facts: DraftFacts): Finding[] {
  const moves = detectMoves(facts);
  const findings: Finding[] = [];
  for (const [ruleId, check] of Object.entries(CHECKS)) {
    const rule = facts.rules.get(Number(ruleId));
    if (rule) findings.push(...check(facts, rule, moves));
  }
  return findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || rank(a.ruleId) - rank(b.ruleId));
}

export function checkDraft(db: Db, row: DecisionRow, now: string): RuleCheck {
  const facts = loadDraftFacts(db, row, now);
  const findings = evaluateFacts(facts);
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return { decisionId: row.id, evaluatedOn: facts.decision.date, findings, errors: count('E'), warnings: count('W'), infos: count('I') };
}
