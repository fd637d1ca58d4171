/**
 * Builds the print-document model of a decision's annexes (Nghị định 30/2020): headers, the numbered tables
 * program → component (I, II / 1, 2 / a, b / -), totals computed from đồng, amount in words, signature and
 * Nơi nhận. The renderer lays it out; nothing is computed there.
 */
import { unitNameParts } from '../../../shared/domain/office-level';
import type { CommandArgs } from '../../../shared/api/contract';
import type { DecisionDocument, DecisionLine } from '../../../shared/api/decisions';
import { ADJUSTMENT_KINDS, romanNumeral } from '../../../shared/domain/documents';
import { documentDateVi, formatDateVi } from '../../../shared/format/date';
import { amountInWordsLine } from '../../../shared/money/amount-in-words';
import { formatAmount, toDong, UNIT_LABEL_VI, type Dong, type MoneyUnit } from '../../../shared/money/dong';
import type { AnnexKind, PrintAnnex, PrintColumn, PrintDocument, PrintRow } from '../../../shared/print/document';
import { fillPlaceholders, wordingForUnit } from '../../../shared/print/wording';
import { checkPrintDocument } from '../../../shared/print/format-rules';
import { CoreError } from '../errors';
import type { Db } from '../db/database';
import { getDocument } from '../decisions/store';
import { foldIssued, keyLabels, lineKey, type KeyAmount } from '../ledger/fold';
import { requireOffice } from '../office/office';
import { componentIndex, type ComponentInfo } from '../reference/catalog';
import { listProjects } from '../registers/projects';
import { buildBody } from './body';
import { decisionWording } from './wording-store';

/** Decimals printed per unit: triệu đồng to the thousand đồng, nghìn and đồng whole. */
export const MAX_DECIMALS: Record<MoneyUnit, number> = { trieu: 3, nghin: 0, dong: 0 };

const letter = (n: number) => String.fromCharCode(96 + ((n - 1) % 26) + 1);

/** The office's own budget, printed in a column of its own: the district's (NS huyện) or, from 1/7/2025, the commune's (NS xã). */
interface LocalBudget {
  sourceCode: 'NSH' | 'NSX';
  header: string;
}
const DISTRICT_BUDGET: LocalBudget = { sourceCode: 'NSH', header: 'Ngân sách huyện' };
const COMMUNE_BUDGET: LocalBudget = { sourceCode: 'NSX', header: 'Ngân sách xã' };

/** The money columns of the summary annexes: Tổng số | NSTW: ĐTPT, SN | NS tỉnh đối ứng: ĐTPT, SN | NS huyện (NS xã) | other. */
function sourceColumns(lines: DecisionLine[], local: LocalBudget): { column: PrintColumn; matches: (l: DecisionLine) => boolean }[] {
  const cols: { column: PrintColumn; matches: (l: DecisionLine) => boolean }[] = [
    { column: { key: 'NSTW|DTPT', header: ['Ngân sách trung ương', 'Vốn ĐTPT'], kind: 'money', width: 26 }, matches: (l) => l.sourceCode === 'NSTW' && l.capitalType === 'DTPT' },
    { column: { key: 'NSTW|SN', header: ['Ngân sách trung ương', 'Kinh phí SN'], kind: 'money', width: 26 }, matches: (l) => l.sourceCode === 'NSTW' && l.capitalType === 'SN' },
    { column: { key: 'NST|DTPT', header: ['Ngân sách tỉnh đối ứng', 'Vốn ĐTPT'], kind: 'money', width: 24 }, matches: (l) => l.sourceCode === 'NST_DOIUNG' && l.capitalType === 'DTPT' },
    { column: { key: 'NST|SN', header: ['Ngân sách tỉnh đối ứng', 'Kinh phí SN'], kind: 'money', width: 24 }, matches: (l) => l.sourceCode === 'NST_DOIUNG' && l.capitalType === 'SN' },
    { column: { key: local.sourceCode, header: [local.header], kind: 'money', width: 24 }, matches: (l) => l.sourceCode === local.sourceCode },
  ];
  const known = new Set(['NSTW', 'NST_DOIUNG', local.sourceCode]);
  if (lines.some((l) => !known.has(l.sourceCode))) {
    cols.push({ column: { key: 'OTHER', header: ['Nguồn khác'], kind: 'money', width: 24 }, matches: (l) => !known.has(l.sourceCode) });
  }
  return cols;
}

const TOTAL_COLUMN: PrintColumn = { key: 'total', header: ['Tổng số'], kind: 'money', width: 28 };
const STT_COLUMN: PrintColumn = { key: 'stt', header: ['STT'], kind: 'stt', width: 12 };
const NOTE_COLUMN: PrintColumn = { key: 'note', header: ['Ghi chú'], kind: 'text', width: 22 };

/** What a line counts for in a summary annex: its change for allocations, the amount after for adjustments. */
function summaryAmount(l: DecisionLine): number {
  return l.afterDong ?? l.amountDong;
}

function sumInto(cells: Record<string, number>, key: string, amount: number): void {
  cells[key] = (cells[key] ?? 0) + amount;
}

function toCells(cells: Record<string, number>, keys: string[]): Record<string, Dong> {
  return Object.fromEntries(keys.map((k) => [k, toDong(cells[k] ?? 0)]));
}

interface TreeNode {
  component: ComponentInfo;
  cells: Record<string, number>;
  children: TreeNode[];
}

/** Program → component tree of the components holding money, every parent the sum of its children. */
function componentTree(lines: DecisionLine[], components: Map<number, ComponentInfo>, valueOf: (l: DecisionLine) => Record<string, number>): TreeNode[] {
  const byKey = new Map<string, ComponentInfo>();
  for (const c of components.values()) byKey.set(`${c.periodCode}|${c.code}`, c);
  const nodes = new Map<number, TreeNode>();
  const node = (c: ComponentInfo): TreeNode => {
    let n = nodes.get(c.id);
    if (!n) {
      n = { component: c, cells: {}, children: [] };
      nodes.set(c.id, n);
      const parent = c.parentCode ? byKey.get(`${c.periodCode}|${c.parentCode}`) : undefined;
      if (parent) node(parent).children.push(n);
    }
    return n;
  };
  for (const l of lines) {
    const c = components.get(l.componentId)!;
    const values = valueOf(l);
    for (let current: ComponentInfo | undefined = c; current; current = current.parentCode ? byKey.get(`${current.periodCode}|${current.parentCode}`) : undefined) {
      const n = node(current);
      for (const [k, v] of Object.entries(values)) sumInto(n.cells, k, v);
    }
  }
  const sort = (list: TreeNode[]) => list.sort((a, b) => a.component.sortOrder - b.component.sortOrder).forEach((n) => sort(n.children));
  const roots = [...nodes.values()].filter((n) => n.component.depth === 0);
  sort(roots);
  return roots;
}

function treeRows(roots: TreeNode[], keys: string[], nameOf: (c: ComponentInfo) => string, details?: (c: ComponentInfo) => PrintRow[]): PrintRow[] {
  const rows: PrintRow[] = [];
  const walk = (list: TreeNode[], depth: number) => {
    let printed = 0;
    for (const n of list) {
      if (keys.every((k) => (n.cells[k] ?? 0) === 0)) continue;
      printed += 1;
      const stt = depth === 0 ? romanNumeral(printed) : depth === 1 ? String(printed) : depth === 2 ? letter(printed) : '-';
      rows.push({ stt, depth, bold: depth <= 1, italic: depth >= 3, cells: { label: nameOf(n.component), ...toCells(n.cells, keys) } });
      if (n.children.length === 0 && details) rows.push(...details(n.component).map((d) => ({ ...d, depth: depth + 1 })));
      walk(n.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

/** A rounding note when the printed children of a printed total do not add up in the unit (exact printing never needs one). */
/** `rows` are the rows that make up the total (the programs, or every commune). */
function roundingNote(rows: PrintRow[], total: PrintRow, keys: string[], unit: MoneyUnit): string | null {
  const printed = (v: unknown) => Math.round(Number(formatAmount(toDong(Number(v ?? 0)), unit, { maxDecimals: MAX_DECIMALS[unit] }).replace(/\./g, '').replace(',', '.')) * 1000);
  for (const key of keys) {
    const sum = rows.reduce((acc, r) => acc + printed(r.cells[key]), 0);
    if (sum !== printed(total.cells[key])) return `Ghi chú: số liệu làm tròn theo đơn vị ${UNIT_LABEL_VI[unit]}; tổng số được tính từ số đồng nên có thể chênh lệch nhỏ so với cộng các dòng.`;
  }
  return null;
}

/** What a line counts for in Tổng số and in each source column of the summary annexes. */
function sourceValues(sources: ReturnType<typeof sourceColumns>): (l: DecisionLine) => Record<string, number> {
  return (l) => {
    const amount = summaryAmount(l);
    const cells: Record<string, number> = { total: amount };
    for (const s of sources) if (s.matches(l)) cells[s.column.key] = amount;
    return cells;
  };
}

/** The TỔNG SỐ row of an annex: every column summed over the lines it covers, from đồng. */
function totalRow(lines: DecisionLine[], valueOf: (l: DecisionLine) => Record<string, number>, keys: string[]): PrintRow {
  const totals: Record<string, number> = {};
  for (const l of lines) for (const [k, v] of Object.entries(valueOf(l))) sumInto(totals, k, v);
  return { stt: '', depth: -1, bold: true, total: true, cells: { label: 'TỔNG SỐ', ...toCells(totals, keys) } };
}

function summaryAnnex(lines: DecisionLine[], components: Map<number, ComponentInfo>, unit: MoneyUnit, local: LocalBudget): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const sources = sourceColumns(lines, local);
  const keys = ['total', ...sources.map((s) => s.column.key)];
  const valueOf = sourceValues(sources);
  const rows = treeRows(componentTree(lines, components, valueOf), keys, (c) => c.name);
  const total = totalRow(lines, valueOf, keys);
  return {
    kind: 'tong_hop',
    title: 'TỔNG HỢP PHÂN BỔ VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA',
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [STT_COLUMN, { key: 'label', header: ['Nội dung'], kind: 'text', width: 70 }, TOTAL_COLUMN, ...sources.map((s) => s.column), NOTE_COLUMN],
    headerDepth: 2,
    rows: [total, ...rows],
    amountInWords: amountInWordsLine(toDong(Number(total.cells.total))),
    roundingNote: roundingNote(rows.filter((r) => r.depth === 0), total, keys, unit),
  };
}

function byRecipientAnnex(lines: DecisionLine[], unit: MoneyUnit, local: LocalBudget): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const sources = sourceColumns(lines, local);
  const keys = ['total', ...sources.map((s) => s.column.key)];
  const valueOf = sourceValues(sources);
  const kindRank = { district: 0, commune: 1, unit: 2, investor: 3 } as const;
  const groups = new Map<string, { name: string; rank: number; cells: Record<string, number> }>();
  for (const l of lines) {
    const key = `${l.recipient.kind}:${l.recipient.id}`;
    const g = groups.get(key) ?? { name: l.recipient.name, rank: kindRank[l.recipient.kind], cells: {} };
    for (const [k, v] of Object.entries(valueOf(l))) sumInto(g.cells, k, v);
    groups.set(key, g);
  }
  const rows = [...groups.values()]
    .filter((g) => keys.some((k) => (g.cells[k] ?? 0) !== 0))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'vi'))
    .map<PrintRow>((g, i) => ({ stt: String(i + 1), depth: 1, bold: false, cells: { label: g.name, ...toCells(g.cells, keys) } }));
  const total = totalRow(lines, valueOf, keys);
  return {
    kind: 'theo_xa',
    title: 'CHI TIẾT PHÂN BỔ THEO XÃ, ĐƠN VỊ',
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [STT_COLUMN, { key: 'label', header: ['Xã, đơn vị'], kind: 'text', width: 70 }, TOTAL_COLUMN, ...sources.map((s) => s.column), NOTE_COLUMN],
    headerDepth: 2,
    rows: [total, ...rows],
    amountInWords: amountInWordsLine(toDong(Number(total.cells.total))),
    roundingNote: roundingNote(rows, total, keys, unit),
  };
}

function adjustmentAnnex(plan: DecisionLine[], components: Map<number, ComponentInfo>, unit: MoneyUnit): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const keys = ['before', 'decrease', 'increase', 'after'];
  const valueOf = (l: DecisionLine) => ({ before: l.beforeDong ?? 0, decrease: l.decreaseDong, increase: l.increaseDong, after: l.afterDong ?? l.amountDong });
  // Components the decision changes, with everything in force on them (all recipients): "đã giao" is the component's plan.
  const changedComponents = new Set(plan.filter((l) => l.amountDong !== 0).map((l) => l.componentId));
  const scope = plan.filter((l) => changedComponents.has(l.componentId));
  const details = (c: ComponentInfo): PrintRow[] =>
    scope
      .filter((l) => l.componentId === c.id && l.amountDong !== 0)
      .map((l) => ({ stt: '-', depth: 0, bold: false, italic: true, detail: true, cells: { label: l.recipient.name, ...toCells(valueOf(l), keys), note: l.reasonCode ? (REASON_NOTES[l.reasonCode] ?? '') : '' } }));
  const rows = treeRows(componentTree(scope, components, valueOf), keys, (c) => c.name, details);
  const total = totalRow(scope, valueOf, keys);
  return {
    kind: 'dieu_chinh',
    title: 'ĐIỀU CHỈNH KẾ HOẠCH VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA',
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [
      STT_COLUMN,
      { key: 'label', header: ['Nội dung'], kind: 'text', width: 80 },
      { key: 'before', header: ['Kế hoạch đã giao'], kind: 'money', width: 30 },
      { key: 'decrease', header: ['Điều chỉnh', 'Giảm'], kind: 'money', width: 28 },
      { key: 'increase', header: ['Điều chỉnh', 'Tăng'], kind: 'money', width: 28 },
      { key: 'after', header: ['Kế hoạch sau điều chỉnh'], kind: 'money', width: 30 },
      { ...NOTE_COLUMN, width: 34 },
    ],
    headerDepth: 2,
    rows: [total, ...rows],
    amountInWords: null,
    roundingNote: roundingNote(rows.filter((r) => r.depth === 0), total, keys, unit),
  };
}

const REASON_NOTES: Record<string, string> = {
  KHONG_CON_DOI_TUONG: 'Không còn đối tượng thụ hưởng',
  KHONG_DU_DIEU_KIEN: 'Không đủ điều kiện giải ngân',
  GIAI_NGAN_CHAM: 'Tỷ lệ giải ngân thấp',
};

/**
 * The plan of the year around this decision, one line per key: before (in force on its date without it),
 * its change, after. Keys it does not touch keep before = after.
 */
function planAround(db: Db, doc: DecisionDocument, today: string, components: Map<number, ComponentInfo>): DecisionLine[] {
  const h = doc.header;
  const fold = foldIssued(db, h.year, h.docDate ?? today);
  const byKey = new Map<string, { key: KeyAmount; before: number; line: DecisionLine | null }>();
  for (const k of fold) byKey.set(lineKey(k), { key: k, before: k.amount, line: null });
  for (const l of doc.lines) {
    const key: KeyAmount = {
      component_id: l.componentId,
      recipient_unit_id: l.recipient.kind === 'district' || l.recipient.kind === 'commune' ? l.recipient.id : null,
      recipient_org_id: l.recipient.kind === 'unit' || l.recipient.kind === 'investor' ? l.recipient.id : null,
      project_id: l.projectId,
      source_code: l.sourceCode,
      capital_type: l.capitalType,
      origin_year: l.originYear,
      amount: 0,
    };
    const entry = byKey.get(lineKey(key)) ?? { key, before: 0, line: null };
    // An issued decision is inside the fold of its own date: take its change out to get "before".
    if (h.status === 'issued') entry.before -= l.amountDong;
    entry.line = l;
    byKey.set(lineKey(key), entry);
  }
  const names = keyLabels(db, [...byKey.values()].map((e) => e.key));
  const out: DecisionLine[] = [];
  let fakeId = -1;
  for (const { key, before, line } of byKey.values()) {
    const delta = line?.amountDong ?? 0;
    if (before === 0 && delta === 0) continue;
    const c = components.get(key.component_id)!;
    out.push({
      id: line?.id ?? fakeId--,
      position: line?.position ?? 0,
      componentId: key.component_id,
      componentCode: c.code,
      componentName: c.name,
      programCode: c.programCode,
      programName: c.programName,
      recipient: line?.recipient ?? names.recipient(key),
      projectId: key.project_id,
      projectCode: line?.projectCode ?? null,
      projectName: line?.projectName ?? null,
      sourceCode: key.source_code,
      capitalType: key.capital_type,
      originYear: key.origin_year,
      amountDong: toDong(delta),
      beforeDong: toDong(before),
      afterDong: toDong(before + delta),
      decreaseDong: toDong(delta < 0 ? -delta : 0),
      increaseDong: toDong(delta > 0 ? delta : 0),
      reasonCode: line?.reasonCode ?? null,
      note: line?.note ?? '',
    });
  }
  return out;
}

function projectAnnex(db: Db, lines: DecisionLine[], unit: MoneyUnit): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const projects = new Map(listProjects(db).map((p) => [p.id, p]));
  const amounts = new Map<number, number>();
  for (const l of lines) if (l.projectId !== null) amounts.set(l.projectId, (amounts.get(l.projectId) ?? 0) + summaryAmount(l));
  const listed = [...amounts.keys()].map((id) => projects.get(id)!).sort((a, b) => a.code.localeCompare(b.code, 'vi'));
  const rows = listed.map<PrintRow>((p, i) => ({
    stt: String(i + 1),
    depth: 1,
    bold: false,
    cells: {
      label: p.name,
      place: p.communeName ?? '',
      investor: p.investorName ?? '',
      approval: p.approvalNumber ? `${p.approvalNumber}${p.approvalDate ? ` ngày ${formatDateVi(p.approvalDate)}` : ''}` : '',
      tmdt: p.totalInvestmentDong,
      amount: toDong(amounts.get(p.id)!),
      note: [p.code, p.specialMechanism ? 'cơ chế đặc thù NQ 111/2024/QH15' : ''].filter(Boolean).join('; '),
    },
  }));
  // Investment money not yet tied to a registered project still counts, so the annex adds up to the decision's ĐTPT.
  const unlisted = lines.filter((l) => l.projectId === null && l.capitalType === 'DTPT').reduce((a, l) => a + summaryAmount(l), 0);
  if (unlisted !== 0) rows.push({ stt: String(rows.length + 1), depth: 1, bold: false, italic: true, cells: { label: 'Các nội dung đầu tư chưa ghi vào danh mục dự án', amount: toDong(unlisted) } });
  const sum = (key: 'tmdt' | 'amount') => toDong(rows.reduce((a, r) => a + Number(r.cells[key] ?? 0), 0));
  const total: PrintRow = { stt: '', depth: -1, bold: true, total: true, cells: { label: 'TỔNG SỐ', tmdt: sum('tmdt'), amount: sum('amount') } };
  return {
    kind: 'du_an',
    title: 'DANH MỤC DỰ ÁN ĐẦU TƯ PHÁT TRIỂN',
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [
      STT_COLUMN,
      { key: 'label', header: ['Tên dự án'], kind: 'text', width: 62 },
      { key: 'place', header: ['Địa điểm xây dựng'], kind: 'text', width: 28 },
      { key: 'investor', header: ['Chủ đầu tư'], kind: 'text', width: 34 },
      { key: 'approval', header: ['Quyết định phê duyệt'], kind: 'text', width: 32 },
      { key: 'tmdt', header: ['Tổng mức đầu tư'], kind: 'money', width: 26 },
      { key: 'amount', header: ['Kế hoạch vốn'], kind: 'money', width: 26 },
      // Wide enough for "cơ chế đặc thù NQ 111/2024/QH15" with the number kept whole.
      { ...NOTE_COLUMN, width: 30 },
    ],
    headerDepth: 1,
    rows: [total, ...rows],
    amountInWords: amountInWordsLine(sum('amount')),
    roundingNote: null,
  };
}

/**
 * The recurrent breakdown in the layout of the district's budget publication form for program spending
 * (TT 343/2016/TT-BTC Biểu 91/CK-NSNN, as best known): program → component rows, each component's
 * implementing units under it, columns Tổng số / NSTW / NS tỉnh đối ứng.
 */
function recurrentAnnex(lines: DecisionLine[], components: Map<number, ComponentInfo>, unit: MoneyUnit, year: number): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const sn = lines.filter((l) => l.capitalType === 'SN');
  const known = new Set(['NSTW', 'NST_DOIUNG']);
  const columns: PrintColumn[] = [
    { key: 'NSTW', header: ['Chia ra', 'Ngân sách trung ương'], kind: 'money', width: 30 },
    { key: 'NST_DOIUNG', header: ['Chia ra', 'Ngân sách tỉnh đối ứng'], kind: 'money', width: 30 },
    ...(sn.some((l) => !known.has(l.sourceCode)) ? [{ key: 'OTHER', header: ['Chia ra', 'Nguồn khác'], kind: 'money' as const, width: 26 }] : []),
  ];
  const keys = ['total', ...columns.map((c) => c.key)];
  const valueOf = (l: DecisionLine): Record<string, number> => ({ total: summaryAmount(l), [known.has(l.sourceCode) ? l.sourceCode : 'OTHER']: summaryAmount(l) });
  const unitsOf = (c: ComponentInfo): PrintRow[] => {
    const byUnit = new Map<string, { name: string; cells: Record<string, number> }>();
    for (const l of sn) {
      if (l.componentId !== c.id) continue;
      const key = `${l.recipient.kind}:${l.recipient.id}`;
      const u = byUnit.get(key) ?? { name: l.recipient.name, cells: {} };
      for (const [k, v] of Object.entries(valueOf(l))) sumInto(u.cells, k, v);
      byUnit.set(key, u);
    }
    return [...byUnit.values()]
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
      .map((u) => ({ stt: '-', depth: 0, bold: false, italic: true, detail: true, cells: { label: u.name, ...toCells(u.cells, keys) } }));
  };
  const rows = treeRows(componentTree(sn, components, valueOf), keys, (c) => c.name, unitsOf);
  const total = totalRow(sn, valueOf, keys);
  return {
    kind: 'du_toan_sn',
    title: `DỰ TOÁN CHI THƯỜNG XUYÊN THỰC HIỆN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA NĂM ${year} THEO ĐƠN VỊ THỰC HIỆN`,
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [STT_COLUMN, { key: 'label', header: ['Nội dung'], kind: 'text', width: 80 }, { ...TOTAL_COLUMN, header: ['Tổng số'] }, ...columns, NOTE_COLUMN],
    headerDepth: 2,
    rows: [total, ...rows],
    amountInWords: amountInWordsLine(toDong(Number(total.cells.total))),
    roundingNote: roundingNote(rows.filter((r) => r.depth === 0), total, keys, unit),
  };
}

const ANNEX_TITLE_KIND: Record<string, string> = { UBND: 'Quyết định', HDND: 'Nghị quyết' };
const ISSUER_FULL: Record<string, string> = { UBND: 'Ủy ban nhân dân', HDND: 'Hội đồng nhân dân' };

/** The treasury of a document's date: the district treasury until the 2025 reorganisation into regional ones [R]. */
function treasury(date: string | null, district: string): string {
  return date !== null && date < '2025-03-01' ? `Kho bạc Nhà nước ${district}` : 'Kho bạc Nhà nước khu vực';
}

/**
 * The print document of a decision. Annexes keep the numbers they have in the whole decision (Phụ lục II stays
 * II when printed alone). For an adjustment the summary shows the plan after it, and "đã giao" is the
 * component's whole plan in force before it.
 */
export function buildDecisionPrint(db: Db, args: CommandArgs<'print.decision'>, today: string): PrintDocument {
  const office = requireOffice(db);
  const doc = getDocument(db, args.id);
  const h = doc.header;
  const unit = args.unit ?? 'trieu';
  const components = componentIndex(db);
  const adjustment = ADJUSTMENT_KINDS.has(h.kind);
  // A UBND decision implementing an HĐND breakdown prints the resolution's money under its own number.
  const ownLines = h.implementsId !== null ? getDocument(db, h.implementsId).lines : doc.lines;
  const withProjects = ownLines.some((l) => l.projectId !== null);
  // The HĐND's breakdown of the recurrent estimate prints by component and implementing unit (Biểu 91).
  const recurrent = !adjustment && (h.issuer === 'HDND' || h.implementsId !== null) && ownLines.length > 0 && ownLines.every((l) => l.capitalType === 'SN');
  const defaults: AnnexKind[] = adjustment
    ? ['dieu_chinh', 'tong_hop', 'theo_xa']
    : recurrent
      ? ['du_toan_sn', 'theo_xa']
      : ['tong_hop', 'theo_xa', ...(withProjects ? (['du_an'] as const) : [])];
  const kinds: AnnexKind[] = args.annexes ?? (adjustment ? ['dieu_chinh', 'tong_hop'] : defaults);
  const local = office.level === 'xa' ? COMMUNE_BUDGET : DISTRICT_BUDGET;
  const build = (kind: AnnexKind) => {
    switch (kind) {
      case 'dieu_chinh':
        return adjustmentAnnex(lines, components, unit);
      case 'theo_xa':
        return byRecipientAnnex(lines, unit, local);
      case 'tong_hop':
        return summaryAnnex(lines, components, unit, local);
      case 'du_toan_sn':
        return recurrentAnnex(lines, components, unit, h.year);
      case 'du_an':
        return projectAnnex(db, lines, unit);
    }
  };
  const numbering = [...defaults, ...kinds.filter((k) => !defaults.includes(k))];
  const lines = adjustment ? planAround(db, doc, today, components) : ownLines;
  // The unit word follows the office's level: "huyện Tràng Định" until 30/06/2025, "xã Tràng Định" from 01/07/2025.
  const { word, place: district } = unitNameParts(office.districtName);
  const numberText = h.numberText ?? `\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/${h.symbol}`;
  const dateWords = h.docDate ? documentDateVi(h.docDate) : `ngày\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0năm ${h.year}`;
  const built = kinds.map(build);
  const annexes: PrintAnnex[] = built.map((a) => ({
    ...a,
    label: numbering.length > 1 || kinds.length > 1 ? `Phụ lục ${romanNumeral(numbering.indexOf(a.kind) + 1)}` : 'Phụ lục',
    attachedTo: `(Kèm theo ${ANNEX_TITLE_KIND[h.issuer]} số ${numberText} ${dateWords} của ${ISSUER_FULL[h.issuer]} ${word} ${district})`,
  }));
  const vice = /phó/i.test(h.signerTitle ?? '');
  const withBody = args.body ?? true;
  const { wording, templateKey } = decisionWording(db, h.id);
  const fill = (text: string) =>
    fillPlaceholders(text, { huyen: district, tinh: office.provinceName.replace(/^Tỉnh\s+/i, ''), nam: h.year, kbnn: treasury(h.docDate, district) });
  let implemented: string | null = null;
  if (h.implementsId !== null) {
    const r = getDocument(db, h.implementsId).header;
    implemented = `Nghị quyết số ${r.numberText ?? `…/${r.symbol}`} ${r.docDate ? documentDateVi(r.docDate) : ''} của Hội đồng nhân dân ${word} ${district}`.replace(/\s+/g, ' ');
  }
  // The UBND decides as a body (TM. Ủy ban nhân dân) unless the office's wording has its chair decide.
  const collective = h.issuer === 'UBND' && (!withBody || wording.authority === 'tap_the');
  const printed: PrintDocument = {
    decisionId: h.id,
    orientation: args.orientation ?? 'landscape',
    unit,
    maxDecimals: MAX_DECIMALS[unit],
    issuerLines: [h.issuer === 'HDND' ? 'HỘI ĐỒNG NHÂN DÂN' : 'ỦY BAN NHÂN DÂN', `${word} ${district}`.toLocaleUpperCase('vi')],
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    numberLine: `Số: ${numberText}`,
    placeDateLine: h.docDate ? `${district}, ${documentDateVi(h.docDate)}` : `${district}, ngày\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0năm ${h.year}`,
    body: withBody
      ? buildBody({ db, doc, lines: ownLines, components, templateKey, wording, district, unitWord: word, implemented, annexLabels: annexes.map((a) => a.label), fill })
      : null,
    fileStem: (h.numberText ?? `du-thao-${h.id}-${h.symbol}`).replace(/\//g, '-'),
    annexes,
    signature: {
      authority: collective ? 'TM. ỦY BAN NHÂN DÂN' : null,
      role: vice ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH'],
      name: h.signerName ?? '',
    },
    recipients: withBody
      ? wording.recipients.map(fill)
      : h.issuer === 'HDND'
        ? ['- Thường trực HĐND tỉnh;', '- UBND tỉnh;', '- Sở Tài chính;', '- TT Huyện ủy, HĐND, UBND huyện;', '- Phòng Tài chính - Kế hoạch;', `- ${treasury(h.docDate, district)};`, '- Lưu: VT.'].map((l) => wordingForUnit(l, word))
        : ['- UBND tỉnh (b/c);', '- Sở Tài chính;', '- TT Huyện ủy, HĐND huyện;', '- CT, các PCT UBND huyện;', '- Phòng Tài chính - Kế hoạch;', `- ${treasury(h.docDate, district)};`, '- Lưu: VT, TCKH.'].map((l) => wordingForUnit(l, word)),
    draft: h.status !== 'issued',
  };
  // Rules 17–21, 23, 24: the form is checked before anything is printed; a wrong form is a fault of this code.
  const wrong = checkPrintDocument(printed);
  if (wrong.length > 0) throw new CoreError('PRINT_FORMAT', `Văn bản in sai thể thức (quy tắc ${wrong[0]!.ruleId}): ${wrong[0]!.message}`, { findings: wrong });
  return printed;
}
