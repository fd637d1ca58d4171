/**
 * Rules 13 and 14 as they apply to one disbursement entry, with the severity of the rule's row valid on the cut-off:
 * - rule 13 (disbursementDeadline): investment money (ĐTPT) raised after its deadline is refused without an
 *   extension (Luật Đầu tư công); recurrent money (SN) follows the State Budget Law's carry-over (chuyển nguồn),
 *   which the research could only recall (certainty R), so it is a warning naming that rule, never a refusal;
 * - rule 14 (cumulativeNeverDecreases): a cumulative lower than the previous report without a recovery is a
 *   warning (certainty I) recorded with the entry and shown on it and in the reports.
 */
import type { DisbursementWarning } from '../../../shared/api/disbursement';
import type { CapitalTypeCode } from '../../../shared/api/schemas';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount, toDong } from '../../../shared/money/dong';
import type { Db } from '../db/database';
import { param, ruleLabel, rulesValidOn, type RuleDefinition } from '../rules/definitions';
import type { DeadlineInfo } from './deadlines';

const dong = (v: number) => formatAmount(toDong(v), 'dong');

/** The rules valid on each cut-off, read once per batch. */
export class DisbursementRuleBook {
  private readonly byDate = new Map<string, Map<number, RuleDefinition>>();
  constructor(private readonly db: Db) {}
  rule(ruleId: number, date: string): RuleDefinition | undefined {
    let rules = this.byDate.get(date);
    if (!rules) {
      rules = rulesValidOn(this.db, date);
      this.byDate.set(date, rules);
    }
    return rules.get(ruleId);
  }
}

function outcome(rule: RuleDefinition | undefined, ruleId: number, severity: DisbursementWarning['severity'], message: string): DisbursementWarning {
  return { ruleId, ruleName: rule?.name ?? '', severity, message };
}

export interface DecreaseFacts {
  label: string;
  cutoff: string;
  cumulative: number;
  recovery: number;
  previous: { cumulative: number; cutoff: string } | null;
}

/** Rule 14 for a cumulative against the previous report (or, when `later` is set, the next report against this one). */
export function cumulativeNeverDecreases(rule: RuleDefinition | undefined, f: DecreaseFacts, later = false): DisbursementWarning | null {
  if (!f.previous || f.cumulative >= f.previous.cumulative - f.recovery) return null;
  const severity = rule?.severity ?? 'E';
  const name = ruleLabel(rule, 14);
  const fix = severity === 'E' ? 'Nếu có thu hồi, nhập số thu hồi; nếu không, sửa lại số lũy kế.' : 'Số liệu đã được ghi kèm cảnh báo này; nếu có thu hồi, nhập số thu hồi để bỏ cảnh báo.';
  const message = later
    ? `${f.label}: lũy kế kỳ sau ${dong(f.cumulative)} đồng (${formatDateVi(f.cutoff)}) sẽ thấp hơn ${dong(f.previous.cumulative)} đồng (${formatDateVi(f.previous.cutoff)}) mà không có số thu hồi (${name}). ${fix}`
    : `${f.label}: lũy kế đến ${formatDateVi(f.cutoff)} là ${dong(f.cumulative)} đồng, thấp hơn kỳ trước ${dong(f.previous.cumulative)} đồng (${formatDateVi(f.previous.cutoff)}) mà ${f.recovery > 0 ? `số thu hồi chỉ ${dong(f.recovery)} đồng` : 'không có số thu hồi'} (${name}). ${fix}`;
  return outcome(rule, 14, severity, message);
}

export interface DeadlineFacts {
  label: string;
  cutoff: string;
  originYear: number;
  capitalType: CapitalTypeCode;
  increase: number;
  deadline: DeadlineInfo;
}

interface RecurrentCarryOver {
  severity: DisbursementWarning['severity'];
  certainty: string;
  basis: string;
}

/** Rule 13 for an entry that raises the cumulative: refused for investment money after its deadline, a warning for recurrent money. */
export function disbursementDeadline(rule: RuleDefinition | undefined, f: DeadlineFacts): DisbursementWarning | null {
  if (f.increase <= 0 || f.cutoff <= f.deadline.deadline) return null;
  const name = ruleLabel(rule, 13);
  const investment = rule ? param<string[]>(rule, 'capitalTypes', ['DTPT']) : ['DTPT'];
  if (investment.includes(f.capitalType)) {
    return outcome(
      rule,
      13,
      rule?.severity ?? 'E',
      `${f.label}: vốn năm ${f.originYear} chỉ được giải ngân đến ${formatDateVi(f.deadline.deadline)} (${f.deadline.basis}); số đến ${formatDateVi(f.cutoff)} tăng ${dong(f.increase)} đồng sau thời hạn (${name}). Nhập quyết định kéo dài ở mục "Vốn kéo dài" nếu đã có.`,
    );
  }
  const recurrent = rule ? param<RecurrentCarryOver | null>(rule, 'recurrent', null) : null;
  const severity = recurrent?.severity ?? 'W';
  const basis = recurrent?.basis ?? 'Luật Ngân sách nhà nước (chuyển nguồn kinh phí sự nghiệp)';
  return outcome(
    rule,
    13,
    severity,
    `${f.label}: kinh phí sự nghiệp năm ${f.originYear} chi sau ${formatDateVi(f.deadline.deadline)} (số đến ${formatDateVi(f.cutoff)} tăng ${dong(f.increase)} đồng) phải được chuyển nguồn sang năm sau theo ${basis} — căn cứ ghi theo trí nhớ, chưa đối chiếu văn bản (mức ${recurrent?.certainty ?? 'R'}), nên chỉ cảnh báo (${name}). Số liệu đã được ghi; nhập quyết định chuyển nguồn ở mục "Vốn kéo dài" nếu có.`,
  );
}
