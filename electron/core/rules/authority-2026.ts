/**
 * Rules 27–28: who may allocate and move money of the 2026–2035 merged program. NĐ 358/2025/NĐ-CP decentralises to
 * provinces and communes, but who may move money between contents, and between ĐTPT and SN, is not confirmed in the
 * texts we have (landscape-2026.md: [S/?]). These checks therefore only warn — never block — and each warning says
 * what it rests on, so the officer checks it against the province's resolution.
 */
import type { RuleFinding } from '../../../shared/api/findings';
import { linesText } from './arithmetic';
import type { Moves } from './authority';
import { finding, param, type RuleDefinition } from './definitions';
import type { DraftFacts, FactLine } from './facts';

const ids = (lines: FactLine[]) => lines.map((l) => l.id);

function periodLines(f: DraftFacts, rule: RuleDefinition, lines: FactLine[]): FactLine[] {
  const period = param(rule, 'periodCode', '2026-2035');
  return lines.filter((l) => l.component.periodCode === period && l.amount !== 0);
}

const basis = (rule: RuleDefinition) => `Căn cứ đối chiếu: ${rule.legalBasis}. Mức chắc chắn: suy luận, thẩm quyền chưa được văn bản xác nhận — cảnh báo, không chặn ban hành.`;

/**
 * Rule 27: an adjustment that moves money between contents (hợp phần, nội dung thành phần) of the 2026–2035 program:
 * some contents lose what others gain, within one source and money year.
 */
export function mergedProgramContentMove(f: DraftFacts, rule: RuleDefinition, moves: Moves): RuleFinding[] {
  if (f.decision.kind !== 'dieu_chinh') return [];
  const lines = periodLines(f, rule, moves.movedLines);
  const net = new Map<string, number>();
  for (const l of lines) net.set(l.component.code, (net.get(l.component.code) ?? 0) + l.amount);
  const losing = [...net].filter(([, v]) => v < 0);
  const gaining = [...net].filter(([, v]) => v > 0);
  if (losing.length === 0 || gaining.length === 0) return [];
  const by = f.decision.issuer === 'HDND' ? 'HĐND' : 'UBND';
  return [
    finding(
      rule,
      `Điều chỉnh vốn giữa các nội dung của Chương trình 2026–2035 (giảm ${losing.map(([c]) => c).join(', ')}; tăng ${gaining.map(([c]) => c).join(', ')}; ${linesText(lines)}) do ${by} ${f.office.districtName} quyết định: ` +
        `NĐ 358/2025/NĐ-CP giao địa phương lựa chọn nội dung và phân bổ, nhưng ai được điều chỉnh giữa các nội dung (UBND hay HĐND cấp xã, có cần ý kiến của tỉnh) chưa được xác nhận trong văn bản đã có. ` +
        `Kiểm tra với nghị quyết phân cấp của HĐND tỉnh trước khi ban hành. ${basis(rule)}`,
      ids(lines),
    ),
  ];
}

/** Rule 28: a move between ĐTPT and SN money of the 2026–2035 program. */
export function mergedProgramCapitalMove(f: DraftFacts, rule: RuleDefinition, moves: Moves): RuleFinding[] {
  if (!moves.betweenCapitalTypes) return [];
  const lines = periodLines(f, rule, moves.movedLines);
  if (lines.length === 0) return [];
  return [
    finding(
      rule,
      `Chuyển đổi giữa vốn đầu tư phát triển và kinh phí sự nghiệp của Chương trình 2026–2035 (${linesText(lines)}): thẩm quyền quyết định việc chuyển đổi theo NĐ 358/2025/NĐ-CP chưa được xác nhận; ` +
        `cơ chế thí điểm của NQ 111/2024/QH15 chỉ có hiệu lực đến 30/06/2025 và không áp dụng. Kiểm tra với hướng dẫn của tỉnh trước khi ban hành. ${basis(rule)}`,
      ids(lines),
    ),
  ];
}
