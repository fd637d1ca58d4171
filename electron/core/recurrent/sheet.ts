/**
 * The recurrent-budget breakdown as a matrix: the SN components of each program (rows) × the units that
 * carry out the work (columns), per source, beside what was assigned, what other issued decisions already
 * allocated, and what remains. It reads the ledger; the cells are the lines of the breakdown decision.
 */
import type { DecisionLine } from '../../../shared/api/decisions';
import type { Recipient } from '../../../shared/api/registers';
import type { BySource, RecurrentProgram, RecurrentRow, RecurrentSheet, RecurrentUnit } from '../../../shared/api/recurrent';
import type { ComponentOption } from '../../../shared/api/reference';
import { recipientKey } from '../../../shared/domain/decision-sheet';
import type { Db } from '../db/database';
import { getDocument } from '../decisions/store';
import { foldIssued, keyLabels } from '../ledger/fold';
import { requireOffice } from '../office/office';
import { listRecipients } from '../registers/recipients';
import { componentsForYear } from '../reference/catalog';
import { listDelegations } from '../registers/delegations';

const ALWAYS_SOURCES = ['NSTW', 'NST_DOIUNG'];

function add(target: BySource, source: string, amount: number): void {
  target[source] = (target[source] ?? 0) + amount;
}

interface Contribution {
  componentCode: string;
  unitKey: string | null;
  source: string;
  amount: number;
  lineId?: number;
}

export interface RecurrentSheetArgs {
  year: number;
  programCode?: string;
  decisionId?: number;
}

export function recurrentSheet(db: Db, args: RecurrentSheetArgs): RecurrentSheet {
  const office = requireOffice(db);
  const { year } = args;
  const doc = args.decisionId !== undefined ? getDocument(db, args.decisionId) : null;
  const date = doc?.header.docDate ?? `${year}-01-01`;
  const components = componentsForYear(db, year).filter((c) => c.allowedCapitalTypes.includes('SN'));
  const byCode = new Map(components.map((c) => [c.code, c]));

  const assigned = db
    .prepare(
      `SELECT c.code AS componentCode, a.source_code AS source, SUM(a.amount_dong) AS amount
       FROM assignment a JOIN component c ON c.id = a.component_id
       WHERE a.year = ? AND a.capital_type = 'SN' AND a.origin_year = ? GROUP BY c.code, a.source_code`,
    )
    .all(year, year) as { componentCode: string; source: string; amount: number }[];
  // An issued HĐND adjustment re-plans the estimate as it moves it (as in the ledger's balance).
  const replanned = db
    .prepare(
      `SELECT c.code AS componentCode, l.source_code AS source, SUM(l.amount_dong) AS amount
       FROM decision_line l JOIN decision d ON d.id = l.decision_id JOIN component c ON c.id = l.component_id
       WHERE d.year = ? AND d.status = 'issued' AND d.issuer = 'HDND' AND d.kind = 'dieu_chinh' AND l.capital_type = 'SN' AND l.origin_year = ?
       GROUP BY c.code, l.source_code`,
    )
    .all(year, year) as { componentCode: string; source: string; amount: number }[];

  // Issued SN allocations of the year in force; when the sheet shows an issued resolution, without it.
  const fold = foldIssued(db, year).filter((k) => k.capital_type === 'SN' && k.origin_year === year);
  const labels = keyLabels(db, fold);
  const codeOfId = new Map(components.map((c) => [c.id, c.code]));
  const issued: (Contribution & { recipient: Recipient })[] = fold
    .filter((k) => codeOfId.has(k.component_id) && k.amount !== 0)
    .map((k) => {
      const recipient = labels.recipient(k);
      return { componentCode: codeOfId.get(k.component_id)!, unitKey: recipientKey(recipient), recipient, source: k.source_code, amount: k.amount };
    });
  const own: DecisionLine[] = doc ? doc.lines.filter((l) => l.capitalType === 'SN' && l.originYear === year && byCode.has(l.componentCode)) : [];
  const ownIssued = doc?.header.status === 'issued';
  const before: Contribution[] = doc ? issued : [];
  if (ownIssued) for (const l of own) before.push({ componentCode: l.componentCode, unitKey: recipientKey(l.recipient), source: l.sourceCode, amount: -l.amountDong });
  const shown: (Contribution & { recipient: Recipient })[] = doc
    ? own.map((l) => ({ componentCode: l.componentCode, unitKey: recipientKey(l.recipient), recipient: l.recipient, source: l.sourceCode, amount: l.amountDong, lineId: l.id }))
    : issued;

  // Columns: the office's units, then any other recipient that holds money in the breakdown.
  const units = new Map<string, RecurrentUnit>();
  for (const r of listRecipients(db, date, office)) if (r.kind === 'unit' && r.validOnDate) units.set(recipientKey(r), { key: recipientKey(r), recipient: { kind: r.kind, id: r.id, code: r.code, name: r.name } });
  for (const c of shown) if (!units.has(c.unitKey!)) units.set(c.unitKey!, { key: c.unitKey!, recipient: c.recipient });

  const sources = new Set(ALWAYS_SOURCES);
  for (const c of [...assigned, ...shown]) sources.add(c.source);
  const sourceNames = new Map((db.prepare('SELECT code, short_vi AS name FROM funding_source').all() as { code: string; name: string }[]).map((s) => [s.code, s.name]));

  const programs = components.filter((c) => c.depth === 0 && (!args.programCode || c.code === args.programCode));
  return {
    year,
    sources: [...sources].map((code) => ({ code, name: sourceNames.get(code) ?? code })),
    decision: doc?.header ?? null,
    units: [...units.values()],
    programs: programs.map((p) => programSheet(p, components, { assigned: [...assigned, ...replanned], before, shown })),
    delegation: listDelegations(db).find((d) => d.firstYear <= year && d.lastYear >= year) ?? null,
    delegationRequired: delegationRequiredIn(db, year),
    officeLevel: office.level,
  };
}

/** Rule 7 (the province's delegation to the district HĐND) is valid on some day of the year, for a district office. */
function delegationRequiredIn(db: Db, year: number): boolean {
  if (requireOffice(db).level !== 'huyen') return false;
  const rule = db.prepare('SELECT 1 FROM rule_definition WHERE rule_id = 7 AND valid_from <= ? AND (valid_to IS NULL OR valid_to >= ?)').get(`${year}-12-31`, `${year}-01-01`);
  return rule !== undefined;
}

function emptyRow(c: ComponentOption, entry: boolean): RecurrentRow {
  return { componentCode: c.code, componentName: c.name, depth: c.depth, parentCode: c.parentCode, entry, assigned: {}, allocatedBefore: {}, cells: {}, lineIds: {}, total: {}, remaining: {} };
}

function programSheet(
  program: ComponentOption,
  components: ComponentOption[],
  data: { assigned: { componentCode: string; source: string; amount: number }[]; before: Contribution[]; shown: Contribution[] },
): RecurrentProgram {
  const mine = components.filter((c) => c.programCode === program.code);
  const hasChildren = new Set(mine.map((c) => c.parentCode).filter((p): p is string => p !== null));
  const rows = new Map<string, RecurrentRow>();
  for (const c of mine) rows.set(c.code, emptyRow(c, c.depth > 0 && !hasChildren.has(c.code)));
  const byCode = new Map(mine.map((c) => [c.code, c]));
  /** The row itself and every ancestor up to the program: a parent shows the sum of what is under it. */
  const chain = (code: string): RecurrentRow[] => {
    const out: RecurrentRow[] = [];
    for (let c = byCode.get(code); c; c = c.parentCode ? byCode.get(c.parentCode) : undefined) out.push(rows.get(c.code)!);
    return out;
  };
  const unitTotals: Record<string, BySource> = {};
  for (const a of data.assigned) for (const row of chain(a.componentCode)) add(row.assigned, a.source, a.amount);
  for (const b of data.before) for (const row of chain(b.componentCode)) add(row.allocatedBefore, b.source, b.amount);
  for (const s of data.shown) {
    const path = chain(s.componentCode);
    if (path.length === 0) continue;
    for (const row of path) {
      row.cells[s.unitKey!] ??= {};
      add(row.cells[s.unitKey!]!, s.source, s.amount);
      add(row.total, s.source, s.amount);
    }
    if (s.lineId !== undefined) {
      const own = path[0]!;
      own.lineIds[s.unitKey!] ??= {};
      (own.lineIds[s.unitKey!]![s.source] ??= []).push(s.lineId);
    }
    unitTotals[s.unitKey!] ??= {};
    add(unitTotals[s.unitKey!]!, s.source, s.amount);
  }
  for (const row of rows.values()) {
    for (const source of new Set([...Object.keys(row.assigned), ...Object.keys(row.allocatedBefore), ...Object.keys(row.total)])) {
      row.remaining[source] = (row.assigned[source] ?? 0) - (row.allocatedBefore[source] ?? 0) - (row.total[source] ?? 0);
    }
  }
  const summary = rows.get(program.code)!;
  return { programCode: program.code, programName: program.name, rows: mine.filter((c) => c.depth > 0).map((c) => rows.get(c.code)!), summary, unitTotals };
}
