/** `export annex`: a decision's annexes as PDF (through Chromium) or as a print-ready workbook (exceljs). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { romanNumeral } from '../../shared/domain/documents';
import { ANNEX_KINDS, type AnnexKind } from '../../shared/print/document';
import type { MoneyUnit } from '../../shared/money/dong';
import type { Core } from '../core/core';
import { printDecisionPdf } from './print-pdf';

export class ExportUsageError extends Error {}

export interface ExportRequest {
  /** The decision as the officer named it: its id or its number ("215/QĐ-UBND"), resolved by the core. */
  decision: string;
  format: 'pdf' | 'xlsx';
  out: string;
  unit: MoneyUnit;
  /** Roman numerals of the default annexes ("I,II") or annex kinds ("tong_hop,theo_xa"). */
  annex?: string;
  /** The province's forms by key (files in the data folder's mau-bieu/), printed after the annexes chosen. */
  templates?: string[];
  orientation?: 'portrait' | 'landscape';
}


export function parseExportArgs(argv: string[]): ExportRequest {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      decision: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      unit: { type: 'string', default: 'trieu' },
      annex: { type: 'string' },
      template: { type: 'string' },
      orientation: { type: 'string' },
      data: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.decision || values.decision.trim() === '') throw new ExportUsageError('Thiếu --decision <mã hoặc số quyết định> (ví dụ --decision 1 hoặc --decision 215/QĐ-UBND).');
  if (values.format !== 'pdf' && values.format !== 'xlsx') throw new ExportUsageError('--format phải là pdf hoặc xlsx.');
  if (!values.out) throw new ExportUsageError('Thiếu --out TỆP.');
  if (!['dong', 'nghin', 'trieu'].includes(values.unit!)) throw new ExportUsageError('--unit phải là dong, nghin hoặc trieu.');
  if (values.orientation !== undefined && values.orientation !== 'portrait' && values.orientation !== 'landscape') throw new ExportUsageError('--orientation phải là portrait (A4 dọc) hoặc landscape (A4 ngang).');
  if (!fs.existsSync(path.dirname(path.resolve(values.out)))) throw new ExportUsageError(`Thư mục của --out không tồn tại: ${path.dirname(path.resolve(values.out))}`);
  return {
    decision: values.decision,
    format: values.format,
    out: values.out,
    unit: values.unit as MoneyUnit,
    ...(values.annex ? { annex: values.annex } : {}),
    ...(values.template ? { templates: values.template.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
    ...(values.orientation ? { orientation: values.orientation as 'portrait' | 'landscape' } : {}),
  };
}

/** Resolves "I,II" against the decision's default annexes, or takes annex kinds as they are. */
function chooseAnnexes(core: Core, request: ExportRequest & { decisionId: number }): AnnexKind[] | undefined {
  if (!request.annex) return undefined;
  const parts = request.annex.split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.every((p) => (ANNEX_KINDS as readonly string[]).includes(p))) return parts as AnnexKind[];
  const defaults = core.invoke('print.decision', { id: request.decisionId, unit: request.unit });
  if (!defaults.ok) return undefined;
  return parts.map((p) => {
    const index = defaults.value.annexes.findIndex((_, i) => romanNumeral(i + 1) === p.toUpperCase());
    const annex = defaults.value.annexes[index];
    if (!annex) throw new ExportUsageError(`--annex: không có phụ lục "${p}"; quyết định này có ${defaults.value.annexes.map((_, i) => romanNumeral(i + 1)).join(', ')} (hoặc ghi loại: ${ANNEX_KINDS.join(', ')}).`);
    if (annex.kind === 'mau_bieu') throw new ExportUsageError(`--annex: phụ lục "${p}" là mẫu biểu của tỉnh; chọn bằng --template.`);
    return annex.kind;
  });
}

/** Runs the export; returns the core's error when the decision cannot be printed. */
export async function runExport(core: Core, named: ExportRequest, log: (text: string) => void): Promise<{ ok: true; file: string; annexes: number } | { ok: false; code: string; message: string }> {
  const found = core.invoke('decisions.find', { ref: named.decision });
  if (!found.ok) return { ok: false, code: found.error.code, message: found.error.message };
  const request = { ...named, decisionId: found.value.id };
  const annexes = chooseAnnexes(core, request);
  const orientation = request.orientation ? { orientation: request.orientation } : {};
  const templates = request.templates?.length ? { templates: request.templates } : {};
  const doc = core.invoke('print.decision', { id: request.decisionId, unit: request.unit, body: false, ...orientation, ...templates, ...(annexes ? { annexes } : {}) });
  if (!doc.ok) return { ok: false, code: doc.error.code, message: doc.error.message };
  if (request.format === 'pdf') {
    await printDecisionPdf(core, { decisionId: request.decisionId, unit: request.unit, out: request.out, body: false, ...orientation, ...templates, ...(annexes ? { annexes } : {}) }, log);
  } else {
    const workbook = await core.invokeAsync('print.annexWorkbook', { id: request.decisionId, unit: request.unit, ...orientation, ...templates, ...(annexes ? { annexes } : {}) });
    if (!workbook.ok) return { ok: false, code: workbook.error.code, message: workbook.error.message };
    writeWhole(request.out, Buffer.from(workbook.value.base64, 'base64'));
  }
  return { ok: true, file: path.resolve(request.out), annexes: doc.value.annexes.length };
}

/** Writes beside the target and renames: a failure leaves no half-written file. */
export function writeWhole(out: string, bytes: Buffer): void {
  const partial = `${out}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(partial, bytes);
    fs.renameSync(partial, out);
  } finally {
    fs.rmSync(partial, { force: true });
  }
}
