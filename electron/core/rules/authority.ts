/**
 * Rules 7–10: who may move money where (NQ 111/2024/QH15 khoản 1 and khoản 7, the province's delegation,
 * the pilot designation and its window, the end of the district level on 1/7/2025).
 */
import type { RuleFinding } from '../../../shared/api/findings';
import { formatDateVi as isoToVi } from '../../../shared/format/date';
import { dong, linesText } from './arithmetic';
import { finding, param, type RuleDefinition } from './definitions';
import type { DraftFacts, FactLine, PilotFact } from './facts';
import { capitalTypeLabel } from '../../../shared/format/labels';

const ids = (lines: FactLine[]) => lines.map((l) => l.id);

/** What an adjustment moves: between component projects of a program (SN), between programs, between capital types. */
export interface Moves {
  /** SN moved between component projects of one program: the lines taking money out of projects that lose money, and the others. */
  withinProgramSn: { programCode: string; from: FactLine[]; to: FactLine[] }[];
  /** Moves between sub-components of one component project (the UBND's execution detail). */
  withinProject: FactLine[];
  betweenPrograms: boolean;
  betweenCapitalTypes: boolean;
  /** Lines taking money out of a program × capital type that loses money. */
  crossSources: FactLine[];
  movedLines: FactLine[];
}

function sumBy(lines: FactLine[], pick: (l: FactLine) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(pick(l), (m.get(pick(l)) ?? 0) + l.amount);
  return m;
}

/**
 * Money only moves within one source and one money year (rule 4 keeps each of those zero-sum), so moves are
 * read per source × origin year: opposite moves in two sources must not cancel each other out.
 */
export function detectMoves(f: DraftFacts): Moves {
  const moves: Moves = { withinProgramSn: [], withinProject: [], betweenPrograms: false, betweenCapitalTypes: false, crossSources: [], movedLines: [] };
  if (f.decision.kind !== 'dieu_chinh') return moves;
  const changed = f.lines.filter((l) => l.amount !== 0);
  moves.movedLines = changed;
  const bySourceYear = new Map<string, FactLine[]>();
  for (const l of changed) bySourceYear.set(`${l.sourceCode}|${l.originYear}`, [...(bySourceYear.get(`${l.sourceCode}|${l.originYear}`) ?? []), l]);
  for (const lines of bySourceYear.values()) {
    const byProgramCapital = sumBy(lines, (l) => `${l.component.programCode}|${l.capitalType}`);
    const programChanges = [...sumBy(lines, (l) => l.component.programCode).values()].some((v) => v !== 0);
    const capitalChanges = [...sumBy(lines, (l) => l.capitalType).values()].some((v) => v !== 0);
    // A cycle (program A ĐTPT → SN while program B SN → ĐTPT) leaves both totals unchanged: it is both kinds of move.
    const cycle = !programChanges && !capitalChanges && [...byProgramCapital.values()].some((v) => v !== 0);
    moves.betweenPrograms ||= programChanges || cycle;
    moves.betweenCapitalTypes ||= capitalChanges || cycle;
    moves.crossSources.push(...lines.filter((l) => l.amount < 0 && (byProgramCapital.get(`${l.component.programCode}|${l.capitalType}`) ?? 0) < 0));

    // Recurrent money between component projects of one program: by the net of each project, not by line.
    const snByProgram = new Map<string, FactLine[]>();
    for (const l of lines) if (l.capitalType === 'SN') snByProgram.set(l.component.programCode, [...(snByProgram.get(l.component.programCode) ?? []), l]);
    for (const [programCode, programLines] of snByProgram) {
      const projectNet = sumBy(programLines, (l) => l.component.projectCode);
      const losing = new Set([...projectNet].filter(([, v]) => v < 0).map(([p]) => p));
      const gaining = new Set([...projectNet].filter(([, v]) => v > 0).map(([p]) => p));
      if (losing.size && gaining.size) {
        moves.withinProgramSn.push({
          programCode,
          from: programLines.filter((l) => l.amount < 0 && losing.has(l.component.projectCode)),
          to: programLines.filter((l) => !(l.amount < 0 && losing.has(l.component.projectCode))),
        });
      }
      for (const [project] of projectNet) {
        const inProject = programLines.filter((l) => l.component.projectCode === project);
        if (projectNet.get(project) === 0 && new Set(inProject.map((l) => l.component.code)).size > 1) moves.withinProject.push(...inProject);
      }
    }
  }
  return moves;
}

function describeMove(m: Moves): string {
  if (m.betweenPrograms && m.betweenCapitalTypes) return 'điều chỉnh giữa các chương trình và chuyển đổi giữa vốn ĐTPT và kinh phí sự nghiệp';
  return m.betweenPrograms ? 'điều chỉnh vốn giữa các chương trình' : 'chuyển đổi giữa vốn ĐTPT và kinh phí sự nghiệp';
}

function activePilot(f: DraftFacts): PilotFact | undefined {
  return f.pilots.find((p) => p.districtCode === f.office.districtCode);
}

/** Rule 7: recurrent money between component projects of one program (NQ 111 khoản 1, delegated to the district HĐND). */
export function withinProgramRecurrentMove(f: DraftFacts, rule: RuleDefinition, moves: Moves): RuleFinding[] {
  const out: RuleFinding[] = [];
  if (moves.withinProject.length) {
    out.push(
      finding(
        rule,
        `Điều chỉnh kinh phí sự nghiệp giữa các nội dung trong cùng một dự án thành phần (${linesText(moves.withinProject)}): cơ chế khoản 1 đặt ở cấp dự án thành phần; phần chi tiết bên dưới được coi là việc điều hành của UBND huyện (suy luận, chưa có văn bản xác nhận).`,
        ids(moves.withinProject),
        'I',
      ),
    );
  }
  out.push(...breakdownNeedsDelegation(f, rule));
  if (moves.withinProgramSn.length === 0) return out;
  const allLines = moves.withinProgramSn.flatMap((m) => [...m.from, ...m.to]);
  if (f.delegationsForYear.length === 0) {
    out.push(
      finding(
        rule,
        `Điều chỉnh kinh phí sự nghiệp giữa các dự án thành phần (${linesText(allLines)}) cần nghị quyết của HĐND tỉnh phân cấp cho HĐND huyện năm ${f.decision.year}; chưa có bản ghi phân cấp. Nhập văn bản phân cấp ở mục Phân cấp trước khi ban hành.`,
        ids(allLines),
      ),
    );
  }
  const issuer = param(rule, 'issuer', 'HDND');
  if (f.decision.issuer !== issuer) {
    out.push(
      finding(
        rule,
        `Điều chỉnh kinh phí sự nghiệp giữa các dự án thành phần do HĐND huyện quyết định bằng nghị quyết (NQ-HĐND), không phải quyết định của UBND. Đổi cơ quan ban hành thành HĐND huyện.`,
        ids(allLines),
      ),
    );
  }
  const reasons = param<string[]>(rule, 'reasons', []);
  const sources = moves.withinProgramSn.flatMap((m) => m.from);
  const withoutReason = sources.filter((l) => !l.reasonCode || !reasons.includes(l.reasonCode));
  if (withoutReason.length) {
    out.push(
      finding(
        rule,
        `Dòng bị giảm (${linesText(withoutReason)}) phải ghi lý do: không còn đối tượng thụ hưởng, không đủ điều kiện giải ngân hoặc tỷ lệ giải ngân thấp. Chọn lý do ở cột "Lý do".`,
        ids(withoutReason),
      ),
    );
  }
  const unclear = param<'E' | 'W' | 'I'>(rule, 'unclearTargetsSeverity', 'W');
  for (const l of sources) {
    const own = f.targets.get(l.component.id);
    const projectComponent = [...f.components.values()].find((c) => c.periodCode === l.component.periodCode && c.code === l.component.projectCode);
    const project = projectComponent && projectComponent.id !== l.component.id ? f.targets.get(projectComponent.id) : undefined;
    const recorded = [own, project].filter((t): t is { total: number; complete: number } => t !== undefined);
    if (recorded.length === 0) {
      out.push(finding(rule, `Chưa ghi chỉ tiêu của ${l.component.code} năm ${f.decision.year}: cần xác nhận chỉ tiêu, nhiệm vụ được giao đã hoàn thành trước khi điều chuyển (dòng ${l.position}).`, [l.id], unclear));
    } else if (recorded.some((t) => t.complete < t.total)) {
      out.push(finding(rule, `Chỉ tiêu của ${l.component.code} năm ${f.decision.year} chưa hoàn thành: chỉ được điều chuyển kinh phí sự nghiệp sau khi hoàn thành chỉ tiêu, nhiệm vụ được giao (dòng ${l.position}).`, [l.id]));
    }
    const programComponent = [...f.components.values()].find((c) => c.periodCode === l.component.periodCode && c.code === l.component.programCode);
    const programTargets = programComponent ? f.targets.get(programComponent.id) : undefined;
    if (programTargets && programTargets.complete < programTargets.total) {
      out.push(finding(rule, `Chỉ tiêu chung của chương trình ${l.component.programCode} chưa hoàn thành; văn bản chưa rõ điều kiện này áp dụng cho chương trình hay dự án thành phần (dòng ${l.position}).`, [l.id], unclear));
    }
  }
  return out;
}

/**
 * The district HĐND allocates the recurrent estimate in detail only under the province's delegation (NQ 111
 * khoản 1): a breakdown resolution without a delegation record for its year cannot be issued.
 */
function breakdownNeedsDelegation(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  if (f.decision.kind !== 'phan_bo' || f.decision.issuer !== 'HDND' || f.delegationsForYear.length > 0) return [];
  const sn = f.lines.filter((l) => l.capitalType === 'SN' && l.amount !== 0);
  if (sn.length === 0) return [];
  return [
    finding(
      rule,
      `Nghị quyết phân bổ chi tiết dự toán chi thường xuyên (kinh phí sự nghiệp) của HĐND huyện năm ${f.decision.year} cần văn bản phân cấp của HĐND tỉnh; chưa có văn bản phân cấp nào ban hành trước ngày ${isoToVi(f.decision.date)} cho năm này. Nhập nghị quyết phân cấp (số, ngày, phạm vi, các năm) trước khi ban hành.`,
      ids(sn),
    ),
  ];
}

/** Rule 8: between programs or ĐTPT ↔ SN, only for a pilot district, inside its window, by the district HĐND. */
export function pilotOnlyMove(f: DraftFacts, rule: RuleDefinition, moves: Moves): RuleFinding[] {
  if (!moves.betweenPrograms && !moves.betweenCapitalTypes) return [];
  const pilot = activePilot(f);
  if (!pilot) return []; // rule 10 refuses it
  const out: RuleFinding[] = [];
  const what = describeMove(moves);
  const end = param(rule, 'districtLevelEnd', '2025-07-01');
  const date = f.decision.date;
  if (date < pilot.designatedOn || date > pilot.windowEnd || date >= end) {
    out.push(
      finding(
        rule,
        `${what[0]!.toUpperCase()}${what.slice(1)} chỉ được làm trong thời gian thí điểm: từ ${isoToVi(pilot.designatedOn)} (${pilot.basis}) đến ${isoToVi(pilot.windowEnd)} và trước khi cấp huyện kết thúc ngày ${isoToVi(end)}. Quyết định ghi ngày ${isoToVi(date)}.`,
        ids(moves.movedLines),
      ),
    );
  }
  if (f.decision.issuer !== param(rule, 'issuer', 'HDND')) {
    out.push(finding(rule, `${what[0]!.toUpperCase()}${what.slice(1)} theo cơ chế thí điểm do HĐND huyện quyết định bằng nghị quyết (NQ-HĐND). Đổi cơ quan ban hành thành HĐND huyện.`, ids(moves.movedLines)));
  }
  if (moves.betweenCapitalTypes) {
    const reason = param(rule, 'conversionReason', 'KHONG_CON_DOI_TUONG');
    const wrong = moves.crossSources.filter((l) => l.reasonCode !== reason);
    if (wrong.length) {
      out.push(
        finding(
          rule,
          `Chuyển đổi giữa vốn ĐTPT và kinh phí sự nghiệp chỉ lấy từ dự án thành phần không còn đối tượng thụ hưởng; ${linesText(wrong)} chưa ghi lý do "Không còn đối tượng thụ hưởng".`,
          ids(wrong),
        ),
      );
    }
    const byCapital = new Map<string, number>();
    for (const l of moves.movedLines) byCapital.set(l.capitalType, (byCapital.get(l.capitalType) ?? 0) + l.amount);
    const changes = [...byCapital].filter(([, v]) => v !== 0).map(([k, v]) => `${capitalTypeLabel(k, 'named')} ${v > 0 ? 'tăng' : 'giảm'} ${dong(Math.abs(v))}`);
    out.push(
      finding(
        rule,
        `Tổng ${changes.join(', ')} của huyện thay đổi; theo thông tin chưa xác minh, điều chỉnh thí điểm không được làm thay đổi tổng vốn theo loại và các chỉ tiêu được giao. Kiểm tra với văn bản hướng dẫn của tỉnh.`,
        ids(moves.movedLines),
        param(rule, 'totalsUnchangedSeverity', 'W'),
      ),
    );
  }
  return out;
}

/** Rule 9: at most N pilot districts per province (data check on the designations the rules rely on). */
export function pilotDistrictLimit(f: DraftFacts, rule: RuleDefinition, moves: Moves): RuleFinding[] {
  if (!moves.betweenPrograms && !moves.betweenCapitalTypes) return [];
  const pilot = activePilot(f);
  if (!pilot) return [];
  const max = param(rule, 'maxPerProvince', 2);
  const inProvince = new Set(f.pilots.filter((p) => p.provinceCode === pilot.provinceCode && p.designatedOn <= f.decision.date && p.windowEnd >= f.decision.date).map((p) => p.districtCode));
  if (inProvince.size <= max) return [];
  return [
    finding(
      rule,
      `Dữ liệu thí điểm ghi ${inProvince.size} huyện thí điểm trong tỉnh (${[...inProvince].join(', ')}), vượt giới hạn ${max} huyện của NQ 111/2024/QH15. Kiểm tra lại danh sách huyện thí điểm trước khi dựa vào cơ chế này.`,
      ids(moves.movedLines),
    ),
  ];
}

/**
 * Why a district decision dated after the level ended is refused, and what to do: the legal reason, which date was
 * judged (a draft without a date is judged as issued today) and how to record an older decision.
 */
function levelEndedMessage(f: DraftFacts, end: string): string {
  const why = `Cấp huyện đã kết thúc hoạt động từ ngày ${isoToVi(end)} (Nghị quyết 203/2025/QH15 sửa đổi Hiến pháp và Luật Tổ chức chính quyền địa phương 2025: chính quyền địa phương còn hai cấp tỉnh và xã), nên ${f.office.districtName} không còn ban hành quyết định phân bổ, điều chỉnh.`;
  const judged = f.decision.dated
    ? `Quyết định này ghi ngày ${isoToVi(f.decision.date)}.`
    : `Dự thảo chưa ghi ngày ban hành nên được xét như ban hành hôm nay (${isoToVi(f.decision.date)}).`;
  const fix = `Nếu đây là quyết định đã ban hành trước ngày ${isoToVi(end)} cần nhập vào sổ, hãy ghi đúng ngày ban hành của nó; quyết định mới do UBND xã hoặc cấp tỉnh ban hành. Số liệu cũ vẫn xem, báo cáo và in được.`;
  return `${why} ${judged} ${fix}`;
}

/** Rule 10: nothing outside authority — non-pilot moves between programs or capital types; district decisions after 1/7/2025. */
export function withinAuthority(f: DraftFacts, rule: RuleDefinition, moves: Moves): RuleFinding[] {
  // A commune/ward office: the district's pilot and its end do not concern it; it decides only from its own start,
  // and who may move money between contents or capital types from 2026 is rules 27–28 (warnings).
  if (f.office.level === 'xa') return communeBeforeItsStart(f, rule);
  const out: RuleFinding[] = [];
  const end = param(rule, 'districtLevelEnd', '2025-07-01');
  if (f.decision.date >= end) {
    out.push(
      finding(
        rule,
        levelEndedMessage(f, end),
      ),
    );
  }
  if ((moves.betweenPrograms || moves.betweenCapitalTypes) && !activePilot(f)) {
    out.push(
      finding(
        rule,
        `${f.office.districtName} không phải huyện thí điểm theo khoản 7 Điều 4 NQ 111/2024/QH15 nên không được ${describeMove(moves)} (${linesText(moves.crossSources.length ? moves.crossSources : moves.movedLines)}). Chỉ điều chỉnh trong cùng chương trình và cùng loại vốn, hoặc đề nghị cấp tỉnh điều chỉnh.`,
        ids(moves.movedLines),
      ),
    );
  }
  if ((moves.betweenPrograms || moves.betweenCapitalTypes) && activePilot(f) && !f.rules.has(8)) {
    out.push(finding(rule, `Chưa có cơ chế thí điểm nào có hiệu lực vào ngày ${isoToVi(f.decision.date)} cho phép ${describeMove(moves)}.`, ids(moves.movedLines)));
  }
  if (moves.withinProgramSn.length && !f.rules.has(7)) {
    const lines = moves.withinProgramSn.flatMap((m) => [...m.from, ...m.to]);
    out.push(finding(rule, `Chưa có cơ chế nào có hiệu lực vào ngày ${isoToVi(f.decision.date)} cho phép cấp huyện điều chỉnh kinh phí sự nghiệp giữa các dự án thành phần (${linesText(lines)}).`, ids(lines)));
  }
  return out;
}

/** A commune/ward office issues nothing dated before the unit existed (1/7/2025, NQ 1672/NQ-UBTVQH15). */
function communeBeforeItsStart(f: DraftFacts, rule: RuleDefinition): RuleFinding[] {
  const start = f.office.levelValidFrom;
  if (start === null || f.decision.date >= start) return [];
  return [
    finding(
      rule,
      `${f.office.districtName} được thành lập và hoạt động từ ngày ${isoToVi(start)} (chính quyền địa phương hai cấp; NQ 1672/NQ-UBTVQH15), nên không ban hành quyết định ghi ngày ${isoToVi(f.decision.date)}. Ghi đúng ngày ban hành; quyết định của huyện cũ được nhập như lịch sử.`,
    ),
  ];
}
