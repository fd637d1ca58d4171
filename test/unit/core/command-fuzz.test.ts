// Every command receives random payloads through the same dispatcher the hosts use: the answers are
// validation errors (or domain errors), never an internal error, a crash or a write.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../shared/api/contract';
import { testCore } from '../../support/helpers';
import { call } from '../../support/ledger-helpers';

const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.boolean(),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'year', 'decisionId', 'changes', 'patch', 'amount', 'docDate', 'kind', 'issuer', 'unit', 'status', '__proto__', 'constructor'), fc.anything(), { maxKeys: 5 }),
);

function snapshot(core: ReturnType<typeof testCore>): string {
  const tables = (core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  // Row counts, plus the connection's count of changed rows: an UPDATE that keeps the counts still shows.
  const changes = (core.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${tables.map((t) => `${t}:${(core.db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n}`).join(',')};changes:${changes}`;
}

describe('command fuzz', () => {
  it('random payloads to every command: only validation or domain errors, never INTERNAL, and nothing written', async () => {
    const core = testCore();
    call(core, 'demo.seed', {});
    const before = snapshot(core);
    // Commands that legitimately write when given valid input are still fed junk only: none may write.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_NAMES), junk, async (name, input) => {
        const result = await core.invokeUnknownAsync(name, input);
        if (result.ok) {
          // Read-only commands may accept empty input ({} / undefined): fine, as long as nothing was written.
          return;
        }
        expect(result.error.code, `${name} ${JSON.stringify(input)} → ${result.error.message}`).not.toBe('INTERNAL');
        expect(typeof result.error.message).toBe('string');
      }),
      { numRuns: 1500 },
    );
    expect(snapshot(core)).toBe(before);
  }, 120_000);

  it('unknown command names are refused', async () => {
    const core = testCore();
    for (const name of ['', 'constructor', '__proto__', 'decisions.issue.x', 42, null]) {
      expect(await core.invokeUnknownAsync(name, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    }
  });
});
