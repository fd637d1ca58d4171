/**
 * The one place a decision's PDF is made outside the desktop app: the print view of a running web host, opened and
 * printed by a local Chromium-family browser (Debian's chromium, Edge on Windows). The command line starts a host of
 * its own and calls this; the web host calls it on itself for the hub's "Lưu PDF". The desktop app prints the same
 * view with Electron's printToPDF.
 */
import type { LaunchOptions } from 'playwright-core';
import type { AnnexKind } from '../../shared/print/document';
import type { MoneyUnit } from '../../shared/money/dong';

export interface DecisionPdfView {
  decisionId: number;
  unit: MoneyUnit;
  annexes?: AnnexKind[];
  /** The province's forms by key (mau-bieu/ in the data folder). */
  templates?: string[];
  orientation?: 'portrait' | 'landscape';
  /** The decision's text before its annexes; false prints the annexes alone (export annex). */
  body?: boolean;
}

function launchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH ?? (process.platform === 'win32' ? undefined : '/usr/bin/chromium');
  return executablePath ? { executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] } : { channel: 'msedge', args: ['--headless'] };
}

/** The print view's URL path on a host, with the same query the app's preview reads. */
export function decisionPrintHash(view: DecisionPdfView): string {
  const query = new URLSearchParams({
    unit: view.unit,
    body: view.body === false ? '0' : '1',
    ...(view.orientation ? { orientation: view.orientation } : {}),
    ...(view.annexes ? { annexes: view.annexes.join(',') } : {}),
    ...(view.templates?.length ? { templates: view.templates.join(',') } : {}),
  });
  return `#/in/${view.decisionId}?${query.toString()}`;
}

/** Prints the decision's view on the host at `hostUrl` and returns the PDF's bytes. */
export async function renderDecisionPdf(hostUrl: string, view: DecisionPdfView): Promise<Buffer> {
  // Loaded only when a PDF is printed: the browser driver is heavy, and every other command would carry it.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage();
    await page.goto(`${hostUrl}${decisionPrintHash(view)}`);
    await page.locator('.print-root[data-ready="true"], [role="alert"]').first().waitFor({ timeout: 60_000 });
    const alert = page.locator('[role="alert"]');
    if ((await alert.count()) > 0) throw new Error((await alert.first().textContent()) ?? 'Không dựng được bản in.');
    return await page.pdf({ preferCSSPageSize: true, printBackground: true });
  } finally {
    await browser.close();
  }
}
