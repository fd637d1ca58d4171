/**
 * Rule 26 — no double funding (TT 55/2023/TT-BTC Điều 3; TT 60/2026/TT-BTC Điều 3): the same project or content,
 * for the same recipient and money year, must not be funded under two programs. A warning only: the match is made
 * on codes and on words, and a co-financed project (NSTW with its local counterpart, within one program) is normal.
 * Exact: the same registered project. Fuzzy, diacritics-insensitive: project codes equal once folded, project names
 * alike, or the same recipient with alike contents (the line's note).
 */
import type { RuleFinding } from '../../../shared/api/findings';
import { foldVietnamese } from '../../../shared/text/fold';
import { finding, param, type RuleDefinition } from './definitions';
import type { DraftFacts, FactLine, FundedLine } from './facts';

/** The parts of a line the comparison reads, whether it is the draft's or an issued decision's. */
interface Funded {
  label: string;
  lineId: number | null;
  programCode: string;
  componentCode: string;
  recipient: string;
  projectId: number | null;
  sourceCode: string;
  originYear: number;
  note: string;
}

/** Folded words of a text, punctuation dropped: "Nhà văn hoá thôn Nà Lùng" → "nha van hoa thon na lung". */
export function foldWords(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const s = text.replace(/ /g, '');
  for (let i = 0; i < s.length - 1; i++) grams.set(s.slice(i, i + 2), (grams.get(s.slice(i, i + 2)) ?? 0) + 1);
  return grams;
}

/** Dice coefficient of the folded texts' letter pairs: 1 for the same words, whatever the accents and spacing. */
export function similarity(a: string, b: string): number {
  const x = bigrams(foldWords(a));
  const y = bigrams(foldWords(b));
  let common = 0;
  let total = 0;
  for (const [g, n] of x) {
    common += Math.min(n, y.get(g) ?? 0);
    total += n;
  }
  for (const n of y.values()) total += n;
  return total === 0 ? 0 : (2 * common) / total;
}

const MIN_CONTENT_LENGTH = 8;

function recipientKey(unitId: number | null, orgId: number | null): string {
  return unitId !== null ? `u${unitId}` : orgId !== null ? `o${orgId}` : 'huyen';
}

export function noDoubleFunding(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const threshold = param(rule, 'similarity', 0.8);
  const draft: Funded[] = f.lines
    .filter((l) => l.amount > 0 && (l.projectId !== null || l.note.trim().length >= MIN_CONTENT_LENGTH))
    .map((l: FactLine) => ({
      label: `dòng ${l.position} (${l.component.code}, ${l.sourceCode} ${l.capitalType})`,
      lineId: l.id,
      programCode: l.component.programCode,
      componentCode: l.component.code,
      recipient: recipientKey(l.unitId, l.orgId),
      projectId: l.projectId,
      sourceCode: l.sourceCode,
      originYear: l.originYear,
      note: l.note,
    }));
  if (draft.length === 0) return [];
  const issued: Funded[] = f.fundedElsewhere.map((l: FundedLine) => ({
    label: `dòng ${l.position} của ${l.decision} (${l.componentCode}, ${l.sourceCode} ${l.capitalType})`,
    lineId: null,
    programCode: l.programCode,
    componentCode: l.componentCode,
    recipient: recipientKey(l.unitId, l.orgId),
    projectId: l.projectId,
    sourceCode: l.sourceCode,
    originYear: l.originYear,
    note: l.note,
  }));
  const project = (id: number | null) => (id === null ? null : (f.projects.get(id) ?? null));
  const why = (a: Funded, b: Funded): string | null => {
    if (a.programCode === b.programCode || a.originYear !== b.originYear) return null;
    const pa = project(a.projectId);
    const pb = project(b.projectId);
    if (a.projectId !== null && a.projectId === b.projectId) return `cùng dự án ${pa?.code ?? ''} ${pa?.name ?? ''}`.trim();
    if (pa && pb) {
      if (foldWords(pa.code).replace(/ /g, '') === foldWords(pb.code).replace(/ /g, '')) return `mã dự án gần trùng: "${pa.code}" và "${pb.code}"`;
      if (similarity(pa.name, pb.name) >= threshold) return `tên dự án gần trùng: "${pa.name}" và "${pb.name}"`;
    }
    const contentA = pa?.name ?? a.note;
    const contentB = pb?.name ?? b.note;
    if (a.recipient === b.recipient && contentA.trim().length >= MIN_CONTENT_LENGTH && contentB.trim().length >= MIN_CONTENT_LENGTH && similarity(contentA, contentB) >= threshold) {
      const who = f.recipientNames.get(a.recipient) ?? 'cấp huyện';
      return `cùng đơn vị nhận (${who}) và nội dung gần trùng: "${contentA.trim()}" và "${contentB.trim()}"`;
    }
    return null;
  };
  const out: RuleFinding[] = [];
  const reported = new Set<string>();
  draft.forEach((a, i) => {
    for (const b of [...draft.slice(i + 1), ...issued]) {
      const reason = why(a, b);
      if (!reason) continue;
      const pair = `${a.label}|${b.label}`;
      if (reported.has(pair)) continue;
      reported.add(pair);
      out.push(
        finding(
          rule,
          `Có thể trùng nguồn hỗ trợ vốn năm ${a.originYear}: ${a.label} thuộc chương trình ${a.programCode} và ${b.label} thuộc chương trình ${b.programCode}, ${reason}. Một nội dung, đối tượng chỉ được hỗ trợ từ một chương trình; kiểm tra lại hoặc ghi rõ phần việc khác nhau ở ghi chú.`,
          [a.lineId, b.lineId].filter((id): id is number => id !== null),
        ),
      );
    }
  });
  return out;
}
