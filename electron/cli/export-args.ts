/** The options every `export decision|annex` line shares (--decision, --format, --out, --unit), parsed and checked once. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { MoneyUnit } from '../../shared/money/dong';

export class ExportUsageError extends Error {}

export interface DecisionFileRequest<F extends string> {
  /** The decision as the officer named it: its id or its number ("215/QĐ-UBND"), resolved by the core. */
  decision: string;
  format: F;
  out: string;
  unit: MoneyUnit;
}

type ExtraOptions = NonNullable<ParseArgsConfig['options']>;

/** Parses the shared options plus `extra` ones; returns the checked request and the extra values as given. */
export function parseDecisionFileArgs<F extends string>(
  argv: string[],
  formats: readonly F[],
  extra: ExtraOptions = {},
): { request: DecisionFileRequest<F>; extra: Record<string, string | boolean | undefined> } {
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
      ...extra,
    },
  });
  const decision = typeof values.decision === 'string' ? values.decision : '';
  const format = values.format;
  const out = values.out;
  const unit = values.unit;
  if (decision.trim() === '') throw new ExportUsageError('Thiếu --decision <mã hoặc số quyết định> (ví dụ --decision 1 hoặc --decision 215/QĐ-UBND).');
  if (typeof format !== 'string' || !(formats as readonly string[]).includes(format)) throw new ExportUsageError(`--format phải là ${formats.join(' hoặc ')}.`);
  if (typeof out !== 'string' || out === '') throw new ExportUsageError('Thiếu --out TỆP.');
  if (typeof unit !== 'string' || !['dong', 'nghin', 'trieu'].includes(unit)) throw new ExportUsageError('--unit phải là dong, nghin hoặc trieu.');
  const dir = path.dirname(path.resolve(out));
  if (!fs.existsSync(dir)) throw new ExportUsageError(`Thư mục của --out không tồn tại: ${dir}`);
  const extraValues: Record<string, string | boolean | undefined> = {};
  for (const name of Object.keys(extra)) extraValues[name] = (values as Record<string, string | boolean | undefined>)[name];
  return { request: { decision, format: format as F, out, unit: unit as MoneyUnit }, extra: extraValues };
}
