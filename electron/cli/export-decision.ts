/** `export decision`: the whole decision (its text, then its annexes) as PDF (through Chromium) or as Word (.docx). */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { MoneyUnit } from '../../shared/money/dong';
import type { Core } from '../core';
import { ExportUsageError, writeWhole } from './export-annex';
import { printDecisionPdf } from './print-pdf';

export interface DecisionExportRequest {
  /** The id or the number text ("215/QĐ-UBND"). */
  decision: string;
  format: 'pdf' | 'docx';
  out: string;
  unit: MoneyUnit;
}

export function parseDecisionExportArgs(argv: string[]): DecisionExportRequest {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      decision: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      unit: { type: 'string', default: 'trieu' },
      data: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  if (!values.decision?.trim()) throw new ExportUsageError('Thiếu --decision <mã quyết định hoặc số văn bản, ví dụ 215/QĐ-UBND>.');
  if (values.format !== 'pdf' && values.format !== 'docx') throw new ExportUsageError('--format phải là pdf hoặc docx.');
  if (!values.out) throw new ExportUsageError('Thiếu --out TỆP.');
  if (!['dong', 'nghin', 'trieu'].includes(values.unit!)) throw new ExportUsageError('--unit phải là dong, nghin hoặc trieu.');
  if (!fs.existsSync(path.dirname(path.resolve(values.out)))) throw new ExportUsageError(`Thư mục của --out không tồn tại: ${path.dirname(path.resolve(values.out))}`);
  return { decision: values.decision, format: values.format, out: values.out, unit: values.unit as MoneyUnit };
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
    writeWhole(request.out, Buffer.from(file.value.base64, 'base64'));
  }
  return { ok: true, file: path.resolve(request.out), annexes: doc.value.annexes.length, numberLine: doc.value.numberLine };
}
