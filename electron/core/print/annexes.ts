/**
 * Builds the print-document model of a decision's annexes (Nghị định 30/2020): headers, the numbered tables
 * program → component (I, II / 1, 2 / a, b / -), totals computed from đồng, amount in words, signature and
 * Nơi nhận. The renderer lays it out; nothing is computed there.
 */
import type { CommandArgs } from '../../../shared/api/contract';
import type { DecisionLine } from '../../../shared/api/ledger-types';
import { documentDateVi, formatDateVi } from '../../../shared/format/date';
import { amountInWordsLine } from '../../../shared/money/amount-in-words';
import { formatAmount, toDong, UNIT_LABEL_VI, type Dong, type MoneyUnit } from '../../../shared/money/dong';
import type { AnnexKind, PrintAnnex, PrintColumn, PrintDocument, PrintRow } from '../../../shared/print/document';
import type { Db } from '../db/database';
import { getDocument } from '../decisions/store';
import { requireOffice } from '../office/office';
import { componentIndex, type ComponentInfo } from '../reference/catalog';
import { listProjects } from '../registers/projects';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);
const letter = (n: number) => String.fromCharCode(96 + ((n - 1) % 26) + 1);

/** The money columns of the summary annexes: Tổng số | NSTW: ĐTPT, SN | NS tỉnh đối ứng: ĐTPT, SN | NS huyện | other. */
function sourceColumns(lines: DecisionLine[]): { column: PrintColumn; matches: (l: DecisionLine) => boolean }[] {
  const cols: { column: PrintColumn; matches: (l: DecisionLine) => boolean }[] = [
    { column: { key: 'NSTW|DTPT', header: ['Ngân sách trung ương', 'Vốn ĐTPT'], kind: 'money', width: 26 }, matches: (l) => l.sourceCode === 'NSTW' && l.capitalType === 'DTPT' },
    { column: { key: 'NSTW|SN', header: ['Ngân sách trung ương', 'Kinh phí SN'], kind: 'money', width: 26 }, matches: (l) => l.sourceCode === 'NSTW' && l.capitalType === 'SN' },
    { column: { key: 'NST|DTPT', header: ['Ngân sách tỉnh đối ứng', 'Vốn ĐTPT'], kind: 'money', width: 24 }, matches: (l) => l.sourceCode === 'NST_DOIUNG' && l.capitalType === 'DTPT' },
    { column: { key: 'NST|SN', header: ['Ngân sách tỉnh đối ứng', 'Kinh phí SN'], kind: 'money', width: 24 }, matches: (l) => l.sourceCode === 'NST_DOIUNG' && l.capitalType === 'SN' },
    { column: { key: 'NSH', header: ['Ngân sách huyện'], kind: 'money', width: 24 }, matches: (l) => l.sourceCode === 'NSH' },
  ];
  const known = new Set(['NSTW', 'NST_DOIUNG', 'NSH']);
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

function treeRows(roots: TreeNode[], keys: string[], nameOf: (c: ComponentInfo) => string): PrintRow[] {
  const rows: PrintRow[] = [];
  const walk = (list: TreeNode[], depth: number) => {
    list.forEach((n, i) => {
      if (keys.every((k) => (n.cells[k] ?? 0) === 0)) return;
      const stt = depth === 0 ? roman(i + 1) : depth === 1 ? String(i + 1) : depth === 2 ? letter(i + 1) : '-';
      rows.push({ stt, depth, bold: depth <= 1, italic: depth >= 3, cells: { label: nameOf(n.component), ...toCells(n.cells, keys) } });
      walk(n.children, depth + 1);
    });
  };
  walk(roots, 0);
  return rows;
}

/** A rounding note when the printed children of a printed total do not add up in the unit (exact printing never needs one). */
function roundingNote(rows: PrintRow[], total: PrintRow, keys: string[], unit: MoneyUnit): string | null {
  const printed = (v: unknown) => Number(formatAmount(toDong(Number(v ?? 0)), unit).replace(/\./g, '').replace(',', '.'));
  const top = rows.filter((r) => r.depth === 0);
  for (const key of keys) {
    const sum = top.reduce((acc, r) => acc + printed(r.cells[key]), 0);
    if (Math.abs(sum - printed(total.cells[key])) > 1e-9) return `Ghi chú: số liệu làm tròn theo đơn vị ${UNIT_LABEL_VI[unit]}; tổng số được tính từ số đồng nên có thể chênh lệch nhỏ so với cộng các dòng.`;
  }
  return null;
}

function summaryAnnex(lines: DecisionLine[], components: Map<number, ComponentInfo>, unit: MoneyUnit): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const sources = sourceColumns(lines);
  const keys = ['total', ...sources.map((s) => s.column.key)];
  const valueOf = (l: DecisionLine) => {
    const amount = summaryAmount(l);
    const cells: Record<string, number> = { total: amount };
    for (const s of sources) if (s.matches(l)) cells[s.column.key] = amount;
    return cells;
  };
  const rows = treeRows(componentTree(lines, components, valueOf), keys, (c) => c.name);
  const totals: Record<string, number> = {};
  for (const l of lines) for (const [k, v] of Object.entries(valueOf(l))) sumInto(totals, k, v);
  const total: PrintRow = { stt: '', depth: -1, bold: true, total: true, cells: { label: 'TỔNG SỐ', ...toCells(totals, keys) } };
  return {
    kind: 'tong_hop',
    title: 'TỔNG HỢP PHÂN BỔ VỐN CÁC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA',
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [STT_COLUMN, { key: 'label', header: ['Nội dung'], kind: 'text', width: 70 }, TOTAL_COLUMN, ...sources.map((s) => s.column), NOTE_COLUMN],
    headerDepth: 2,
    rows: [total, ...rows],
    amountInWords: amountInWordsLine(toDong(totals.total ?? 0)),
    roundingNote: roundingNote(rows, total, keys, unit),
  };
}

function byRecipientAnnex(lines: DecisionLine[], unit: MoneyUnit): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const sources = sourceColumns(lines);
  const keys = ['total', ...sources.map((s) => s.column.key)];
  const kindRank = { district: 0, commune: 1, unit: 2, investor: 3 } as const;
  const groups = new Map<string, { name: string; rank: number; cells: Record<string, number> }>();
  const totals: Record<string, number> = {};
  for (const l of lines) {
    const key = `${l.recipient.kind}:${l.recipient.id}`;
    const g = groups.get(key) ?? { name: l.recipient.name, rank: kindRank[l.recipient.kind], cells: {} };
    const amount = summaryAmount(l);
    sumInto(g.cells, 'total', amount);
    sumInto(totals, 'total', amount);
    for (const s of sources)
      if (s.matches(l)) {
        sumInto(g.cells, s.column.key, amount);
        sumInto(totals, s.column.key, amount);
      }
    groups.set(key, g);
  }
  const rows = [...groups.values()]
    .filter((g) => keys.some((k) => (g.cells[k] ?? 0) !== 0))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'vi'))
    .map<PrintRow>((g, i) => ({ stt: String(i + 1), depth: 1, bold: false, cells: { label: g.name, ...toCells(g.cells, keys) } }));
  const total: PrintRow = { stt: '', depth: -1, bold: true, total: true, cells: { label: 'TỔNG SỐ', ...toCells(totals, keys) } };
  return {
    kind: 'theo_xa',
    title: 'CHI TIẾT PHÂN BỔ THEO XÃ, ĐƠN VỊ',
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [STT_COLUMN, { key: 'label', header: ['Xã, đơn vị'], kind: 'text', width: 70 }, TOTAL_COLUMN, ...sources.map((s) => s.column), NOTE_COLUMN],
    headerDepth: 2,
    rows: [total, ...rows],
    amountInWords: amountInWordsLine(toDong(totals.total ?? 0)),
    roundingNote: null,
  };
}

function adjustmentAnnex(lines: DecisionLine[], components: Map<number, ComponentInfo>, unit: MoneyUnit): Omit<PrintAnnex, 'label' | 'attachedTo'> {
  const keys = ['before', 'decrease', 'increase', 'after'];
  const valueOf = (l: DecisionLine) => ({ before: l.beforeDong ?? 0, decrease: l.decreaseDong, increase: l.increaseDong, after: l.afterDong ?? l.amountDong });
  const changed = lines.filter((l) => l.amountDong !== 0);
  const rows = treeRows(componentTree(changed, components, valueOf), keys, (c) => c.name);
  const totals: Record<string, number> = {};
  for (const l of changed) for (const [k, v] of Object.entries(valueOf(l))) sumInto(totals, k, v);
  const total: PrintRow = { stt: '', depth: -1, bold: true, total: true, cells: { label: 'TỔNG SỐ', ...toCells(totals, keys) } };
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
      NOTE_COLUMN,
    ],
    headerDepth: 2,
    rows: [total, ...rows],
    amountInWords: null,
    roundingNote: null,
  };
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
      label: `${p.code} - ${p.name}`,
      place: p.communeName ?? '',
      investor: p.investorName ?? '',
      approval: p.approvalNumber ? `${p.approvalNumber}${p.approvalDate ? ` ngày ${formatDateVi(p.approvalDate)}` : ''}` : '',
      tmdt: p.totalInvestmentDong,
      amount: toDong(amounts.get(p.id)!),
      note: p.specialMechanism ? 'Cơ chế đặc thù (NQ 111/2024/QH15)' : '',
    },
  }));
  const sum = (key: 'tmdt' | 'amount') => toDong(rows.reduce((a, r) => a + Number(r.cells[key] ?? 0), 0));
  const total: PrintRow = { stt: '', depth: -1, bold: true, total: true, cells: { label: 'TỔNG SỐ', tmdt: sum('tmdt'), amount: sum('amount') } };
  return {
    kind: 'du_an',
    title: 'DANH MỤC DỰ ÁN ĐẦU TƯ PHÁT TRIỂN',
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns: [
      STT_COLUMN,
      { key: 'label', header: ['Tên dự án'], kind: 'text', width: 70 },
      { key: 'place', header: ['Địa điểm xây dựng'], kind: 'text', width: 28 },
      { key: 'investor', header: ['Chủ đầu tư'], kind: 'text', width: 34 },
      { key: 'approval', header: ['Quyết định phê duyệt'], kind: 'text', width: 32 },
      { key: 'tmdt', header: ['Tổng mức đầu tư'], kind: 'money', width: 26 },
      { key: 'amount', header: ['Kế hoạch vốn'], kind: 'money', width: 26 },
      NOTE_COLUMN,
    ],
    headerDepth: 1,
    rows: [total, ...rows],
    amountInWords: amountInWordsLine(sum('amount')),
    roundingNote: null,
  };
}

const ANNEX_TITLE_KIND: Record<string, string> = { UBND: 'Quyết định', HDND: 'Nghị quyết' };

/** The print document of a decision: its annexes in the order asked (default: by kind), numbered Phụ lục I, II… */
export function buildDecisionPrint(db: Db, args: CommandArgs<'print.decision'>): PrintDocument {
  const office = requireOffice(db);
  const doc = getDocument(db, args.id);
  const h = doc.header;
  const unit = args.unit ?? 'trieu';
  const components = componentIndex(db);
  const adjustment = h.kind === 'dieu_chinh' || h.kind === 'bo_sung' || h.kind === 'thu_hoi';
  const withProjects = doc.lines.some((l) => l.projectId !== null);
  const kinds: AnnexKind[] = args.annexes ?? (adjustment ? ['dieu_chinh', 'tong_hop'] : ['tong_hop', 'theo_xa', ...(withProjects ? (['du_an'] as const) : [])]);
  const district = office.districtName.replace(/^Huyện\s+/i, '');
  const issuerName = h.issuer === 'HDND' ? 'HĐND' : 'UBND';
  const numberText = h.numberText ?? `   /${h.symbol}`;
  const dateText = h.docDate ? formatDateVi(h.docDate) : '…/…/…';
  const built = kinds.map((kind) =>
    kind === 'dieu_chinh' ? adjustmentAnnex(doc.lines, components, unit) : kind === 'theo_xa' ? byRecipientAnnex(doc.lines, unit) : kind === 'tong_hop' ? summaryAnnex(doc.lines, components, unit) : projectAnnex(db, doc.lines, unit),
  );
  const annexes: PrintAnnex[] = built.map((a, i) => ({
    ...a,
    label: built.length > 1 ? `PHỤ LỤC ${roman(i + 1)}` : 'PHỤ LỤC',
    attachedTo: `(Kèm theo ${ANNEX_TITLE_KIND[h.issuer]} số ${numberText} ngày ${dateText} của ${issuerName} huyện ${district})`,
  }));
  const vice = /phó/i.test(h.signerTitle ?? '');
  return {
    decisionId: h.id,
    orientation: args.orientation ?? 'landscape',
    unit,
    issuerLines: [h.issuer === 'HDND' ? 'HỘI ĐỒNG NHÂN DÂN' : 'ỦY BAN NHÂN DÂN', `HUYỆN ${district.toUpperCase()}`],
    nationalTitle: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    numberLine: `Số: ${numberText}`,
    placeDateLine: h.docDate ? `${district}, ${documentDateVi(h.docDate)}` : `${district}, ngày … tháng … năm …`,
    annexes,
    signature: {
      authority: h.issuer === 'UBND' ? 'TM. ỦY BAN NHÂN DÂN' : null,
      role: vice ? ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['CHỦ TỊCH'],
      name: h.signerName ?? '',
    },
    recipients:
      h.issuer === 'HDND'
        ? ['- Thường trực HĐND tỉnh;', '- UBND tỉnh;', '- Sở Tài chính;', '- TT Huyện ủy, HĐND, UBND huyện;', '- Phòng Tài chính - Kế hoạch;', '- Lưu: VT.']
        : ['- UBND tỉnh (b/c);', '- Sở Tài chính;', '- TT Huyện ủy, HĐND huyện;', '- CT, các PCT UBND huyện;', '- Phòng Tài chính - Kế hoạch;', '- Kho bạc Nhà nước khu vực;', '- Lưu: VT, TCKH.'],
    draft: h.status !== 'issued',
  };
}
