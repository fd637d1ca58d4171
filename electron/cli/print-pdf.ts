/**
 * Prints a decision (its text and annexes, or the annexes alone) to PDF from the command line: the same print view the app shows, served by an
 * in-process web host over the open core, printed by a local Chromium-family browser (Debian's chromium,
 * Edge on Windows). The desktop app prints the same view with Electron's printToPDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LaunchOptions } from 'playwright-core';
import type { AnnexKind } from '../../shared/print/document';
import type { MoneyUnit } from '../../shared/money/dong';
import type { Core } from '../core';
import { buildIfNeeded, staticDir } from '../web-host/build';
import { startWebHost } from '../web-host/server';

export interface PdfOptions {
  decisionId: number;
  unit: MoneyUnit;
  annexes?: AnnexKind[];
  /** The province's forms by key (mau-bieu/ in the data folder). */
  templates?: string[];
  orientation?: 'portrait' | 'landscape';
  /** The decision's text before its annexes; false prints the annexes alone (export annex). */
  body?: boolean;
  out: string;
}

function launchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH ?? (process.platform === 'win32' ? undefined : '/usr/bin/chromium');
  return executablePath ? { executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu'] } : { channel: 'msedge', args: ['--headless'] };
}

/** Writes the PDF next to its destination first and renames it: a failure leaves no half-written file. */
export async function printDecisionPdf(core: Core, options: PdfOptions, log: (text: string) => void): Promise<void> {
  buildIfNeeded(log);
  // Loaded only when a PDF is printed: the browser driver is heavy, and every other command would carry it.
  const { chromium } = await import('playwright-core');
  const host = await startWebHost({ core, staticDir, port: 0 });
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch(launchOptions());
  } catch (error) {
    // No browser: the host must not keep the command alive.
    await host.close();
    throw error;
  }
  const partial = path.join(path.dirname(path.resolve(options.out)), `.${path.basename(options.out)}.${process.pid}.tmp`);
  try {
    const page = await browser.newPage();
    const query = new URLSearchParams({
      unit: options.unit,
      body: options.body === false ? '0' : '1',
      ...(options.orientation ? { orientation: options.orientation } : {}),
      ...(options.annexes ? { annexes: options.annexes.join(',') } : {}),
      ...(options.templates?.length ? { templates: options.templates.join(',') } : {}),
    });
    await page.goto(`${host.url}#/in/${options.decisionId}?${query.toString()}`);
    await page.locator('.print-root[data-ready="true"], [role="alert"]').first().waitFor({ timeout: 60_000 });
    const alert = page.locator('[role="alert"]');
    if ((await alert.count()) > 0) throw new Error((await alert.first().textContent()) ?? 'Không dựng được bản in.');
    await page.pdf({ path: partial, preferCSSPageSize: true, printBackground: true });
    fs.renameSync(partial, options.out);
  } finally {
    fs.rmSync(partial, { force: true });
    await browser.close();
    await host.close();
  }
}
