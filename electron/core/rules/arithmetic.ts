/** Rules 1–6: arithmetic of a decision against itself, the ledger and the assignment. Exact in integer đồng. */
import type { RuleFinding } from '../../../shared/api/findings';
import { formatDateVi } from '../../../shared/format/date';
import { formatAmount, toDong } from '../../../shared/money/dong';
import { finding, param, type RuleDefinition } from './definitions';
import { movedKeyId } from '../transfers/movements';
import type { DraftFacts, FactLine } from './facts';
import { capitalTypeLabel } from '../../../shared/format/labels';

export const dong = (value: number): string => `${formatAmount(toDong(value), 'dong')} đồng`;
export const linesText = (lines: FactLine[]): string => {
  const positions = lines.map((l) => l.position).sort((a, b) => a - b);
  const shown = positions.slice(0, 8).join(', ');
  return `dòng ${shown}${positions.length > 8 ? ` và ${positions.length - 8} dòng khác` : ''}`;
};
const ids = (lines: FactLine[]) => lines.map((l) => l.id);

/** Rule 1: the total stated in the decision equals its lines; one row per key (no split rows). */
export function rowIdentity(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (f.decision.declaredTotal !== null) {
    const withdrawal = f.decision.kind === 'thu_hoi';
    const sum = f.lines.reduce((acc, l) => acc + (withdrawal ? Math.max(-l.amount, 0) : Math.max(l.amount, 0)), 0);
    if (sum !== f.decision.declaredTotal) {
      out.push(
        finding(
          rule,
          `Tổng số ghi trong quyết định là ${dong(f.decision.declaredTotal)} nhưng tổng ${withdrawal ? 'thu hồi' : 'phân bổ'} của các dòng là ${dong(sum)} (chênh ${dong(sum - f.decision.declaredTotal)}). Sửa số tổng hoặc các dòng cho khớp.`,
        ),
      );
    }
  }
  const byKey = new Map<string, FactLine[]>();
  for (const l of f.lines) byKey.set(l.key, [...(byKey.get(l.key) ?? []), l]);
  for (const group of byKey.values()) {
    if (group.length > 1) {
      out.push(
        finding(
          rule,
          `Các ${linesText(group)} trùng hạng mục ${group[0]!.component.code}, đơn vị nhận, nguồn vốn, loại vốn và năm nguồn vốn. Gộp thành một dòng để phụ lục không tách một hàng làm hai.`,
          ids(group),
        ),
      );
    }
  }
  return out;
}

/** Rule 2: money sits either on a component or on its children, never both (the parent row must equal Σ children). */
export function treeIdentity(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const restOf = (unitId: number | null, orgId: number | null, projectId: number | null, source: string, capital: string, originYear: number) =>
    `${unitId ?? ''}|${orgId ?? ''}|${projectId ?? ''}|${source}|${capital}|${originYear}`;
  const lineRest = (l: FactLine) => restOf(l.unitId, l.orgId, l.projectId, l.sourceCode, l.capitalType, l.originYear);
  const codeKey = (c: { periodCode: string; code: string }) => `${c.periodCode}|${c.code}`;
  const ancestors = new Map<string, string[]>();
  const byCode = new Map<string, { parentCode: string | null; periodCode: string }>();
  for (const c of f.components.values()) byCode.set(codeKey(c), c);
  const ancestorsOf = (period: string, code: string): string[] => {
    const key = `${period}|${code}`;
    let found = ancestors.get(key);
    if (!found) {
      found = [];
      for (let parent = byCode.get(key)?.parentCode ?? null; parent; parent = byCode.get(`${period}|${parent}`)?.parentCode ?? null) found.push(`${period}|${parent}`);
      ancestors.set(key, found);
    }
    return found;
  };
  // Amounts after the draft on the draft's own keys (in force + its changes).
  const draftAfter = new Map<string, { amount: number; lines: FactLine[] }>();
  for (const l of f.lines) {
    const key = `${codeKey(l.component)}|${lineRest(l)}`;
    const entry = draftAfter.get(key) ?? { amount: f.inForce.get(l.key) ?? 0, lines: [] };
    entry.amount += l.amount;
    entry.lines.push(l);
    draftAfter.set(key, entry);
  }
  const draftCodes = new Set(f.lines.map((l) => codeKey(l.component)));
  const ancestorCodes = new Set(f.lines.flatMap((l) => ancestorsOf(l.component.periodCode, l.component.code)));
  // In force elsewhere: on an ancestor of a draft line, or below a component the draft holds money on.
  const inForceOnAncestors = new Map<string, number>();
  const inForceBelow: { code: string; rest: string }[] = [];
  const relevance = new Map<number, { code: string; isAncestor: boolean; below: boolean } | null>();
  for (const k of f.inForceEntries) {
    if (k.amount === 0) continue;
    let r = relevance.get(k.component_id);
    if (r === undefined) {
      const c = f.components.get(k.component_id);
      const code = c ? codeKey(c) : '';
      const isAncestor = ancestorCodes.has(code);
      const below = c ? ancestorsOf(c.periodCode, c.code).some((a) => draftCodes.has(a)) : false;
      r = isAncestor || below ? { code, isAncestor, below } : null;
      relevance.set(k.component_id, r);
    }
    if (r === null) continue;
    const { code, isAncestor, below } = r;
    const rest = restOf(k.recipient_unit_id, k.recipient_org_id, k.project_id, k.source_code, k.capital_type, k.origin_year);
    if (isAncestor) inForceOnAncestors.set(`${code}|${rest}`, k.amount);
    if (below && !draftAfter.has(`${code}|${rest}`)) inForceBelow.push({ code, rest });
  }
  const amountAt = (key: string) => draftAfter.get(key)?.amount ?? inForceOnAncestors.get(key) ?? 0;
  const out: RuleFinding[] = [];
  const reported = new Set<string>();
  const report = (parent: string, child: string, rest: string) => {
    const pair = `${parent}>${child}|${rest}`;
    if (reported.has(pair)) return;
    reported.add(pair);
    const parentCode = parent.split('|')[1]!;
    const childCode = child.split('|')[1]!;
    const lines = [...(draftAfter.get(`${child}|${rest}`)?.lines ?? []), ...(draftAfter.get(`${parent}|${rest}`)?.lines ?? [])];
    out.push(
      finding(
        rule,
        `Hạng mục ${parentCode} và hạng mục con ${childCode} cùng có tiền cho một đơn vị nhận, nguồn và loại vốn (${linesText(lines)}); dòng tổng của ${parentCode} sẽ không bằng tổng các hạng mục con. Chuyển số tiền xuống hạng mục con.`,
        ids(lines),
      ),
    );
  };
  for (const entry of draftAfter.values()) {
    if (entry.amount === 0) continue;
    const l = entry.lines[0]!;
    const rest = lineRest(l);
    const code = codeKey(l.component);
    for (const a of ancestorsOf(l.component.periodCode, l.component.code)) if (amountAt(`${a}|${rest}`) !== 0) report(a, code, rest);
  }
  for (const { code, rest } of inForceBelow) {
    const [period, own] = code.split('|') as [string, string];
    for (const a of ancestorsOf(period, own)) if ((draftAfter.get(`${a}|${rest}`)?.amount ?? 0) !== 0) report(a, code, rest);
  }
  return out;
}

/** Rule 3: "before" of an adjustment line equals the amount in force from the earlier decisions. */
export function adjustmentIdentity(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const stale = f.lines.filter((l) => l.before !== null && l.before !== (f.inForce.get(l.key) ?? 0));
  if (stale.length === 0) return [];
  const first = stale[0]!;
  return [
    finding(
      rule,
      `Số trước điều chỉnh của ${linesText(stale)} khác số đang có hiệu lực ngày ${formatDateVi(f.decision.date)} (ví dụ dòng ${first.position}: ${dong(first.before!)} so với ${dong(f.inForce.get(first.key) ?? 0)}). Một quyết định khác đã ban hành hoặc ngày quyết định đã đổi; dùng "Cập nhật số đang có hiệu lực".`,
      ids(stale),
    ),
  ];
}

/** Rule 4: an adjustment moves money without changing totals; a supplement only adds; a withdrawal only takes. */
export function zeroSumAdjustment(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const out: RuleFinding[] = [];
  const { kind } = f.decision;
  if (kind === 'dieu_chinh') {
    const nets = new Map<string, { net: number; lines: FactLine[] }>();
    for (const l of f.lines) {
      const key = `${l.sourceCode}|${l.originYear}`;
      const entry = nets.get(key) ?? { net: 0, lines: [] };
      entry.net += l.amount;
      if (l.amount !== 0) entry.lines.push(l);
      nets.set(key, entry);
    }
    for (const [key, { net, lines }] of nets) {
      if (net === 0) continue;
      const [source, originYear] = key.split('|');
      out.push(
        finding(
          rule,
          `Điều chỉnh nguồn ${source} năm ${originYear} làm ${net > 0 ? 'tăng' : 'giảm'} tổng ${dong(Math.abs(net))}: tổng tăng phải bằng tổng giảm. Khoản ${net > 0 ? 'tăng thêm cần quyết định bổ sung' : 'giảm cần quyết định thu hồi'} theo số cấp trên giao.`,
          ids(lines),
        ),
      );
    }
    if (f.lines.every((l) => l.amount === 0)) out.push(finding(rule, 'Dự thảo điều chỉnh chưa có dòng nào tăng hoặc giảm.', [], 'I'));
  }
  if (kind === 'bo_sung') {
    const decreases = f.lines.filter((l) => l.amount < 0);
    if (decreases.length) out.push(finding(rule, `Quyết định bổ sung chỉ tăng vốn; ${linesText(decreases)} đang giảm. Dùng quyết định điều chỉnh hoặc thu hồi cho khoản giảm.`, ids(decreases)));
  }
  if (kind === 'thu_hoi') {
    const increases = f.lines.filter((l) => l.amount > 0);
    if (increases.length) out.push(finding(rule, `Quyết định thu hồi chỉ giảm vốn; ${linesText(increases)} đang tăng. Dùng quyết định phân bổ, bổ sung hoặc điều chỉnh cho khoản tăng.`, ids(increases)));
  }
  return out;
}

/** Rule 5: allocated never exceeds what was assigned, per origin year × program × source × capital type. */
export function allocationCeiling(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const out: RuleFinding[] = [];
  const touched = new Map<string, FactLine[]>();
  for (const l of f.lines) if (l.amount > 0) touched.set(l.ceilingKey, [...(touched.get(l.ceilingKey) ?? []), l]);
  for (const [key, lines] of touched) {
    const c = f.ceilings.get(key)!;
    const used = c.allocated + c.draft;
    // A cell already over (the province lowered its assignment) does not block a draft that does not add to it.
    if (used > c.plan && c.draft > 0) {
      out.push(
        finding(
          rule,
          `Vượt số được giao: ${c.programName}, nguồn ${c.sourceCode}, ${capitalTypeLabel(c.capitalType, 'named')}, vốn năm ${c.originYear}: được giao ${dong(c.plan)}, đã phân bổ ${dong(c.allocated)}, dự thảo ${dong(c.draft)}, vượt ${dong(used - c.plan)}. Giảm các dòng hoặc chờ quyết định giao bổ sung.`,
          ids(lines),
        ),
      );
    }
  }
  out.push(...transferredKeyCeiling(f, rule));
  const deadline = f.allocationDeadline;
  if (deadline && param(rule, 'rateWarningAfterDeadline', true) && f.decision.date > deadline) {
    for (const c of f.ceilings.values()) {
      const used = c.allocated + c.draft;
      if (c.plan > 0 && used < c.plan) {
        out.push(
          finding(
            rule,
            `Sau hạn phân bổ ${formatDateVi(deadline)} vẫn còn ${dong(c.plan - used)} chưa phân bổ (${c.programName}, nguồn ${c.sourceCode}, ${capitalTypeLabel(c.capitalType, 'named')}, vốn năm ${c.originYear}; tỷ lệ ${((used / c.plan) * 100).toFixed(1).replace('.', ',')}%).`,
            [],
            'W',
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Rule 5 on the keys a khoản 7 điểm b transfer touched (NQ 257/2025/QH15 Điều 1 khoản 7 điểm b), finer than the
 * program ceiling: the receiving content allocates no more than was moved into it, the 2021–2025 task no more than
 * what is left on it after the move (the moved money is no longer its to allocate).
 */
function transferredKeyCeiling(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  if (f.movedKeys.size === 0) return [];
  const touched = new Map<string, FactLine[]>();
  const draftOn = new Map<string, number>();
  for (const l of f.lines) {
    const id = movedKeyId({ componentId: l.component.id, sourceCode: l.sourceCode, capitalType: l.capitalType, originYear: l.originYear });
    if (!f.movedKeys.has(id)) continue;
    draftOn.set(id, (draftOn.get(id) ?? 0) + l.amount);
    if (l.amount > 0) touched.set(id, [...(touched.get(id) ?? []), l]);
  }
  const out: RuleFinding[] = [];
  for (const [id, lines] of touched) {
    const k = f.movedKeys.get(id)!;
    const draft = draftOn.get(id) ?? 0;
    const limit = k.assignedDong + k.movedDong;
    const used = k.allocatedDong + draft;
    if (draft <= 0 || used <= limit) continue;
    const { component } = lines[0]!;
    const where = `${component.code}, nguồn ${k.sourceCode}, ${capitalTypeLabel(k.capitalType, 'named')}, vốn năm ${k.originYear}`;
    out.push(
      finding(
        rule,
        k.movedDong > 0
          ? `Vượt số đã chuyển đến: ${where} chỉ nhận ${dong(k.movedDong)} theo quyết định chuyển nhiệm vụ ${k.transfers.join('; ')} (NQ 257/2025/QH15 Điều 1 khoản 7 điểm b); đã phân bổ ${dong(k.allocatedDong)}, dự thảo ${dong(draft)}, vượt ${dong(used - limit)}. Giảm các dòng về số đã chuyển.`
          : `Vốn đã chuyển đi: ${where} được giao ${dong(k.assignedDong)}, đã chuyển sang nội dung 2026–2030 ${dong(-k.movedDong)} theo quyết định ${k.transfers.join('; ')}, còn ${dong(limit)}; đã phân bổ ${dong(k.allocatedDong)}, dự thảo ${dong(draft)}, vượt ${dong(used - limit)}. Số đã chuyển không phân bổ lại cho nhiệm vụ này được.`,
        ids(lines),
      ),
    );
  }
  return out;
}

/** Rule 6: no line goes negative; an allocation never carries a negative amount. */
export function noNegativeLine(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const out: RuleFinding[] = [];
  const additive = f.decision.kind === 'phan_bo' || f.decision.kind === 'keo_dai';
  const negativeInput = additive ? f.lines.filter((l) => l.amount < 0) : [];
  if (negativeInput.length) {
    out.push(finding(rule, `Quyết định ${f.decision.kind === 'phan_bo' ? 'phân bổ' : 'kéo dài'} không có số âm (${linesText(negativeInput)}). Khoản giảm được ghi bằng quyết định điều chỉnh hoặc thu hồi.`, ids(negativeInput)));
  }
  const afterByKey = new Map<string, { after: number; lines: FactLine[] }>();
  for (const l of f.lines) {
    const entry = afterByKey.get(l.key) ?? { after: f.inForce.get(l.key) ?? 0, lines: [] };
    entry.after += l.amount;
    entry.lines.push(l);
    afterByKey.set(l.key, entry);
  }
  for (const [key, e] of afterByKey) {
    if (e.lines.every((l) => negativeInput.includes(l))) continue;
    const l = e.lines.find((x) => x.amount < 0) ?? e.lines[0]!;
    const inForce = f.inForce.get(key) ?? 0;
    if (e.after < 0) {
      out.push(
        finding(
          rule,
          `Dòng ${l.position} (${l.component.code}) giảm ${dong(-l.amount)} nhưng chỉ có ${dong(inForce)} đang có hiệu lực ngày ${formatDateVi(f.decision.date)}: số sau điều chỉnh sẽ thiếu ${dong(-e.after)}. Giảm tối đa bằng số đang có.`,
          ids(e.lines),
        ),
      );
      continue;
    }
    const later = f.laterDips.get(key);
    if (later && e.after + later.dip < 0) {
      out.push(
        finding(
          rule,
          `Dòng ${l.position} (${l.component.code}) giảm ${dong(-l.amount)} vào ngày ${formatDateVi(f.decision.date)}, nhưng quyết định ${later.decision} ngày ${formatDateVi(later.date)} (đã ban hành) đã dùng phần tiền này: sau quyết định đó dòng sẽ thiếu ${dong(-(e.after + later.dip))}. Ghi ngày dự thảo sau ngày ${formatDateVi(later.date)} hoặc giảm ít hơn.`,
          ids(e.lines),
        ),
      );
    }
  }
  return out;
}
