import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startWebHost, TOKEN_PLACEHOLDER, type WebHost } from '../../../electron/web-host/server';
import { tempDir, testCore } from '../../support/helpers';

let host: WebHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start() {
  const staticDir = tempDir('sovon-static-');
  fs.writeFileSync(path.join(staticDir, 'index.html'), `<meta name="sovon-token" content="${TOKEN_PLACEHOLDER}">`);
  fs.writeFileSync(path.join(tempDir('sovon-secret-'), 'secret.txt'), 'x');
  host = await startWebHost({ core: testCore({ district: '180' }), staticDir, port: 0 });
  return host;
}

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; path?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const target = new URL(url);
    const req = http.request(
      { host: target.hostname, port: target.port, path: options.path ?? target.pathname, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host', () => {
  it('listens on 127.0.0.1 only and writes its token into the page, with a CSP', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await request(h.url);
    expect(page.body).toContain(h.token);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers API calls with the token and refuses them without it', async () => {
    const h = await start();
    const body = JSON.stringify({ command: 'app.info', input: {} });
    const refused = await request(`${h.url}api/invoke`, { method: 'POST', body });
    expect(refused.status).toBe(403);
    const answered = await request(`${h.url}api/invoke`, { method: 'POST', body, headers: { 'X-Sovon-Token': h.token } });
    expect(JSON.parse(answered.body)).toMatchObject({ ok: true, value: { office: { districtCode: '180' } } });
    const bad = await request(`${h.url}api/invoke`, { method: 'POST', body: '{nope', headers: { 'X-Sovon-Token': h.token } });
    expect(JSON.parse(bad.body).error.code).toBe('INVALID_INPUT');
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the renderer folder', async () => {
    const h = await start();
    const rebinding = await request(h.url, { headers: { Host: 'evil.example:80' } });
    expect(rebinding.status).toBe(421);
    const traversal = await request(h.url, { path: '/..%2f..%2fetc%2fpasswd' });
    expect(traversal.status).toBe(403);
  });

  it('closes even while a browser holds a connection open', async () => {
    const h = await start();
    const target = new URL(h.url);
    // A request the browser has started but not finished: the server counts the connection as busy.
    const socket = net.connect(Number(target.port), target.hostname);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET / HTTP/1.1\r\nHost: ' + target.host + '\r\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await h.close(); // without dropping connections this waits for the browser tab to go away
    host = null;
    socket.destroy();
  });
});
