// The rules registry (issue 17, point 9): every rule 1–26 is one dated row with its name, basis, certainty, severity
// and validity; the code that checks it is named after it and found from the row; `rules list` prints them with where
// each is checked; every finding carries the rule's name; and every rule has a test named after it where it holds and
// one where it is broken.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/cli';
import { DRAFT_CHECKS } from '../../../electron/core/rules/registry';
import type { RuleRegistryRow } from '../../../shared/api/rules';
import { tempDir } from '../../support/helpers';
import { addLines, assign, call, draft, findings, line, officeCore } from '../../support/ledger-helpers';
import { cliRun as cli } from '../../support/cli-capture';

const ROOT = path.resolve(import.meta.dirname, '../../..');


function registry(): RuleRegistryRow[] {
  const data = tempDir();
  expect(cli(['init', '--office', '180', '--data', data]).code).toBe(EXIT.ok);
  const listed = cli(['rules', 'list', '--json', '--data', data]);
  expect(listed.code).toBe(EXIT.ok);
  return JSON.parse(listed.out) as RuleRegistryRow[];
}

describe('rules registry', () => {
  it('rules list --json: one row for each rule 1–28 with name, basis, certainty, severity, validity, check, place and status', () => {
    const rows = registry();
    expect([...new Set(rows.map((r) => r.ruleId))]).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    for (const r of rows) {
      expect(r.name.length, `rule ${r.ruleId}`).toBeGreaterThan(3);
      expect(r.legalBasis.length, `rule ${r.ruleId}`).toBeGreaterThan(5);
      expect(['V', 'V-sum', 'R', 'I']).toContain(r.certainty);
      expect(['E', 'W', 'I']).toContain(r.severity);
      expect(r.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.checkName, `rule ${r.ruleId}`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(r.checkName).not.toMatch(/^rule\d/);
      expect(r).toMatchObject({ status: 'encoded', where: expect.any(String), module: expect.any(String) });
    }
    const severity = Object.fromEntries(rows.map((r) => [r.ruleId, r.severity]));
    // Rules resting on recalled or inferred law warn: 11 (counterpart), 14 (cumulative), 26 (double funding).
    expect([severity[11], severity[13], severity[14], severity[26]]).toEqual(['W', 'E', 'W', 'W']);
    // Who may move 2026–2035 money under NĐ 358/2025/NĐ-CP is not confirmed: 27 and 28 only warn.
    expect([severity[27], severity[28]]).toEqual(['W', 'W']);
    const text = cli(['rules', 'list', '--data', (() => {
      const d = tempDir();
      cli(['init', '--office', '180', '--data', d]);
      return d;
    })()]).out;
    expect(text).toContain('11\tTỷ lệ vốn đối ứng\tW\tR');
    expect(text).toContain('counterpartRatio (electron/core/rules/counterpart.ts)');
    expect(text).toContain('đã mã hoá');
  });

  it('every check is code named after its rule, found in the module the registry names', async () => {
    for (const r of registry()) {
      const file = path.join(ROOT, r.module!);
      expect(fs.existsSync(file), `${r.ruleId}: ${r.module}`).toBe(true);
      const mod = (await import(file)) as Record<string, unknown>;
      expect(typeof mod[r.checkName], `rule ${r.ruleId}: ${r.checkName} in ${r.module}`).toBe('function');
      if (r.module!.startsWith('electron/core/rules/') && r.ruleId !== 11) expect(DRAFT_CHECKS[r.checkName], `rule ${r.ruleId}`).toBe(mod[r.checkName]);
    }
  });

  it('the engine finds a rule\'s check from its row, and every finding shows the rule\'s name', () => {
    const core = officeCore();
    assign(core, 2024, 'GNBV.DA2', 'NSTW', 'SN', 100_000_000);
    const id = draft(core, { docDate: '2024-03-15' });
    addLines(core, id, [line('GNBV.DA2', 150_000_000)]);
    const over = findings(core, id).filter((f) => f.ruleId === 5);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ severity: 'E', ruleName: 'Không vượt số được giao' });
    for (const f of findings(core, id)) expect(f.ruleName.length).toBeGreaterThan(0);
    // A row naming no check is not evaluated and is listed as not applicable.
    core.db.prepare("UPDATE rule_definition SET check_name = '' WHERE rule_id = 5").run();
    expect(findings(core, id).filter((f) => f.ruleId === 5)).toEqual([]);
    expect(call(core, 'rules.list', {}).find((r) => r.ruleId === 5)).toMatchObject({ status: 'not_applicable', where: null });
  });

  it('every rule 1–28 has a test named after it ("Quy tắc N — name") where it holds and one where it is broken', () => {
    const rows = registry();
    const sources = ['test/unit', 'test/e2e']
      .flatMap((dir) =>
        // Tests live in domain folders too (test/unit/<domain>/).
        fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => /\.(test|spec)\.ts$/.test(f)).map((f) => path.join(ROOT, dir, f)),
      )
      .map((file) => fs.readFileSync(file, 'utf8'));
    for (const r of rows) {
      const title = `Quy tắc ${r.ruleId} — ${r.name}`;
      let holds = false;
      let broken = false;
      for (const text of sources) {
        for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
          const opening = text.lastIndexOf('(', at);
          const kind = text.slice(Math.max(0, opening - 8), opening);
          if (kind.endsWith('it')) {
            const own = text.slice(at, text.indexOf('\n', at));
            holds ||= own.includes('holds');
            broken ||= own.includes('broken');
          } else if (kind.endsWith('describe')) {
            // The block's tests up to the next describe.
            const next = text.indexOf('\ndescribe(', at);
            const block = text.slice(at, next < 0 ? undefined : next);
            holds ||= /\bit\(\s*['"`]holds/.test(block);
            broken ||= /\bit\(\s*['"`]broken/.test(block);
          }
        }
      }
      expect({ rule: title, holds, broken }).toEqual({ rule: title, holds: true, broken: true });
    }
  });
});
