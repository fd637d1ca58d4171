// Issue 20: async commands are typed as such and awaited on every host. The synchronous path used to start an async
// handler, drop its promise and answer INTERNAL while the handler's writes could still land; now it refuses the
// command unstarted, and the core's awaiting path and the web host (HTTP, and its server-sent progress) answer the
// command's real result.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { startWebHost, TOKEN_PLACEHOLDER, type WebHost } from '../../../electron/web-host/server';
import type { JobEvent } from '../../../shared/api/jobs';
import { count, tempDir, testCore } from '../../support/helpers';

const workbook = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/excel/tinh-giao-von-2024.xlsx')).toString('base64');
const file = { fileName: 'tinh-giao-von-2024.xlsx', base64: workbook, year: 2024 };

let host: WebHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function startHost(core: Core): Promise<WebHost> {
  const staticDir = tempDir('sovon-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), `<meta name="sovon-token" content="${TOKEN_PLACEHOLDER}">`);
  host = await startWebHost({ core, staticDir, port: 0 });
  return host;
}

async function post(h: WebHost, command: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }> {
  const response = await fetch(new URL('api/invoke', h.url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Sovon-Token': h.token }, body: JSON.stringify({ command, input }) });
  return (await response.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
}

/** Opens the host's event stream and collects its progress events until `close`. */
function listen(h: WebHost, token: string): Promise<{ status: number; events: JobEvent[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const url = new URL(`api/events?token=${token}`, h.url);
    const req = http.get(url, (res) => {
      const events: JobEvent[] = [];
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').find((l) => l.startsWith('data: '));
          if (block.includes('event: progress') && data) events.push(JSON.parse(data.slice(6)) as JobEvent);
        }
      });
      res.on('error', () => {});
      resolve({ status: res.statusCode ?? 0, events, close: () => req.destroy() });
    });
    req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
  });
}

describe('async commands', () => {
  it('are refused unstarted on the synchronous path: no job begins, nothing is written, the awaited call then does the work once', async () => {
    const core = testCore({ district: '180' });
    const preview = await core.invokeAsync('import.analyze', file);
    if (!preview.ok) throw new Error(preview.error.message);
    const input = { ...file, expectedSha256: preview.value.sha256, expectedTotalDong: preview.value.totalDong, expectedDigest: preview.value.digest, jobId: 'nhap-1' };
    const refused = core.invokeUnknown('import.commit', input);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { command: 'import.commit' } } });
    expect(core.invoke('jobs.status', { jobId: 'nhap-1' })).toEqual({ ok: true, value: null });
    const committed = await core.invokeAsync('import.commit', input);
    expect(committed).toMatchObject({ ok: true, value: { noop: false, year: 2024 } });
    expect(count(core, 'exchange_log')).toBe(1);
  });

  it('answer their real result through the core and through the web host over HTTP', async () => {
    const core = testCore({ district: '180' });
    const direct = await core.invokeAsync('followup.export', { asOf: '2024-06-30' });
    expect(direct).toMatchObject({ ok: true, value: { fileName: 'kho-khan-vuong-mac-2024-06-30.xlsx' } });
    const h = await startHost(core);
    const overHttp = await post(h, 'followup.export', { asOf: '2024-06-30' });
    expect(overHttp).toMatchObject({ ok: true, value: { fileName: 'kho-khan-vuong-mac-2024-06-30.xlsx' } });
    // A real workbook, read back.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from((overHttp.value as { base64: string }).base64, 'base64') as unknown as ArrayBuffer);
    expect(book.worksheets.length).toBeGreaterThan(0);
    // An import committed over HTTP answers its outcome, not an error while its writes land later.
    const preview = await post(h, 'import.analyze', file);
    const p = preview.value as { sha256: string; totalDong: number; digest: string };
    const committed = await post(h, 'import.commit', { ...file, expectedSha256: p.sha256, expectedTotalDong: p.totalDong, expectedDigest: p.digest });
    expect(committed).toMatchObject({ ok: true, value: { noop: false, year: 2024 } });
    expect(count(core, 'exchange_log')).toBe(1);
  });

  it('are typed: the synchronous invoke does not compile for them (npm run typecheck), and refuses them at run time', () => {
    const core = testCore({ district: '180' });
    // @ts-expect-error followup.export is async: only invokeAsync may run it
    expect(core.invoke('followup.export', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { command: 'followup.export' } } });
    // @ts-expect-error exchange.exportPackage is async (it writes the exchange log after building the file)
    expect(core.invoke('exchange.exportPackage', { year: 2024 })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(count(core, 'exchange_log')).toBe(0);
    expect(core.invoke('app.info', {}).ok).toBe(true);
  });
});

describe('progress pushed by the web host (server-sent events)', () => {
  it('streams a job started over HTTP to a page holding the token, and refuses the stream without it', async () => {
    const core = testCore({ district: '180' });
    const h = await startHost(core);
    expect((await listen(h, 'sai-ma')).status).toBe(403);
    const stream = await listen(h, h.token);
    expect(stream.status).toBe(200);
    const analyzed = await post(h, 'import.analyze', { ...file, jobId: 'nhap-web-1' });
    expect(analyzed.ok).toBe(true);
    // The last event (ended) travels after the answer on another connection: wait for it on the stream.
    await expect.poll(() => stream.events.filter((e) => e.jobId === 'nhap-web-1' && e.ended).length).toBe(1);
    stream.close();
    const mine = stream.events.filter((e) => e.jobId === 'nhap-web-1');
    expect(mine[0]).toMatchObject({ label: 'Đọc tệp Excel', done: 0, ended: false });
    expect(mine.some((e) => e.total !== null && e.total > 0 && e.done === e.total && !e.ended)).toBe(true);
  });
});
