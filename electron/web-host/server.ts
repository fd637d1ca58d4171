import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { RENDERER_CSP } from '../../shared/security/csp';
import type { Core } from '../core/core';

// A province workbook travels as base64 inside the JSON body (60 MB of file ≈ 80 MB of text).
const MAX_BODY_BYTES = 90 * 1024 * 1024;
export const TOKEN_PLACEHOLDER = '__SOVON_TOKEN__';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
};

export interface WebHost {
  url: string;
  token: string;
  close(): Promise<void>;
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': RENDERER_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/**
 * Serves the built renderer and the core's API on 127.0.0.1 only. Each start has a random token,
 * written into the served page; API calls without it, or with a foreign Host header, are refused.
 */
export function startWebHost(options: { core: Core; staticDir: string; port: number }): Promise<WebHost> {
  const token = crypto.randomBytes(24).toString('hex');
  const root = path.resolve(options.staticDir);
  let allowedHosts: Set<string> = new Set();

  const server = http.createServer((req, res) => {
    if (!req.headers.host || !allowedHosts.has(req.headers.host)) return sendJson(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: 'Sai địa chỉ máy chủ.' } });
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/invoke') return handleInvoke(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    return serveStatic(url.pathname, res);
  });

  function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Chỉ nhận POST.' } });
    const given = String(req.headers['x-sovon-token'] ?? '');
    if (given.length !== token.length || !crypto.timingSafeEqual(Buffer.from(given), Buffer.from(token))) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Phiên làm việc không hợp lệ; hãy tải lại trang.' } });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        sendJson(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên quá lớn.' } });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', async () => {
      if (res.writableEnded) return;
      let body: { command?: unknown; input?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Yêu cầu không phải JSON hợp lệ.' } });
      }
      sendJson(res, 200, await options.core.invokeUnknownAsync(body?.command, body?.input));
    });
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    const relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    const file = path.resolve(root, '.' + relative);
    if (!file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden', 'text/plain');
    const target = fs.existsSync(file) && fs.statSync(file).isFile() ? file : path.join(root, 'index.html');
    let body: Buffer | string = fs.readFileSync(target);
    if (target.endsWith('index.html')) body = body.toString('utf8').replace(TOKEN_PLACEHOLDER, token);
    send(res, 200, body, CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream');
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      resolve({
        url: `http://127.0.0.1:${port}/`,
        token,
        // A browser tab keeps connections alive; drop them, or closing would wait for the tab to go away.
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
