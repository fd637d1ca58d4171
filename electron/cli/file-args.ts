/** The arguments every file import shares: `<tệp> [--dry-run] [--json] [--year NĂM] [--data THƯ_MỤC]`, plus its own options. */
import { parseArgs } from 'node:util';

export interface FileArgs {
  file: string;
  dryRun: boolean;
  json: boolean;
  year: number | undefined;
  /** The command's own options, as given (strings). */
  extra: Record<string, string | undefined>;
}

export function parseFileArgs(argv: string[], extraOptions: string[], usage: string, fail: (message: string) => Error): FileArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      year: { type: 'string' },
      data: { type: 'string' },
      ...Object.fromEntries(extraOptions.map((name) => [name, { type: 'string' as const }])),
    },
  });
  const [file, extra] = positionals;
  if (!file || extra !== undefined) throw fail(`cần đúng một tệp: "${usage}".`);
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw fail(`--year "${String(values.year)}" không phải năm hợp lệ.`);
  const own = values as Record<string, unknown>;
  return {
    file,
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    year,
    extra: Object.fromEntries(extraOptions.map((name) => [name, typeof own[name] === 'string' ? (own[name] as string) : undefined])),
  };
}
