/** `export decision`: the whole decision (its text, then its annexes) as PDF (through Chromium) or as Word (.docx). */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../core';
import { writeWhole } from '../core';
import { parseDecisionFileArgs, type DecisionFileRequest } from './export-args';
import { printDecisionPdf } from './print-pdf';

export type DecisionExportRequest = DecisionFileRequest<'pdf' | 'docx'>;

export function parseDecisionExportArgs(argv: string[]): DecisionExportRequest {
  return parseDecisionFileArgs(argv, ['pdf', 'docx'] as const).request;
}

export async function runDecisionExport(
  core: Core,
  request: DecisionExportRequest,
  log: (text: string) => void,
): Promise<{ ok: true; file: string; annexes: number; numberLine: string } | { ok: false; code: string; message: string }> {
  const found = core.invoke('decisions.find', { ref: request.decision });
  if (!found.ok) return { ok: false, code: found.error.code, message: found.error.message };
  const id = found.value.id;
  const doc = core.invoke('print.decision', { id, unit: request.unit, body: true });
  if (!doc.ok) return { ok: false, code: doc.error.code, message: doc.error.message };
  if (request.format === 'pdf') {
    await printDecisionPdf(core, { decisionId: id, unit: request.unit, out: request.out, body: true }, log);
  } else {
    const file = await core.invokeAsync('print.decisionDocx', { id, unit: request.unit });
    if (!file.ok) return { ok: false, code: file.error.code, message: file.error.message };
    const bytes = Buffer.from(file.value.base64, 'base64');
    writeWhole(request.out, (partial) => fs.writeFileSync(partial, bytes));
  }
  return { ok: true, file: path.resolve(request.out), annexes: doc.value.annexes.length, numberLine: doc.value.numberLine };
}
