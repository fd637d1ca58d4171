/**
 * The one place a decision's PDF is made outside the desktop app: the print view of a running web host, opened and
 * printed by a local Chromium-family browser (print-view-pdf.ts). The command line starts a host of
 * its own and calls this; the web host calls it on itself for the hub's "Lưu PDF". The desktop app prints the same
 * view with Electron's printToPDF.
 */
import type { AnnexKind } from '../../shared/print/document';
import type { MoneyUnit } from '../../shared/money/dong';
import { renderPrintViewPdf } from './print-view-pdf';

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
export function renderDecisionPdf(hostUrl: string, view: DecisionPdfView): Promise<Buffer> {
  return renderPrintViewPdf(hostUrl, decisionPrintHash(view));
}
