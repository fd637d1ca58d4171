/** Rules 15–16: every line names a component valid for its money's year and a recipient valid on the decision date. */
import type { Finding } from '../../../shared/api/ledger-types';
import { formatDateVi } from '../../../shared/format/date';
import { linesText } from './arithmetic';
import { finding, type RuleDefinition } from './definitions';
import type { DraftFacts, FactLine, UnitFact } from './facts';

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
export function rule15(f: DraftFacts, rule: RuleDefinition): Finding[] {
  const out: Finding[] = [];
  const wrongPeriod = group(f.lines, (l) => (l.originYear < l.component.firstYear || l.originYear > l.component.lastYear ? `${l.component.code}|${l.originYear}` : null));
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
        `Hạng mục ${component.code} không nhận ${capitalType === 'DTPT' ? 'vốn đầu tư phát triển' : 'kinh phí sự nghiệp'} (chỉ nhận ${component.allowedCapitalTypes.join(', ')}); ${linesText(lines)}. Đổi loại vốn hoặc hạng mục.`,
        ids(lines),
      ),
    );
  }
  return out;
}

function invalidOn(u: UnitFact, date: string): boolean {
  return (u.validFrom !== null && u.validFrom > date) || (u.validTo !== null && u.validTo < date);
}

/** Rule 16: the recipient exists on the decision date; merged communes point to their successor. */
export function rule16(f: DraftFacts, rule: RuleDefinition): Finding[] {
  const out: Finding[] = [];
  const date = f.decision.date;
  const byUnit = group(f.lines, (l) => (l.unitId !== null && f.units.has(l.unitId) && invalidOn(f.units.get(l.unitId)!, date) ? l.unitId : null));
  for (const [unitId, lines] of byUnit) {
    const u = f.units.get(unitId)!;
    const when = u.validTo !== null && u.validTo < date ? `hết hiệu lực từ ${formatDateVi(nextDay(u.validTo))}` : `chỉ có hiệu lực từ ${formatDateVi(u.validFrom!)}`;
    out.push(
      finding(
        rule,
        `${u.name} ${when}, không còn là đơn vị nhận vào ngày ${formatDateVi(date)} (${linesText(lines)}).${u.successors ? ` Đơn vị kế thừa: ${u.successors}.` : ''} Chọn đơn vị đang có hiệu lực.`,
        ids(lines),
      ),
    );
  }
  const byOrg = group(f.lines, (l) => (l.orgId !== null && f.orgs.has(l.orgId) && invalidOn(f.orgs.get(l.orgId)!, date) ? l.orgId : null));
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
