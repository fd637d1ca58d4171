import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCEPTED, judge, scan, type Finding } from '../../security/electron-scan';
import { tempDir } from '../../support/helpers';

const finding = (over: Partial<Finding>): Finding => ({
  id: 'X',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'electron/main/main.ts',
  line: 1,
  column: 0,
  sample: '',
  description: '',
  manualReview: false,
  ...over,
});

describe('security:electron (electronegativity wrapper)', () => {
  it('fails on a HIGH finding that is not accepted; lists the accepted ones and the rest', () => {
    const high = finding({ id: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH' });
    const csp = finding({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'dist/renderer/index.html' });
    const cspElsewhere = finding({ id: 'CSP_GLOBAL_CHECK', severity: 'LOW', file: 'electron/preload/preload.ts' });
    const verdict = judge([high, csp, cspElsewhere]);
    expect(verdict.failing).toEqual([high]);
    expect(verdict.accepted).toEqual([csp]);
    expect(verdict.others).toEqual([cspElsewhere]);
    expect(verdict.unused.map((a) => a.file)).toEqual(['electron/main/main.ts', 'electron/main/window-options.ts']);
    expect(judge([high], [{ id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'electron/main/other.ts', reason: 'x' }]).failing).toEqual([high]);
    for (const accepted of ACCEPTED) expect(accepted.reason.length, accepted.id).toBeGreaterThan(80);
  });

  it('scans offline and finds what an insecure shell does wrong (so the gate can fail)', async () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'electron/main'), { recursive: true });
    fs.writeFileSync(
      path.join(root, 'electron/main/main.ts'),
      [
        '// BrowserWindow as the Electron shell would import it (the check reads the `new BrowserWindow(...)` expression).',
        "const win = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });",
        "void win.loadURL('http://example.com/');",
      ].join('\n'),
    );
    const { findings, errors } = await scan(root, ['electron/main']);
    expect(errors).toEqual([]);
    const ids = new Set(judge(findings, []).failing.map((f) => f.id));
    for (const id of ['CONTEXT_ISOLATION_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']) expect(ids, id).toContain(id);
    expect(findings.find((f) => f.id === 'CONTEXT_ISOLATION_JS_CHECK')).toMatchObject({ file: 'electron/main/main.ts', line: 2 });
  }, 60_000);
});
