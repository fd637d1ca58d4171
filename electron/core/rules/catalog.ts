/** Rules 15–16: every line names a component valid for its money's year and a recipient valid on the decision date. */
import type { RuleFinding } from '../../../shared/api/findings';
import { formatDateVi } from '../../../shared/format/date';
import { linesText } from './arithmetic';
import { finding, type RuleDefinition } from './definitions';
import type { DraftFacts, FactLine, UnitFact } from './facts';
import { capitalTypeLabel } from '../../../shared/format/labels';
import { movedKeyId } from '../transfers/movements';

const ids = (lines: FactLine[]) => lines.map((l) => l.id);

function group<K>(lines: FactLine[], keyOf: (l: FactLine) => K | null): Map<K, FactLine[]> {
  const m = new Map<K, FactLine[]>();
  for (const l of lines) {
    const k = keyOf(l);
    if (k !== null) m.set(k, [...(m.get(k) ?? []), l]);
  }
  return m;
}

/** Rule 15: component in the catalog of the origin year's period, capital type allowed by the component. */
export function catalogValidity(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const out: RuleFinding[] = [];
  // Money of a 2021–2025 origin year on a 2026–2035 content is right where a recorded khoản 7 điểm b transfer moved
  // it there (NQ 257/2025/QH15 Điều 1): it keeps its origin year, and rule 5 holds it to the moved amount.
  const movedHere = (l: FactLine) =>
    (f.movedKeys.get(movedKeyId({ componentId: l.component.id, sourceCode: l.sourceCode, capitalType: l.capitalType, originYear: l.originYear }))?.movedDong ?? 0) > 0;
  const wrongPeriod = group(f.lines, (l) =>
    (l.originYear < l.component.firstYear || l.originYear > l.component.lastYear) && !movedHere(l) ? `${l.component.code}|${l.originYear}` : null,
  );
  for (const lines of wrongPeriod.values()) {
    const { component, originYear } = lines[0]!;
    out.push(
      finding(
        rule,
        `Hạng mục ${component.code} thuộc danh mục giai đoạn ${component.periodCode}, không áp dụng cho vốn năm ${originYear} (${linesText(lines)}). Chọn hạng mục của danh mục năm ${originYear}.`,
        ids(lines),
      ),
    );
  }
  const wrongType = group(f.lines, (l) => (l.component.allowedCapitalTypes.includes(l.capitalType) ? null : `${l.component.code}|${l.capitalType}`));
  for (const lines of wrongType.values()) {
    const { component, capitalType } = lines[0]!;
    out.push(
      finding(
        rule,
        `Hạng mục ${component.code} không nhận ${capitalTypeLabel(capitalType, 'full')} (chỉ nhận ${component.allowedCapitalTypes.join(', ')}); ${linesText(lines)}. Đổi loại vốn hoặc hạng mục.`,
        ids(lines),
      ),
    );
  }
  const sourceEnded = group(f.lines.filter((l) => l.amount > 0), (l) => {
    const s = f.sources.get(l.sourceCode);
    return s && ((s.validFrom !== null && s.validFrom > f.decision.date) || (s.validTo !== null && s.validTo < f.decision.date)) ? l.sourceCode : null;
  });
  for (const [code, lines] of sourceEnded) {
    const s = f.sources.get(code)!;
    out.push(finding(rule, `Nguồn ${s.name} không còn hiệu lực vào ngày ${formatDateVi(f.decision.date)}${s.validTo ? ` (đến ${formatDateVi(s.validTo)})` : ''}; ${linesText(lines)}. Chọn nguồn vốn khác.`, ids(lines)));
  }
  return out;
}

function invalidOn(u: UnitFact, date: string): boolean {
  return (u.validFrom !== null && u.validFrom > date) || (u.validTo !== null && u.validTo < date);
}

/** Rule 16: the recipient exists on the decision date; merged communes point to their successor. */
export function recipientValidity(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const out: RuleFinding[] = [];
  const date = f.decision.date;
  // Money can always be taken from a unit that has ended (to move it to the successor or withdraw it); only
  // increases must go to a unit valid on the date.
  const increasing = f.lines.filter((l) => l.amount > 0);
  const byUnit = group(increasing, (l) => (l.unitId !== null && f.units.has(l.unitId) && invalidOn(f.units.get(l.unitId)!, date) ? l.unitId : null));
  for (const [unitId, lines] of byUnit) {
    const u = f.units.get(unitId)!;
    const ended = u.validTo !== null && u.validTo < date;
    const when = ended ? `hết hiệu lực từ ${formatDateVi(nextDay(u.validTo!))}, không còn nhận vốn` : `chỉ có hiệu lực từ ${formatDateVi(u.validFrom!)}, chưa nhận vốn được`;
    out.push(
      finding(
        rule,
        `${u.name} ${when} vào ngày ${formatDateVi(date)} (${linesText(lines)}).${u.successors ? ` Đơn vị kế thừa: ${u.successors}; phân bổ cho đơn vị kế thừa.` : ' Chọn đơn vị đang có hiệu lực.'}`,
        ids(lines),
      ),
    );
  }
  const byOrg = group(increasing, (l) => (l.orgId !== null && f.orgs.has(l.orgId) && invalidOn(f.orgs.get(l.orgId)!, date) ? l.orgId : null));
  for (const [orgId, lines] of byOrg) {
    out.push(finding(rule, `${f.orgs.get(orgId)!.name} không còn hoạt động vào ngày ${formatDateVi(date)} (${linesText(lines)}). Chọn đơn vị khác.`, ids(lines)));
  }
  return out;
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
