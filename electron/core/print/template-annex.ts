/**
 * Prints an annex from a template (`shared/print/annex-template.ts`): the template says which money columns,
 * which rows, which numbering and headings; this builds the rows from the decision's lines, every total from đồng.
 * The built-in annexes (tổng hợp, theo xã, điều chỉnh, dự toán SN) and a province's own forms go through here.
 */
import type { DecisionLine } from '../../../shared/api/decisions';
import { romanNumeral } from '../../../shared/domain/documents';
import { amountInWordsLine } from '../../../shared/money/amount-in-words';
import { formatAmount, toDong, UNIT_LABEL_VI, type Dong, type MoneyUnit } from '../../../shared/money/dong';
import type { AnnexTemplate, Measure, MoneyColumn, RowLevel } from '../../../shared/print/annex-template';
import type { PrintAnnex, PrintColumn, PrintRow } from '../../../shared/print/document';
import type { ComponentInfo } from '../reference/catalog';

/** Decimals printed per unit: triệu đồng to the thousand đồng, nghìn and đồng whole. */
export const MAX_DECIMALS: Record<MoneyUnit, number> = { trieu: 3, nghin: 0, dong: 0 };

const REASON_NOTES: Record<string, string> = {
  KHONG_CON_DOI_TUONG: 'Không còn đối tượng thụ hưởng',
  KHONG_DU_DIEU_KIEN: 'Không đủ điều kiện giải ngân',
  GIAI_NGAN_CHAM: 'Tỷ lệ giải ngân thấp',
};

const letter = (n: number) => String.fromCharCode(96 + ((n - 1) % 26) + 1);

function numbered(level: RowLevel, n: number): string {
  switch (level.numbering) {
    case 'roman':
      return romanNumeral(n);
    case 'arabic':
      return String(n);
    case 'letter':
      return letter(n);
    case 'upper_letter':
      return letter(n).toUpperCase();
    case 'dash':
      return '-';
    case 'none':
      return '';
  }
}

const levelAt = (levels: RowLevel[], depth: number): RowLevel => levels[Math.min(depth, levels.length - 1)]!;

function measureOf(l: DecisionLine, measure: Measure): number {
  switch (measure) {
    case 'amount':
    case 'after':
      return l.afterDong ?? l.amountDong;
    case 'before':
      return l.beforeDong ?? 0;
    case 'decrease':
      return l.decreaseDong;
    case 'increase':
      return l.increaseDong;
  }
}

function sumInto(cells: Record<string, number>, key: string, amount: number): void {
  cells[key] = (cells[key] ?? 0) + amount;
}

function toCells(cells: Record<string, number>, keys: string[]): Record<string, Dong> {
  return Object.fromEntries(keys.map((k) => [k, toDong(cells[k] ?? 0)]));
}

/** The money columns of a template that print for these lines, each with the test of the lines it adds up. */
function moneyColumns(template: AnnexTemplate, lines: DecisionLine[]): { column: MoneyColumn; matches: (l: DecisionLine) => boolean }[] {
  const named = new Set(template.columns.flatMap((c) => c.sources ?? []));
  const withTest = template.columns.map((column) => ({
    column,
    matches: (l: DecisionLine) =>
      (column.otherSources ? !named.has(l.sourceCode) : column.sources === undefined || column.sources.includes(l.sourceCode)) &&
      (column.capitalTypes === undefined || column.capitalTypes.includes(l.capitalType)),
  }));
  return withTest.filter((c) => !c.column.onlyWhenUsed || lines.some(c.matches));
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

function treeRows(roots: TreeNode[], keys: string[], levels: RowLevel[], details?: (c: ComponentInfo) => PrintRow[]): PrintRow[] {
  const rows: PrintRow[] = [];
  const walk = (list: TreeNode[], depth: number) => {
    let printed = 0;
    for (const n of list) {
      if (keys.every((k) => (n.cells[k] ?? 0) === 0)) continue;
      printed += 1;
      const level = levelAt(levels, depth);
      rows.push({ stt: numbered(level, printed), depth, bold: level.bold, italic: level.italic, cells: { label: n.component.name, ...toCells(n.cells, keys) } });
      if (n.children.length === 0 && details) rows.push(...details(n.component).map((d) => ({ ...d, depth: depth + 1 })));
      walk(n.children, depth + 1);
    }
  };
  walk(roots, 0);
  return rows;
}

/** Detail rows under a leaf component: its recipients, "-" in italics. */
function recipientDetails(lines: DecisionLine[], c: ComponentInfo, valueOf: (l: DecisionLine) => Record<string, number>, keys: string[]): PrintRow[] {
  const byRecipient = new Map<string, { name: string; cells: Record<string, number> }>();
  for (const l of lines) {
    if (l.componentId !== c.id) continue;
    const key = `${l.recipient.kind}:${l.recipient.id}`;
    const u = byRecipient.get(key) ?? { name: l.recipient.name, cells: {} };
    for (const [k, v] of Object.entries(valueOf(l))) sumInto(u.cells, k, v);
    byRecipient.set(key, u);
  }
  return [...byRecipient.values()]
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
    .map((u) => ({ stt: '-', depth: 0, bold: false, italic: true, detail: true, cells: { label: u.name, ...toCells(u.cells, keys) } }));
}

function recipientRows(lines: DecisionLine[], valueOf: (l: DecisionLine) => Record<string, number>, keys: string[], levels: RowLevel[]): PrintRow[] {
  const kindRank = { district: 0, commune: 1, unit: 2, investor: 3 } as const;
  const groups = new Map<string, { name: string; rank: number; cells: Record<string, number> }>();
  for (const l of lines) {
    const key = `${l.recipient.kind}:${l.recipient.id}`;
    const g = groups.get(key) ?? { name: l.recipient.name, rank: kindRank[l.recipient.kind], cells: {} };
    for (const [k, v] of Object.entries(valueOf(l))) sumInto(g.cells, k, v);
    groups.set(key, g);
  }
  const level = levelAt(levels, 0);
  return [...groups.values()]
    .filter((g) => keys.some((k) => (g.cells[k] ?? 0) !== 0))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'vi'))
    .map<PrintRow>((g, i) => ({ stt: numbered(level, i + 1), depth: 1, bold: level.bold, ...(level.italic ? { italic: true } : {}), cells: { label: g.name, ...toCells(g.cells, keys) } }));
}

/** A rounding note when the printed rows of a printed total do not add up in the unit (exact printing never needs one). */
function roundingNote(rows: PrintRow[], total: PrintRow, keys: string[], unit: MoneyUnit): string | null {
  const printed = (v: unknown) => Math.round(Number(formatAmount(toDong(Number(v ?? 0)), unit, { maxDecimals: MAX_DECIMALS[unit] }).replace(/\./g, '').replace(',', '.')) * 1000);
  for (const key of keys) {
    const sum = rows.reduce((acc, r) => acc + printed(r.cells[key]), 0);
    if (sum !== printed(total.cells[key])) return `Ghi chú: số liệu làm tròn theo đơn vị ${UNIT_LABEL_VI[unit]}; tổng số được tính từ số đồng nên có thể chênh lệch nhỏ so với cộng các dòng.`;
  }
  return null;
}

/**
 * The annex of a template over a decision's lines (for an adjustment template: the plan around the decision,
 * before/decrease/increase/after per key). `year` fills `{nam}` in the title.
 */
export function templateAnnex(template: AnnexTemplate, allLines: DecisionLine[], components: Map<number, ComponentInfo>, unit: MoneyUnit, year: number): Omit<PrintAnnex, 'label' | 'attachedTo' | 'kind'> {
  const covered = template.capitalTypes ? allLines.filter((l) => template.capitalTypes!.includes(l.capitalType)) : allLines;
  // An adjustment prints the components it changes, with everything in force on them (all recipients).
  const changed = new Set(covered.filter((l) => l.amountDong !== 0).map((l) => l.componentId));
  const lines = template.rows === 'adjustment_tree' ? covered.filter((l) => changed.has(l.componentId)) : covered;
  const money = moneyColumns(template, lines);
  const keys = money.map((m) => m.column.key);
  const valueOf = (l: DecisionLine): Record<string, number> => {
    const cells: Record<string, number> = {};
    for (const m of money) if (m.matches(l)) cells[m.column.key] = measureOf(l, m.column.measure);
    return cells;
  };
  let rows: PrintRow[];
  switch (template.rows) {
    case 'component_tree':
      rows = treeRows(componentTree(lines, components, valueOf), keys, template.rowLevels);
      break;
    case 'component_tree_units':
      rows = treeRows(componentTree(lines, components, valueOf), keys, template.rowLevels, (c) => recipientDetails(lines, c, valueOf, keys));
      break;
    case 'adjustment_tree':
      rows = treeRows(componentTree(lines, components, valueOf), keys, template.rowLevels, (c) =>
        lines
          .filter((l) => l.componentId === c.id && l.amountDong !== 0)
          .map((l) => ({ stt: '-', depth: 0, bold: false, italic: true, detail: true, cells: { label: l.recipient.name, ...toCells(valueOf(l), keys), note: l.reasonCode ? (REASON_NOTES[l.reasonCode] ?? '') : '' } })),
      );
      break;
    case 'recipients':
      rows = recipientRows(lines, valueOf, keys, template.rowLevels);
      break;
  }
  const totals: Record<string, number> = {};
  for (const l of lines) for (const [k, v] of Object.entries(valueOf(l))) sumInto(totals, k, v);
  const total: PrintRow = { stt: '', depth: -1, bold: true, total: true, cells: { label: 'TỔNG SỐ', ...toCells(totals, keys) } };
  const columns: PrintColumn[] = [
    { key: 'stt', header: template.sttColumn.header, kind: 'stt', width: template.sttColumn.width },
    { key: 'label', header: template.labelColumn.header, kind: 'text', width: template.labelColumn.width },
    ...money.map<PrintColumn>((m) => ({ key: m.column.key, header: m.column.header, kind: 'money', width: m.column.width })),
    ...(template.noteColumn ? [{ key: 'note', header: template.noteColumn.header, kind: 'text' as const, width: template.noteColumn.width }] : []),
  ];
  return {
    title: template.title.replace(/\{nam\}/g, String(year)),
    unitLine: `Đơn vị tính: ${UNIT_LABEL_VI[unit]}`,
    columns,
    headerDepth: Math.max(...columns.map((c) => c.header.length)),
    rows: [total, ...rows],
    amountInWords: template.amountInWords ? amountInWordsLine(toDong(Number(total.cells.total))) : null,
    roundingNote: roundingNote(template.rows === 'recipients' ? rows : rows.filter((r) => r.depth === 0), total, keys, unit),
  };
}
