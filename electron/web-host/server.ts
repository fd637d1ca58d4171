import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { RENDERER_CSP } from '../../shared/security/csp';
import { CoreError, type Core, type Logger } from '../core';
import { renderDecisionPdf } from './decision-pdf';
import { renderReportPdf } from './report-pdf';

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
/**
 * The request's token against the host's, compared in bytes: a header of non-ASCII characters has more bytes than
 * characters, and timingSafeEqual throws on buffers of different lengths.
 */
export function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(token, 'utf8');
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function startWebHost(options: { core: Core; staticDir: string; port: number; log?: Logger }): Promise<WebHost> {
  const token = crypto.randomBytes(24).toString('hex');
  const root = path.resolve(options.staticDir);
  let allowedHosts: Set<string> = new Set();
  let hostUrl = '';

  const server = http.createServer((req, res) => {
    // Whatever a request holds, it gets an answer and the host lives on: any page the officer opens can send one.
    try {
      route(req, res);
    } catch (error) {
      answerFailure(res, error);
    }
  });
  // A client that sends bytes Node's parser refuses gets a 400 instead of a silently dropped socket.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (!req.headers.host || !allowedHosts.has(req.headers.host)) return sendJson(res, 421, { ok: false, error: { code: 'FORBIDDEN', message: 'Sai địa chỉ máy chủ.' } });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, 400, 'Đường dẫn không hợp lệ.', 'text/plain; charset=utf-8');
    }
    if (url.pathname === '/api/invoke') return handleInvoke(req, res);
    if (url.pathname === '/api/events') return handleEvents(req, res, url);
    if (url.pathname === '/api/decision-pdf') return handleDecisionPdf(req, res);
    if (url.pathname === '/api/report-pdf') return handleReportPdf(req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
    return serveStatic(url.pathname, res);
  }

  /**
   * Something no check foresaw: logged, answered 500 in Vietnamese, and the host goes on serving. A CoreError (a PDF
   * that the browser could not print, say) is a refusal with its own message: answered like the core's refusals.
   */
  function answerFailure(res: http.ServerResponse, error: unknown): void {
    options.log?.error('Máy chủ web: lỗi khi trả lời một yêu cầu', error);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (error instanceof CoreError) {
      return sendJson(res, 200, { ok: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } });
    }
    sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Đã xảy ra lỗi nội bộ khi trả lời yêu cầu; chi tiết đã được ghi vào tệp nhật ký.' } });
  }

  function handleInvoke(req: http.IncomingMessage, res: http.ServerResponse): void {
    readJsonPost(req, res, (raw) => answerInvoke(raw, res));
  }

  /**
   * "Lưu PDF" in a browser: the decision's print view on this very host, printed by the shared renderDecisionPdf
   * (the command line's PDF too), handed back as base64 like the core's Word and Excel files.
   */
  function handleDecisionPdf(req: http.IncomingMessage, res: http.ServerResponse): void {
    readJsonInput(req, res, async (input) => {
      // The core checks the input and that the decision prints; its document names the file.
      const printed = await options.core.invokeUnknownAsync('print.decision', input);
      if (!printed.ok) return sendJson(res, 200, printed);
      const view = input as Parameters<typeof renderDecisionPdf>[1] & { id: number };
      const doc = printed.value as { fileStem: string };
      const pdf = await renderDecisionPdf(hostUrl, { ...view, decisionId: view.id, unit: view.unit ?? 'trieu' });
      sendJson(res, 200, { ok: true, value: { fileName: `${view.body === false ? 'phu-luc-' : ''}${doc.fileStem}.pdf`, base64: pdf.toString('base64') } });
    });
  }

  /** "Lưu PDF" of a report in a browser (disbursement, follow-up): its print view on this host, as the decisions'. */
  function handleReportPdf(req: http.IncomingMessage, res: http.ServerResponse): void {
    readJsonInput(req, res, async (input) => {
      sendJson(res, 200, await renderReportPdf(options.core, hostUrl, input));
    });
  }

  /** A POST with the page's token and a JSON body within the limit, handed to `answer` once read. */
  /** A POST whose body is one JSON value; a body that is not JSON is refused here, in Vietnamese. */
  function readJsonInput(req: http.IncomingMessage, res: http.ServerResponse, answer: (input: unknown) => Promise<void>): void {
    readJsonPost(req, res, async (raw) => {
      let input: unknown;
      try {
        input = JSON.parse(raw.toString('utf8'));
      } catch {
        return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Yêu cầu không phải JSON hợp lệ.' } });
      }
      await answer(input);
    });
  }

  function readJsonPost(req: http.IncomingMessage, res: http.ServerResponse, answer: (raw: Buffer) => Promise<void>): void {
    if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Chỉ nhận POST.' } });
    if (!tokenMatches(req.headers['x-sovon-token'], token)) {
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
    req.on('error', () => req.destroy());
    req.on('end', () => {
      if (res.writableEnded) return;
      answer(Buffer.concat(chunks)).catch((error: unknown) => answerFailure(res, error));
    });
  }

  /**
   * The jobs' progress pushed to the page as server-sent events. An EventSource cannot send headers, so the page's
   * token comes in the query string; the same token and Host checks as the API.
   */
  function handleEvents(req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
    if (req.method !== 'GET') return sendJson(res, 405, { ok: false, error: { code: 'FORBIDDEN', message: 'Chỉ nhận GET.' } });
    if (!tokenMatches(url.searchParams.get('token') ?? undefined, token)) {
      return sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message: 'Phiên làm việc không hợp lệ; hãy tải lại trang.' } });
    }
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'keep-alive' });
    // A comment line first, so the page's EventSource opens at once.
    res.write(': sovon\n\n');
    const unsubscribe = options.core.onJobEvent((event) => {
      if (!res.writableEnded && !res.destroyed) res.write(`event: progress\ndata: ${JSON.stringify(event)}\n\n`);
    });
    // The page went away (reload, closed tab): its connection closes, the subscription ends with it.
    res.on('close', unsubscribe);
    res.on('error', unsubscribe);
  }

  async function answerInvoke(raw: Buffer, res: http.ServerResponse): Promise<void> {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Yêu cầu không phải JSON hợp lệ.' } });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return sendJson(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'Yêu cầu phải là một đối tượng JSON { "command": …, "input": … }.' } });
    }
    const { command, input } = body as { command?: unknown; input?: unknown };
    sendJson(res, 200, await options.core.invokeUnknownAsync(command, input));
  }

  function serveStatic(pathname: string, res: http.ServerResponse): void {
    let relative: string;
    try {
      relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      // "/%" or "/%E9": not a path any file of the page has.
      return send(res, 400, 'Đường dẫn không hợp lệ.', 'text/plain; charset=utf-8');
    }
    if (relative.includes('\0')) return send(res, 400, 'Đường dẫn không hợp lệ.', 'text/plain; charset=utf-8');
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
      hostUrl = `http://127.0.0.1:${port}/`;
      resolve({
        url: hostUrl,
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
