// Where the ledger benchmark's time goes: times the pieces of fold + balance and of decisions.check on the
// same data as ledger.ts (100,000 issued lines, a 5,000-line draft) and prints query plans. Not a benchmark
// figure, not a test: a diagnostic to run by hand.   npx tsx test/bench/profile-ledger.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core/core';
import { getDraftRow, getLineRecords } from '../../electron/core/decisions/store';
import { balance, balanceSums } from '../../electron/core/ledger/balance';
import { foldIssued, inForceMap, planInForce } from '../../electron/core/ledger/fold';
import { componentIndex } from '../../electron/core/reference/catalog';
import { rulesValidOn } from '../../electron/core/rules/definitions';
import { checkDraft, evaluateFacts } from '../../electron/core/rules/evaluate';
import { loadDraftFacts } from '../../electron/core/rules/facts';
import { detectMoves } from '../../electron/core/rules/authority';
import { DRAFT_CHECKS } from '../../electron/core/rules/registry';
import { draftChanges, GROUP_BY_SQL, seedLedgerYear } from './ledger';
import { medianOf } from './measure';

const RUNS = 7;
const show = (label: string, ms: number) => console.log(`${label.padEnd(64)} ${ms.toFixed(1).padStart(8)} ms`);
const part = (label: string, fn: () => unknown) => show(label, medianOf(RUNS, fn));

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sovon-profile-ledger-'));
const core = openCore({ dataDir, actor: 'bench' });
try {
  const { db } = core;
  const year = seedLedgerYear(core);
  const plan = (sql: string, ...args: unknown[]) =>
    console.log(`  plan: ${(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join(' / ')}`);

  console.log('\n— fold + balance (100,000 issued lines) —');
  part('planInForce + balance (the figure)', () => {
    planInForce(db, 2024, '2024-12-31', ['program', 'source', 'capitalType']);
    balance(db, 2024, {});
  });
  part('  planInForce(program, source, capitalType)', () => planInForce(db, 2024, '2024-12-31', ['program', 'source', 'capitalType']));
  part('    foldIssued(asOf) — 7-column GROUP BY', () => foldIssued(db, 2024, '2024-12-31'));
  console.log(`    (${foldIssued(db, 2024, '2024-12-31').length} finest keys)`);
  part('    componentIndex', () => componentIndex(db));
  part('  balance(year)', () => balance(db, 2024, {}));
  part('    balanceSums', () => balanceSums(db, 2024, {}));
  part('      foldIssued(no asOf)', () => foldIssued(db, 2024));
  part('      replans query (HĐND adjustments)', () =>
    db
      .prepare(
        `SELECT l.component_id, l.source_code, l.capital_type, l.origin_year, SUM(l.amount_dong) AS amount
         FROM decision_line l JOIN decision d ON d.id = l.decision_id
         WHERE d.year = ? AND d.status = 'issued' AND d.issuer = 'HDND' AND d.kind = 'dieu_chinh'
         GROUP BY l.component_id, l.source_code, l.capital_type, l.origin_year`,
      )
      .all(2024),
  );
  part('plain GROUP BY program × source × capital (the floor)', () => db.prepare(GROUP_BY_SQL).all(2024, '2024-12-31'));
  part('SELECT SUM(amount_dong) of all lines (scan floor)', () => db.prepare('SELECT SUM(amount_dong) FROM decision_line').get());
  plan(
    `SELECT l.component_id, SUM(l.amount_dong) FROM decision_line l JOIN decision d ON d.id = l.decision_id
     WHERE d.year = 2024 AND d.status = 'issued' AND d.doc_date <= '2024-12-31'
     GROUP BY l.component_id, l.recipient_unit_id, l.recipient_org_id, l.project_id, l.source_code, l.capital_type, l.origin_year`,
  );
  plan(GROUP_BY_SQL, 2024, '2024-12-31');
  plan(
    `SELECT l.component_id, SUM(l.amount_dong) FROM decision_line l JOIN decision d ON d.id = l.decision_id
     WHERE d.year = 2024 AND d.status = 'issued' AND d.issuer = 'HDND' AND d.kind = 'dieu_chinh' GROUP BY l.component_id, l.source_code, l.capital_type, l.origin_year`,
  );

  console.log('\n— decisions.check of a 5,000-line draft (dated 2024-12-31, after the issued decisions) —');
  const draft = core.invoke('decisions.create', { year: 2024, kind: 'phan_bo', issuer: 'UBND', docDate: '2024-12-31' });
  if (!draft.ok) throw new Error(draft.error.message);
  const id = draft.value.header.id;
  const applied = core.invoke('decisions.lines.apply', { decisionId: id, changes: draftChanges(core, year) });
  if (!applied.ok) throw new Error(applied.error.message);
  const row = getDraftRow(db, id);
  const now = new Date().toISOString();
  part("core.invoke('decisions.check') (the figure)", () => core.invoke('decisions.check', { id }));
  part('  checkDraft', () => checkDraft(db, row, now));
  part('    loadDraftFacts', () => loadDraftFacts(db, row, now));
  part('      balanceSums(draftId) (componentIndex + fold of all issued + replans + draft)', () => balanceSums(db, 2024, { draftId: id }));
  part('      getLineRecords (5,000 draft lines)', () => getLineRecords(db, id));
  part('      inForceMap(date) (fold to 2024-12-31 + 7-part string keys)', () => inForceMap(db, 2024, '2024-12-31'));
  part('        foldIssued(2024-12-31) alone', () => foldIssued(db, 2024, '2024-12-31'));
  console.log(`        (${foldIssued(db, 2024, '2024-12-31').length} keys in force on 2024-12-31)`);
  part('      rulesValidOn', () => rulesValidOn(db, '2024-12-31'));
  const facts = loadDraftFacts(db, row, now);
  part('    evaluateFacts (all rules, pure JS)', () => evaluateFacts(facts));
  const moves = detectMoves(facts);
  for (const def of facts.rules.values()) {
    const check = DRAFT_CHECKS[def.checkName];
    if (check) part(`      rule ${def.ruleId} ${def.checkName}`, () => check(facts, def, moves));
  }

  // What-ifs, measured here only (the core is unchanged): where a fix would take the time out.
  console.log('\n— what-ifs (not in the core) —');
  part('both folds of the check as one query (SUM all + SUM up to the date)', () =>
    db
      .prepare(
        `SELECT l.component_id, l.recipient_unit_id, l.recipient_org_id, l.project_id, l.source_code, l.capital_type, l.origin_year,
           SUM(l.amount_dong) AS amount, SUM(CASE WHEN d.doc_date <= ? THEN l.amount_dong ELSE 0 END) AS on_date
         FROM decision_line l JOIN decision d ON d.id = l.decision_id WHERE d.year = ? AND d.status = 'issued'
         GROUP BY l.component_id, l.recipient_unit_id, l.recipient_org_id, l.project_id, l.source_code, l.capital_type, l.origin_year`,
      )
      .all('2024-06-01', 2024),
  );
  part('GROUP BY the 7 key columns, no join, no filter (the sort alone)', () =>
    db.prepare('SELECT SUM(amount_dong) FROM decision_line GROUP BY component_id, recipient_unit_id, recipient_org_id, project_id, source_code, capital_type, origin_year').all(),
  );
  part('the join and filter alone, no GROUP BY', () =>
    db
      .prepare("SELECT COUNT(*), SUM(l.amount_dong) FROM decision_line l JOIN decision d ON d.id = l.decision_id WHERE d.year = 2024 AND d.status = 'issued' AND d.doc_date <= '2024-12-31'")
      .get(),
  );
  db.exec('CREATE INDEX profile_line_by_key ON decision_line(component_id, recipient_unit_id, recipient_org_id, project_id, source_code, capital_type, origin_year, decision_id, amount_dong)');
  const keyOrdered = `SELECT l.component_id, l.recipient_unit_id, l.recipient_org_id, l.project_id, l.source_code, l.capital_type, l.origin_year, SUM(l.amount_dong) AS amount
    FROM decision_line l INDEXED BY profile_line_by_key CROSS JOIN decision d ON d.id = l.decision_id
    WHERE d.year = ? AND d.status = 'issued' AND d.doc_date <= ?
    GROUP BY l.component_id, l.recipient_unit_id, l.recipient_org_id, l.project_id, l.source_code, l.capital_type, l.origin_year`;
  plan(keyOrdered, 2024, '2024-12-31');
  if (JSON.stringify(db.prepare(keyOrdered).all(2024, '2024-12-31')) !== JSON.stringify(foldIssued(db, 2024, '2024-12-31'))) throw new Error('key-ordered fold differs');
  part('foldIssued via a key-ordered covering index (no temp B-tree), same rows', () => db.prepare(keyOrdered).all(2024, '2024-12-31'));
  part('  foldIssued as written, with that index present (planner ignores it)', () => foldIssued(db, 2024, '2024-12-31'));
} finally {
  core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
