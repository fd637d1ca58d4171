/** The rules engine's registry and findings. */
import { z } from 'zod';
import type { RuleFinding, Severity } from './findings';
import { command } from './schemas';

/** One dated row of the rules registry with where its check runs (`rules list`). */
export interface RuleRegistryRow {
  ruleId: number;
  name: string;
  title: string;
  legalBasis: string;
  certainty: string;
  severity: Severity;
  validFrom: string;
  validTo: string | null;
  checkName: string;
  /** Where the officer meets the check, in Vietnamese; null when no code applies. */
  where: string | null;
  module: string | null;
  status: 'encoded' | 'not_applicable';
}

export interface RuleCheck {
  decisionId: number;
  /** The date the rules were evaluated for: the decision's date, or today for an undated draft. */
  evaluatedOn: string;
  findings: RuleFinding[];
  errors: number;
  warnings: number;
  infos: number;
  /** What issuing would refuse besides the rules (an empty draft), in Vietnamese; set by decisions.check. */
  blockers?: string[];
}

export const rulesCommands = {
  /** Every dated row of the rules registry (rules 1–26), with where each is checked and its status. */
  'rules.list': command<RuleRegistryRow[]>()(z.object({}).strict(), { reads: true }),
} as const;
