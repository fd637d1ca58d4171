/** `export annex`: a decision's annexes as PDF (through Chromium) or as a print-ready workbook (written by the core). */
import path from 'node:path';
import type { AnnexKind } from '../../shared/print/document';
import type { Core } from '../core';
import { ExportUsageError, parseDecisionFileArgs, type DecisionFileRequest } from './export-args';
import { printDecisionPdf } from './print-pdf';

export interface ExportRequest extends DecisionFileRequest<'pdf' | 'xlsx'> {
  /** Roman numerals of the default annexes ("I,II") or annex kinds ("tong_hop,theo_xa"). */
  annex?: string;
  /** The province's forms by key (files in the data folder's mau-bieu/), printed after the annexes chosen. */
  templates?: string[];
  orientation?: 'portrait' | 'landscape';
}

export function parseExportArgs(argv: string[]): ExportRequest {
  const { request, extra } = parseDecisionFileArgs(argv, ['pdf', 'xlsx'] as const, { annex: { type: 'string' }, template: { type: 'string' }, orientation: { type: 'string' } });
  const { annex, template, orientation } = extra;
  if (orientation !== undefined && orientation !== 'portrait' && orientation !== 'landscape') throw new ExportUsageError('--orientation phải là portrait (A4 dọc) hoặc landscape (A4 ngang).');
  return {
    ...request,
    ...(typeof annex === 'string' && annex ? { annex } : {}),
    ...(typeof template === 'string' && template ? { templates: template.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
    ...(orientation ? { orientation } : {}),
  };
}

type Failure = { ok: false; code: string; message: string };

/** An annex the decision does not have is a usage error of `--annex`; any other error is the core's. */
function failure(error: { code: string; message: string }): Failure {
  if (error.code === 'ANNEX_NOT_FOUND') throw new ExportUsageError(`--annex: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`);
  return { ok: false, code: error.code, message: error.message };
}

/** Runs the export; returns the core's error when the decision cannot be printed. */
export async function runExport(core: Core, named: ExportRequest, log: (text: string) => void): Promise<{ ok: true; file: string; annexes: number } | Failure> {
  const found = core.invoke('decisions.find', { ref: named.decision });
  if (!found.ok) return failure(found.error);
  const id = found.value.id;
  const orientation = named.orientation ? { orientation: named.orientation } : {};
  const templates = named.templates?.length ? { templates: named.templates } : {};
  if (named.format === 'xlsx') {
    const saved = await core.invokeAsync('print.saveAnnexWorkbook', { id, unit: named.unit, file: named.out, ...orientation, ...templates, ...(named.annex ? { named: named.annex } : {}) });
    return saved.ok ? { ok: true, ...saved.value } : failure(saved.error);
  }
  let annexes: AnnexKind[] | undefined;
  if (named.annex) {
    const chosen = core.invoke('print.chooseAnnexes', { id, unit: named.unit, named: named.annex });
    if (!chosen.ok) return failure(chosen.error);
    annexes = chosen.value;
  }
  const doc = core.invoke('print.decision', { id, unit: named.unit, body: false, ...orientation, ...templates, ...(annexes ? { annexes } : {}) });
  if (!doc.ok) return failure(doc.error);
  await printDecisionPdf(core, { decisionId: id, unit: named.unit, out: named.out, body: false, ...orientation, ...templates, ...(annexes ? { annexes } : {}) }, log);
  return { ok: true, file: path.resolve(named.out), annexes: doc.value.annexes.length };
}
