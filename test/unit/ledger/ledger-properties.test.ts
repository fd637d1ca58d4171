import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { foldIssued, foldIssuedByQuery, lineKey, type KeyAmount } from '../../../electron/core/ledger/fold';
import { assign, call, ISSUE_TEXT, officeCore, SIGNER } from '../../support/ledger-helpers';

const COMMUNES = ['06001', '06004', '06016'] as const;
const SOURCES = ['NSTW', 'NST_DOIUNG'] as const;
type Key = `${(typeof COMMUNES)[number]}|${(typeof SOURCES)[number]}`;
const KEYS: Key[] = COMMUNES.flatMap((c) => SOURCES.map((s) => `${c}|${s}` as Key));

const amount = fc.integer({ min: 1, max: 400 }).map((n) => n * 1_000_000);
const keyIndex = fc.integer({ min: 0, max: KEYS.length - 1 });

/** A random decision: allocations and supplements add, withdrawals take, adjustments move between keys. */
const decisionArb = fc.oneof(
  fc.record({ kind: fc.constantFrom('phan_bo' as const, 'bo_sung' as const), changes: fc.array(fc.tuple(keyIndex, amount), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('thu_hoi' as const), changes: fc.array(fc.tuple(keyIndex, amount.map((a) => -a)), { minLength: 1, maxLength: 2 }) }),
  fc.record({
    kind: fc.constant('dieu_chinh' as const),
    changes: fc.tuple(fc.integer({ min: 0, max: COMMUNES.length - 1 }), fc.integer({ min: 0, max: COMMUNES.length - 1 }), fc.constantFrom(...SOURCES), amount).map(([from, to, source, a]) => [
      [KEYS.indexOf(`${COMMUNES[from]!}|${source}`), -a] as [number, number],
      [KEYS.indexOf(`${COMMUNES[to]!}|${source}`), a] as [number, number],
    ]),
  }),
);

const entries = (keys: KeyAmount[]) => keys.filter((k) => k.amount !== 0).map((k) => `${lineKey(k)}=${k.amount}`).sort();

function planByKey(core: Core, asOf: string): Map<Key, number> {
  const plan = call(core, 'ledger.plan', { year: 2024, asOf, groupBy: ['recipient', 'source'] });
  return new Map(plan.rows.map((r) => [`${r.recipient!.code}|${r.source}` as Key, r.amountDong]));
}

describe('ledger properties', () => {
  it('for random decision sequences: plan in force = sum of issued changes at every date, adjustment identity holds, nothing goes negative', () => {
    const outcomes = { issued: 0, refused: 0, adjustmentsIssued: 0 };
    fc.assert(
      fc.property(fc.array(decisionArb, { minLength: 1, maxLength: 7 }), (decisions) => {
        const core = officeCore('180');
        try {
          for (const source of SOURCES) assign(core, 2024, 'GNBV.DA2', source, 'SN', 1_500_000_000);
          const model = new Map<Key, number>();
          const history: { date: string; model: Map<Key, number> }[] = [];
          decisions.forEach((d, i) => {
            const date = `2024-${String(i + 2).padStart(2, '0')}-10`;
            const withBefore = d.kind !== 'phan_bo';
            const doc = call(core, 'decisions.create', { year: 2024, kind: d.kind, issuer: 'UBND', docDate: date, fromPlan: withBefore });
            const byKey = new Map(doc.lines.map((l) => [`${l.recipient.code}|${l.sourceCode}` as Key, l]));
            const deltas = new Map<Key, number>();
            for (const [k, delta] of d.changes) deltas.set(KEYS[k]!, (deltas.get(KEYS[k]!) ?? 0) + delta);
            const changes = [...deltas].map(([key, delta]) => {
              const existing = byKey.get(key);
              if (existing) return { op: 'update', id: existing.id, patch: { amount: { dong: delta } } };
              const [commune, source] = key.split('|');
              return { op: 'add', line: { componentCode: 'GNBV.DA2', recipient: { kind: 'commune', code: commune }, sourceCode: source, capitalType: 'SN', amount: { dong: delta } } };
            });
            call(core, 'decisions.lines.apply', { decisionId: doc.header.id, changes });
            const drafted = call(core, 'decisions.get', { id: doc.header.id }).lines;
            const issued = core.invoke('decisions.issue', { id: doc.header.id, docDate: date, signerId: SIGNER.ubndChair, ...ISSUE_TEXT });
            const plan = planByKey(core, date);
            if (issued.ok) {
              outcomes.issued += 1;
              if (d.kind === 'dieu_chinh') outcomes.adjustmentsIssued += 1;
              for (const [key, delta] of deltas) model.set(key, (model.get(key) ?? 0) + delta);
              // Adjustment identity: after = before − decrease + increase, and it is what is now in force.
              for (const l of drafted) {
                if (l.beforeDong === null) continue;
                expect(l.afterDong).toBe(l.beforeDong - l.decreaseDong + l.increaseDong);
                expect(plan.get(`${l.recipient.code}|${l.sourceCode}` as Key) ?? 0).toBe(l.afterDong);
              }
            } else {
              outcomes.refused += 1;
              expect(issued.error.code).toBe('RULES_BLOCK_ISSUE');
              expect(call(core, 'decisions.get', { id: doc.header.id }).header.status).toBe('draft');
            }
            history.push({ date, model: new Map(model) });
            for (const value of plan.values()) expect(value).toBeGreaterThanOrEqual(0);
          });
          // The fold as of each past date equals the sum of the changes issued up to that date.
          for (const { date, model: expected } of history) {
            const plan = planByKey(core, date);
            for (const key of KEYS) expect(plan.get(key) ?? 0).toBe(expected.get(key) ?? 0);
            // The snapshot kept at issue (minus later decisions) equals the plain GROUP BY of the lines.
            expect(entries(foldIssued(core.db, 2024, date))).toEqual(entries(foldIssuedByQuery(core.db, 2024, date)));
          }
          expect(entries(foldIssued(core.db, 2024))).toEqual(entries(foldIssuedByQuery(core.db, 2024)));
          const balance = call(core, 'ledger.balance', { year: 2024 });
          expect(balance.groups.reduce((a, g) => a + g.allocatedDong, 0)).toBe([...model.values()].reduce((a, b) => a + b, 0));
          expect(balance.rows.every((r) => !r.over)).toBe(true);
        } finally {
          core.close();
        }
      }),
      { numRuns: 40 },
    );
    // The property is not vacuous: the sequences both issue (adjustments included) and get refused by the rules.
    expect(outcomes.issued).toBeGreaterThan(20);
    expect(outcomes.adjustmentsIssued).toBeGreaterThan(3);
    expect(outcomes.refused).toBeGreaterThan(5);
  });
});
