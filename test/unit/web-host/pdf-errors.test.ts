// "Lưu PDF" on the web host: a failure says what failed and how to fix it, in Vietnamese — not the generic internal
// error. The browser is really asked for (a path where none is), the core is really asked for a decision that is not
// there.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, TOKEN_PLACEHOLDER, type WebHost } from '../../../electron/web-host/server';
import { tempDir, testCore } from '../../support/helpers';

let host: WebHost | null = null;
const chromiumPath = process.env.CHROMIUM_PATH;
afterEach(async () => {
  await host?.close();
  host = null;
  if (chromiumPath === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = chromiumPath;
});

async function start(seed = true) {
  const staticDir = tempDir('sovon-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), `<meta name="sovon-token" content="${TOKEN_PLACEHOLDER}">`);
  const core = testCore();
  if (seed) expect(core.invoke('demo.seed', {}).ok).toBe(true);
  else expect(core.invoke('office.setup', { districtCode: '180', signers: [] }).ok).toBe(true);
  host = await startWebHost({ core, staticDir, port: 0 });
  return host;
}

async function post(h: WebHost, route: string, input: unknown) {
  const response = await fetch(`${h.url}api/${route}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sovon-Token': h.token }, body: JSON.stringify(input) });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string; message: string } } };
}

describe('PDF errors on the web host', () => {
  it('no browser where one is looked for: says which file and how to fix, for a decision and for a report', async () => {
    const h = await start();
    const missing = path.join(tempDir('sovon-no-browser-'), 'chromium');
    process.env.CHROMIUM_PATH = missing;
    for (const [route, input] of [
      ['decision-pdf', { id: 1 }],
      ['report-pdf', { report: 'disbursement', year: 2024 }],
      ['report-pdf', { report: 'followup' }],
    ] as const) {
      const { status, body } = await post(h, route, input);
      expect(status, route).toBe(200);
      expect(body.ok).toBe(false);
      expect(body.error!.code).toBe('PDF_BROWSER_MISSING');
      expect(body.error!.message).toContain(`Không mở được trình duyệt để in PDF (tệp ${missing})`);
      expect(body.error!.message).toContain('CHROMIUM_PATH');
      expect(body.error!.message).not.toContain('lỗi nội bộ');
    }
  });

  it('a decision that is not there, a report that does not exist: the core says so before any browser', async () => {
    process.env.CHROMIUM_PATH = path.join(tempDir('sovon-no-browser-'), 'chromium');
    const h = await start(false);
    const notFound = await post(h, 'decision-pdf', { id: 999 });
    expect(notFound.body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(notFound.body.error!.message).toMatch(/999/);
    const unknown = await post(h, 'report-pdf', { report: 'allocation', year: 2024 });
    expect(unknown.body.error).toMatchObject({ code: 'INVALID_INPUT' });
    expect(unknown.body.error!.message).toContain('Yêu cầu in báo cáo ra PDF không hợp lệ');
  });
});
