import { describe, expect, it } from 'vitest';
import { killHarness, OPERATIONS } from '../../reliability/kill-harness';

// The full count (1,000+ runs) runs in `npm run bench` (reliability.kill_runs); here a few runs per operation.
describe('crash safety: the CLI killed (SIGKILL) in the middle of long operations', () => {
  it('leaves an intact database where each import, issue, backup, restore and package import either fully happened or left no trace', async () => {
    const report = await killHarness({ runs: 10, lines: 1500, detailRows: 3000 });
    expect(report.runs).toBe(10);
    for (const op of OPERATIONS) {
      const o = report.outcomes[op];
      expect(o.happened + o.noTrace).toBe(2);
    }
    // The kills really interrupted processes (not all landed after the end).
    expect(OPERATIONS.reduce((n, op) => n + report.outcomes[op].killedBeforeEnd, 0)).toBeGreaterThan(3);
  }, 300_000);
});
