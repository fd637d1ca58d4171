// Issue 19, item 7: the malformed calls an attacker sent ended their Vietnamese message in zod's English ("Too big:
// expected string to have <=64 characters"). Every message of a refused input is Vietnamese, through the same
// dispatcher the hosts use.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../shared/api/contract';
import { testCore } from '../../support/helpers';

/** Words of zod's English messages and JavaScript's type names: none may reach a person. */
const ENGLISH = /\b(expected|received|invalid|too (big|small)|string|number|int|bigint|boolean|undefined|object|array|unrecognized|characters?|items?|must|option|input|nan|null|key|element|to have|greater|less)\b/i;

interface Issue {
  path: string[];
  message: string;
}

describe('zod messages in Vietnamese', () => {
  it('the cases of the attack: a long code, a wrong type, an unknown key, a bad enum, a missing field', () => {
    const core = testCore({ district: '180' });
    const cases: [string, unknown][] = [
      ['assignments.create', { year: 2024, componentCode: 'x'.repeat(65), sourceCode: 'NSTW', capitalType: 'SN', amount: { dong: 1 } }],
      ['assignments.create', { year: '2024', componentCode: 1, sourceCode: null, capitalType: 'XX', amount: { dong: 1.5 } }],
      ['assignments.list', { year: 1999, extra: true }],
      ['assignments.list', {}],
      ['office.setup', { districtCode: '', signers: 'x' }],
      ['decisions.get', { id: -1 }],
      ['assignments.create', { year: 2024, componentCode: 'A', sourceCode: 'NSTW', capitalType: 'SN', amount: { text: 5 } }],
    ];
    for (const [name, input] of cases) {
      const result = core.invokeUnknown(name, input);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      const issues = (result.error.details?.issues ?? []) as Issue[];
      expect(issues.length, name).toBeGreaterThan(0);
      for (const issue of issues) expect(issue.message, `${name} ${issue.path.join('.')}`).not.toMatch(ENGLISH);
    }
    const long = core.invokeUnknown('assignments.create', cases[0]![1]);
    expect(!long.ok && long.error.message).toContain('Quá dài: chuỗi ký tự chỉ được có tối đa 64 ký tự');
  });

  it('random payloads to every command: no issue message in English', async () => {
    const core = testCore({ district: '180' });
    const junk = fc.oneof(
      fc.anything(),
      fc.dictionary(fc.constantFrom('id', 'year', 'decisionId', 'changes', 'patch', 'amount', 'docDate', 'kind', 'issuer', 'unit', 'status', 'name', 'text', 'componentCode'), fc.anything(), { maxKeys: 5 }),
    );
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...COMMAND_NAMES), junk, async (name, input) => {
        const result = await core.invokeUnknownAsync(name, input);
        if (result.ok || result.error.code !== 'INVALID_INPUT') return;
        refused++;
        for (const issue of (result.error.details?.issues ?? []) as Issue[]) expect(issue.message, `${name} ${JSON.stringify(input)}`).not.toMatch(ENGLISH);
      }),
      { numRuns: 300, seed: 19 },
    );
    expect(refused).toBeGreaterThan(100);
  });
});
