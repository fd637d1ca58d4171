/**
 * Prints a decision (its text and annexes, or the annexes alone) to PDF from the command line: an in-process web
 * host over the open core, printed by the shared `renderDecisionPdf` (the web host's "Lưu PDF" uses the same).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import { buildIfNeeded, staticDir } from '../web-host/build';
import { renderDecisionPdf, type DecisionPdfView } from '../web-host/decision-pdf';
import { startWebHost } from '../web-host/server';

export interface PdfOptions extends DecisionPdfView {
  out: string;
}

/** Writes the PDF next to its destination first and renames it: a failure leaves no half-written file. */
export async function printDecisionPdf(core: Core, options: PdfOptions, log: (text: string) => void): Promise<void> {
  buildIfNeeded(log);
  const host = await startWebHost({ core, staticDir, port: 0 });
  const partial = path.join(path.dirname(path.resolve(options.out)), `.${path.basename(options.out)}.${process.pid}.tmp`);
  try {
    const { out, ...view } = options;
    fs.writeFileSync(partial, await renderDecisionPdf(host.url, view));
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
    await host.close();
  }
}
