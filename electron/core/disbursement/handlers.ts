import type { HandlersOf } from '../handler-types';
import type { disbursementCommands } from '../../../shared/api/disbursement';
import { vietnamDate } from '../../../shared/format/today';
import { runAsJob } from '../jobs/registry';
import { requireOffice } from '../office/office';
import { reportSignature } from '../print/report-signature';
import { today } from '../today';
import { dashboard } from './dashboard';
import { createExtension, deadlines, deleteExtension, listExtensions, setWarnDays } from './deadlines';
import { defaultCutoff } from './default-cutoff';
import { disbursementSheet, saveEntries } from './entries';
import { analyzeKbnn, commitKbnn } from './kbnn-import';
import { createBenchmark, deleteBenchmark, listBenchmarks, pacing, savePacing } from './pacing';
import { progress } from './progress';
import { disbursementReport, reportWorkbook } from './report';

export const disbursementHandlers: HandlersOf<typeof disbursementCommands> = {
  'disbursement.sheet': (args, ctx) => {
    requireOffice(ctx.db);
    return disbursementSheet(ctx.db, args.year, args.cutoffDate);
  },
  'disbursement.save': (args, ctx) => saveEntries(ctx, args),
  'disbursement.progress': (args, ctx) => progress(ctx.db, args.year, args.asOf ?? today(ctx)),
  'disbursement.deadlines': (args, ctx) => deadlines(ctx.db, args.year, args.asOf ?? today(ctx)),
  'disbursement.dashboard': (args, ctx) => dashboard(ctx.db, args.year, args.asOf ?? defaultCutoff(ctx.db, args.year, vietnamDate(ctx.now()))),
  'disbursement.defaultCutoff': (args, ctx) => ({ date: defaultCutoff(ctx.db, args.year, vietnamDate(ctx.now())) }),
  'disbursement.setWarnDays': (args, ctx) => setWarnDays(ctx, args.warnDays),
  'disbursement.report': (args, ctx) => disbursementReport(ctx.db, args.year, args.asOf ?? today(ctx)),
  'disbursement.exportReport': async (args, ctx) => {
    const asOf = args.asOf ?? today(ctx);
    const signature = reportSignature(ctx.db, { signerId: args.signerId, number: args.number });
    return { fileName: `bao-cao-giai-ngan-${asOf}.xlsx`, base64: (await reportWorkbook(disbursementReport(ctx.db, args.year, asOf), signature)).toString('base64') };
  },
  'disbursement.analyze': (args, ctx) => runAsJob(ctx.jobs, args.jobId, 'Đọc sao kê KBNN', async (job) => (await analyzeKbnn(ctx, args, job)).preview),
  'disbursement.commit': (args, ctx) => runAsJob(ctx.jobs, args.jobId, 'Nhập sao kê KBNN', (job) => commitKbnn(ctx, args, job)),
  'extensions.list': (_args, ctx) => listExtensions(ctx.db),
  'extensions.create': (args, ctx) => createExtension(ctx, args),
  'extensions.delete': (args, ctx) => deleteExtension(ctx, args.id),
  'pacing.get': (args, ctx) => pacing(ctx.db, args.year, args.asOf ?? today(ctx)),
  'pacing.save': (args, ctx) => savePacing(ctx, args, today(ctx)),
  'benchmarks.list': (args, ctx) => listBenchmarks(ctx.db, args.year),
  'benchmarks.create': (args, ctx) => createBenchmark(ctx, args),
  'benchmarks.delete': (args, ctx) => deleteBenchmark(ctx, args.id),
};
