/**
 * A print view of a running web host printed to PDF by a local Chromium-family browser (Debian's chromium, Edge on
 * Windows): the decisions' PDF (decision-pdf.ts) and the reports' (report-pdf.ts) outside the desktop app. What can go
 * wrong here — no browser, a view that shows an error, a view that never finishes — comes back as a CoreError that
 * says in Vietnamese what failed and what to do, for the hub's message and the command line alike.
 */
import type { LaunchOptions } from 'playwright-core';
import { CoreError } from '../core';

/** How long a view may take to lay out its sheets (a 1,000-line decision takes a few seconds on a slow machine). */
const READY_TIMEOUT_MS = 60_000;

const BROWSER_HELP =
  'Cài Chromium (Linux) hoặc Microsoft Edge (Windows), hoặc đặt biến môi trường CHROMIUM_PATH chỉ tới tệp chạy của trình duyệt, rồi khởi động lại máy chủ ("npm run web") và thử lại. Trong lúc chờ, mở "Xem trước" rồi in bằng Ctrl+P, chọn "Lưu dưới dạng PDF".';

function launchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH ?? (process.platform === 'win32' ? undefined : '/usr/bin/chromium');
  return executablePath ? { executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] } : { channel: 'msedge', args: ['--headless'] };
}

/** The browser named in a message: the file tried, or Edge. */
function browserName(options: LaunchOptions): string {
  return options.executablePath ? `tệp ${options.executablePath}` : 'Microsoft Edge';
}

/** The first line of a driver error: Playwright adds a long call log after it. */
function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!.trim();
}

/** Prints the view at `hash` (e.g. "#/in/1?unit=trieu") on the host at `hostUrl` and returns the PDF's bytes. */
export async function renderPrintViewPdf(hostUrl: string, hash: string): Promise<Buffer> {
  // Loaded only when a PDF is printed: the browser driver is heavy, and every other command would carry it.
  const { chromium } = await import('playwright-core');
  const options = launchOptions();
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch(options);
  } catch (error) {
    throw new CoreError('PDF_BROWSER_MISSING', `Không mở được trình duyệt để in PDF (${browserName(options)}): ${firstLine(error)}. ${BROWSER_HELP}`, { browser: browserName(options) });
  }
  try {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}${hash}`);
    try {
      await page.locator('.print-root[data-ready="true"], [role="alert"]').first().waitFor({ timeout: READY_TIMEOUT_MS });
    } catch (error) {
      throw new CoreError(
        'PDF_PRINT_FAILED',
        `Bản in chưa dựng xong sau ${READY_TIMEOUT_MS / 1000} giây nên chưa tạo được PDF (${firstLine(error)}). Máy đang bận hoặc văn bản quá dài: đóng bớt chương trình rồi thử lại; hoặc mở "Xem trước" rồi in bằng Ctrl+P.`,
      );
    }
    const alert = page.locator('[role="alert"]');
    if ((await alert.count()) > 0) {
      const shown = ((await alert.first().textContent()) ?? '').trim();
      throw new CoreError('PDF_PRINT_FAILED', `Bản in báo lỗi nên chưa tạo được PDF: ${shown || 'không rõ lỗi'} Sửa theo hướng dẫn trên rồi thử lại; mở "Xem trước" để xem bản in.`);
    }
    try {
      return await page.pdf({ preferCSSPageSize: true, printBackground: true });
    } catch (error) {
      throw new CoreError('PDF_PRINT_FAILED', `Trình duyệt không in được bản in ra PDF: ${firstLine(error)}. Thử lại; nếu vẫn lỗi, mở "Xem trước" rồi in bằng Ctrl+P, chọn "Lưu dưới dạng PDF".`);
    }
  } finally {
    await browser.close();
  }
}
