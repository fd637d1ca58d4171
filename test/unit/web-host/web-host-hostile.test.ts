// The web host as a real process, attacked with malformed requests (issue 19, item 1): every request gets an
// answer and the host lives on, still serving the page. 127.0.0.1 only; a bounded, seeded count.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../../shared/api/contract';
import { LATIN1_TOKEN, rawRequest, request, spawnWebHost, type WebHostProcess } from '../../reliability/web-host-process';
import { tempDir } from '../../support/helpers';

let host: WebHostProcess | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

async function stillServing(h: WebHostProcess): Promise<void> {
  expect(h.alive(), h.stderr()).toBe(true);
  const page = await request(h.port, { headers: { Host: `127.0.0.1:${h.port}` } });
  expect(page.status).toBe(200);
  expect(page.body).toContain(h.token);
  const info = await request(h.port, { method: 'POST', path: '/api/invoke', headers: { Host: `127.0.0.1:${h.port}`, 'X-Sovon-Token': h.token }, body: JSON.stringify({ command: 'app.info', input: {} }) });
  expect(JSON.parse(info.body)).toMatchObject({ ok: true });
}

describe('web host under malformed requests (a real process)', () => {
  it('answers GET /%, a 48-byte non-ASCII token and {"command":{"toString":1}}, and lives on', async () => {
    const h = (host = await spawnWebHost(tempDir()));
    const hostHeader = `127.0.0.1:${h.port}`;
    // Any web page could make the browser send this: <img src="http://127.0.0.1:PORT/%">.
    const percent = await request(h.port, { path: '/%', headers: { Host: hostHeader } });
    expect(percent.status).toBe(400);
    const doubleSlash = await rawRequest(h.port, Buffer.from(`GET // HTTP/1.1\r\nHost: ${hostHeader}\r\nConnection: close\r\n\r\n`));
    expect(doubleSlash.status).toBe(400);
    const latin = await request(h.port, { method: 'POST', path: '/api/invoke', headers: { Host: hostHeader, 'X-Sovon-Token': LATIN1_TOKEN }, body: '{}' });
    expect(latin.status).toBe(403);
    const objectName = await request(h.port, { method: 'POST', path: '/api/invoke', headers: { Host: hostHeader, 'X-Sovon-Token': h.token }, body: '{"command":{"toString":1}}' });
    expect(JSON.parse(objectName.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COMMAND' } });
    for (const body of ['null', '[]', '"x"', '1', '{"command":"app.info","input":{"toString":1}}', '{"command":["app.info"]}']) {
      const answer = await request(h.port, { method: 'POST', path: '/api/invoke', headers: { Host: hostHeader, 'X-Sovon-Token': h.token }, body });
      expect(answer.status, body).toBeGreaterThanOrEqual(200);
      expect(JSON.parse(answer.body).ok, body).toBe(false);
    }
    await stillServing(h);
  }, 240_000);

  it('fuzz: random paths, headers, tokens and bodies all get an answer; the page is served afterwards', async () => {
    const h = (host = await spawnWebHost(tempDir()));
    const hostHeader = `127.0.0.1:${h.port}`;
    const bytes = (max: number) => fc.uint8Array({ maxLength: max }).map((a) => Buffer.from(a).toString('latin1'));
    const pathArb = fc.oneof(
      fc.constantFrom('/', '/%', '/%E9', '/%%', '/..%2f..%2fetc%2fpasswd', '//', '/%00', '/index.html%00.js', '/api/invoke', '/api/invoke?x=%', '/a'.repeat(2000)),
      fc.string({ maxLength: 40 }).map((s) => `/${encodeURI(s)}`),
      fc.string({ maxLength: 40, unit: 'binary' }).map((s) => `/${s.replace(/[\s]/g, '%')}`),
      bytes(30).map((s) => `/${s.replace(/[\s\r\n]/g, '')}`),
    );
    const tokenArb = fc.oneof(fc.constant(h.token), fc.constant(LATIN1_TOKEN), fc.constant(''), bytes(60).map((s) => s.replace(/[\r\n\0]/g, '')), fc.string({ minLength: 48, maxLength: 48 }));
    const bodyArb = fc.oneof(
      fc.json(),
      bytes(200),
      fc.record({ command: fc.oneof(fc.constantFrom(...COMMAND_NAMES), fc.anything(), fc.constant({ toString: 1 }), fc.constant({ valueOf: 1 })), input: fc.anything() }).map((v) => {
        try {
          return JSON.stringify(v) ?? '';
        } catch {
          return '{}';
        }
      }),
    );
    const requestArb = fc.record({
      method: fc.constantFrom('GET', 'POST', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'BREW', 'G\u00c9T'),
      path: pathArb,
      host: fc.oneof(fc.constant(hostHeader), fc.constant(`localhost:${h.port}`), fc.constant('evil.example'), bytes(20).map((s) => s.replace(/[\r\n]/g, ''))),
      token: fc.option(tokenArb),
      extra: fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,12}$/), bytes(40).map((s) => s.replace(/[\r\n\0]/g, ''))), { maxLength: 3 }),
      body: bodyArb,
    });
    let answered = 0;
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const body = Buffer.from(r.body, 'latin1');
        const headers = [`Host: ${r.host}`, 'Connection: close', ...(r.token === null ? [] : [`X-Sovon-Token: ${r.token}`]), ...r.extra.map(([k, v]) => `X-${k}: ${v}`), `Content-Length: ${body.length}`];
        const head = Buffer.from(`${r.method} ${r.path} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1');
        const answer = await rawRequest(h.port, Buffer.concat([head, body]));
        expect(answer.status, `${r.method} ${JSON.stringify(r.path)} → no answer; ${h.stderr()}`).toBeGreaterThanOrEqual(200);
        expect(h.alive(), h.stderr()).toBe(true);
        answered++;
      }),
      { numRuns: 250, seed: 20241205 },
    );
    expect(answered).toBe(250);
    await stillServing(h);
  }, 240_000);
});
