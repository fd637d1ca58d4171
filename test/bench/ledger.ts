// Benchmarks of the decision ledger on a year holding 100,000 issued lines:
//   ledger.fold_100k_ms          plan in force (program × source × capital type) + balance, as the screens ask for them
//   ledger.sqlite_groupby_100k_ms the same sums by one plain GROUP BY (the floor the fold is compared with)
//   ledger.fold_vs_groupby_ratio
//   ledger.lines_apply_5k_ms     one decisions.lines.apply adding 5,000 lines to a draft
//   ledger.line_edit_at_5k_median_ms one amount typed into a line of that draft (the core's share of an edit round trip)
//   ledger.rules_5k_ms           decisions.check of that 5,000-line draft, dated after the issued decisions (the usual case)
//   ledger.rules_5k_backdated_ms the same draft dated mid-year, so "in force" must exclude the decisions issued after it
// Figures only: nothing here asserts a time. It does refuse to report a fold whose sums are wrong.
import type { LineChange } from '../../shared/api/decisions';
import type { Result } from '../../shared/api/result';
import type { ComponentOption } from '../../shared/api/reference';
import type { Core } from '../../electron/core/core';
import { balance } from '../../electron/core/ledger/balance';
import { planInForce } from '../../electron/core/ledger/fold';
import { medianOf, record, time } from './measure';

const YEAR = 2024;
const DECISIONS = 200;
const LINES_PER_DECISION = 500;
const RUNS = 5;
const ISSUED_SOURCES = ['NSTW', 'NST_DOIUNG'] as const;
const CAPITAL_TYPES = ['DTPT', 'SN'] as const;
const ORIGIN_YEARS = [2024, 2023] as const;
const MILLION = 1_000_000;

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A small seeded generator (mulberry32): the same data on every run, so figures compare across commits. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface IssuedKey {
  componentId: number;
  unitId: number | null;
  source: string;
  capital: string;
  origin: number;
}
const keyText = (k: IssuedKey) => `${k.componentId}|${k.unitId ?? ''}|${k.source}|${k.capital}|${k.origin}`;

const isoDay = (year: number, dayOfYear: number) => new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

export interface LedgerYear {
  leaves: ComponentOption[];
  random: () => number;
}

/**
 * Fills an empty data folder's core with a district's year: office 180, the province's assignment,
 * and 200 issued decisions × 500 lines = 100,000 lines for 2024.
 */
export function seedLedgerYear(core: Core): LedgerYear {
  const { db } = core;
  must(core.invoke('office.setup', { districtCode: '180', signers: [{ name: 'A', title: 'Chủ tịch UBND huyện' }] }), 'office.setup');

  // Money sits on leaf components only (a parent and its child both holding money is a rule 2 error).
  const components = must(core.invoke('catalog.components', { year: YEAR }), 'catalog.components');
  const parentCodes = new Set(components.map((c) => c.parentCode).filter((c): c is string => c !== null));
  const leaves = components.filter((c) => !parentCodes.has(c.code));
  const programs = [...new Set(components.map((c) => c.programCode))];

  // The province's assignment: per program × source × capital type × origin year, far above what the decisions allocate.
  for (const program of programs)
    for (const sourceCode of [...ISSUED_SOURCES, 'NSH'])
      for (const capitalType of CAPITAL_TYPES)
        for (const originYear of ORIGIN_YEARS)
          must(
            core.invoke('assignments.create', { year: YEAR, componentCode: program, sourceCode, capitalType, originYear, amount: { dong: 10_000_000 * MILLION } }),
            'assignments.create',
          );

  // 200 issued decisions × 500 lines, inserted directly (drafts first, their lines, then issued: triggers refuse lines of issued decisions).
  const communeIds = db.prepare("SELECT id FROM admin_unit WHERE dataset = '2024-11' AND parent_code = '180'").pluck().all() as number[];
  const recipients: (number | null)[] = [...communeIds, null];
  const random = seeded(YEAR);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const randomKey = (): IssuedKey => ({
    componentId: pick(leaves).id,
    unitId: pick(recipients),
    source: pick(ISSUED_SOURCES),
    capital: pick(CAPITAL_TYPES),
    origin: random() < 0.8 ? 2024 : 2023,
  });
  const insertMs = time(() =>
    db.transaction(() => {
      const now = new Date().toISOString();
      const insertDecision = db.prepare("INSERT INTO decision (year, kind, issuer, summary, created_at, updated_at) VALUES (?, ?, 'UBND', ?, ?, ?) RETURNING id").pluck();
      const insertLine = db.prepare(
        `INSERT INTO decision_line (decision_id, position, component_id, recipient_unit_id, source_code, capital_type, origin_year, amount_dong)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const issue = db.prepare(
        "UPDATE decision SET status = 'issued', number = ?, number_year = ?, doc_date = ?, signer_name = 'A', signer_title = 'Chủ tịch UBND huyện', issued_at = ?, issued_by = 'bench' WHERE id = ?",
      );
      // Running sum per key in date order, so decreases never take a key below zero at any date.
      const inForce = new Map<string, { key: IssuedKey; amount: number }>();
      const held: string[] = [];
      for (let i = 0; i < DECISIONS; i++) {
        const adjustment = i % 10 === 9; // every tenth decision adjusts (half its lines decrease), the others allocate
        const id = insertDecision.get(YEAR, adjustment ? 'dieu_chinh' : 'phan_bo', `Bench ${i + 1}`, now, now) as number;
        const used = new Set<string>(); // one line per key within a decision (rule 1)
        for (let position = 1; position <= LINES_PER_DECISION; position++) {
          let key: IssuedKey;
          let amount: number;
          let text: string;
          const decrease = adjustment && position % 2 === 0 ? inForce.get(pick(held)) : undefined;
          if (decrease && !used.has(keyText(decrease.key)) && decrease.amount >= 2 * MILLION) {
            key = decrease.key;
            text = keyText(key);
            amount = -Math.max(MILLION, Math.floor((random() * decrease.amount) / 2 / MILLION) * MILLION);
          } else {
            do {
              key = randomKey();
              text = keyText(key);
            } while (used.has(text));
            amount = (1 + Math.floor(random() * 1000)) * MILLION; // 1 to 1,000 triệu đồng
          }
          used.add(text);
          const entry = inForce.get(text);
          if (entry) entry.amount += amount;
          else {
            inForce.set(text, { key, amount });
            held.push(text);
          }
          insertLine.run(id, position, key.componentId, key.unitId, key.source, key.capital, key.origin, amount);
        }
        issue.run(i + 1, YEAR, isoDay(YEAR, Math.floor((i * 366) / DECISIONS)), now, id);
      }
      for (const { amount } of inForce.values()) if (amount < 0) throw new Error('bench data: a key went negative');
    })(),
  );
  const lineCount = db.prepare('SELECT COUNT(*) FROM decision_line').pluck().get() as number;
  console.log(`  (${lineCount} issued lines inserted in ${Math.round(insertMs)} ms)`);
  return { leaves, random };
}

/** The 5,000 add changes of the rules benchmark's draft: distinct keys (leaf × commune × source × capital type), shuffled. */
export function draftChanges(core: Core, { leaves, random }: LedgerYear): LineChange[] {
  const communes = core.db
    .prepare(
      "SELECT code FROM admin_unit WHERE dataset = '2024-11' AND parent_code = '180' AND level != 'huyen' AND (valid_to IS NULL OR valid_to >= '2024-12-31') ORDER BY code",
    )
    .pluck()
    .all() as string[];
  const keys: { componentCode: string; code: string; sourceCode: string; capitalType: (typeof CAPITAL_TYPES)[number] }[] = [];
  for (const leaf of leaves)
    for (const code of communes)
      for (const sourceCode of [...ISSUED_SOURCES, 'NSH'])
        for (const capitalType of CAPITAL_TYPES) keys.push({ componentCode: leaf.code, code, sourceCode, capitalType });
  if (keys.length < 5000) throw new Error(`only ${keys.length} distinct draft keys`);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  return keys.slice(0, 5000).map(({ componentCode, code, sourceCode, capitalType }) => ({
    op: 'add',
    line: { componentCode, recipient: { kind: 'commune', code }, sourceCode, capitalType, originYear: YEAR, amount: { dong: (1 + Math.floor(random() * 500)) * MILLION } },
  }));
}

export const GROUP_BY_SQL = `SELECT c.program_code AS program, l.source_code AS source, l.capital_type AS capital, SUM(l.amount_dong) AS amount
  FROM decision_line l JOIN decision d ON d.id = l.decision_id JOIN component c ON c.id = l.component_id
  WHERE d.year = ? AND d.status = 'issued' AND d.doc_date <= ? GROUP BY 1, 2, 3`;

/** Runs the ledger benchmarks in an empty data folder's core. */
export function benchLedger(core: Core): void {
  const { db } = core;
  const year = seedLedgerYear(core);

  // Fold + balance, as the plan and balance screens ask for them.
  const groupBy = ['program', 'source', 'capitalType'] as const;
  const fold = () => ({ plan: planInForce(db, YEAR, '2024-12-31', [...groupBy]), balance: balance(db, YEAR, {}) });
  type Sum = { program: string; source: string; capital: string; amount: number };
  const groupBySql = () => db.prepare(GROUP_BY_SQL).all(YEAR, '2024-12-31') as Sum[];

  // A benchmark that computes wrong numbers is worthless: the fold must give the plain GROUP BY's sums.
  const once = fold();
  const expected = new Map(groupBySql().filter((r) => r.amount !== 0).map((r) => [`${r.program}|${r.source}|${r.capital}`, r.amount]));
  const actual = new Map(once.plan.rows.map((r) => [`${r.program?.code}|${r.source}|${r.capitalType}`, r.amountDong as number]));
  const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0);
  if (actual.size !== expected.size || [...expected].some(([k, v]) => actual.get(k) !== v)) {
    throw new Error(`fold ≠ GROUP BY:\n  fold ${JSON.stringify([...actual])}\n  sql  ${JSON.stringify([...expected])}`);
  }
  if (once.plan.totalDong !== expectedTotal || once.balance.rows.reduce((a, r) => a + r.allocatedDong, 0) !== expectedTotal) {
    throw new Error(`totals differ: fold ${once.plan.totalDong}, balance ${once.balance.rows.reduce((a, r) => a + r.allocatedDong, 0)}, GROUP BY ${expectedTotal}`);
  }

  const foldMs = medianOf(RUNS, fold);
  const groupByMs = medianOf(RUNS, groupBySql);
  record('ledger.fold_100k_ms', foldMs, 'ms');
  record('ledger.sqlite_groupby_100k_ms', groupByMs, 'ms');
  record('ledger.fold_vs_groupby_ratio', foldMs / groupByMs, 'ratio');

  // Rules on a 5,000-line draft, in this same folder: the 100,000 issued lines stay, so the check folds them
  // as it would in a district's real year (the heavier, realistic case).
  const draft = must(core.invoke('decisions.create', { year: YEAR, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-12-31' }), 'decisions.create');
  const changes = draftChanges(core, year);
  record('ledger.lines_apply_5k_ms', time(() => must(core.invoke('decisions.lines.apply', { decisionId: draft.header.id, changes }), 'decisions.lines.apply')), 'ms');
  const lineIds = (db.prepare('SELECT id FROM decision_line WHERE decision_id = ? ORDER BY position').pluck().all(draft.header.id) as number[]).slice(0, 50);
  const editTimes = lineIds.map((id, i) =>
    time(() => must(core.invoke('decisions.lines.apply', { decisionId: draft.header.id, changes: [{ op: 'update', id, patch: { amount: { text: `${100 + i},5`, unit: 'trieu' } } }] }), 'edit')),
  );
  record('ledger.line_edit_at_5k_median_ms', [...editTimes].sort((a, b) => a - b)[25]!, 'ms');
  const check = () => must(core.invoke('decisions.check', { id: draft.header.id }), 'decisions.check');
  const result = check();
  console.log(`  (check of the 5,000-line draft: ${result.errors} errors, ${result.warnings} warnings, ${result.infos} infos)`);
  record('ledger.rules_5k_ms', medianOf(RUNS, check), 'ms');
  must(core.invoke('decisions.update', { id: draft.header.id, patch: { docDate: '2024-06-01' } }), 'decisions.update');
  const backdated = check();
  console.log(`  (check dated 01/06/2024: ${backdated.errors} errors, ${backdated.warnings} warnings, ${backdated.infos} infos)`);
  record('ledger.rules_5k_backdated_ms', medianOf(RUNS, check), 'ms');
}
