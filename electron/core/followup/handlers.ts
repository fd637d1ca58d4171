import type { HandlersOf } from '../handler-types';
import type { followupCommands } from '../../../shared/api/followup';
import { today } from '../today';
import { followupWorkbook } from './export';
import { createInspection, listInspections, updateInspection } from './inspections';
import { createNotice, followupSummary, listNotices, listTasks, updateTask } from './notices';
import { createObstacle, escalateObstacle, listObstacles, replyToEscalation, updateObstacle } from './obstacles';

export const followupHandlers: HandlersOf<typeof followupCommands> = {
  'obstacles.list': (args, ctx) => listObstacles(ctx.db, args, today(ctx)),
  'obstacles.create': (args, ctx) => createObstacle(ctx, args),
  'obstacles.update': (args, ctx) => updateObstacle(ctx, args),
  'obstacles.escalate': (args, ctx) => escalateObstacle(ctx, args),
  'obstacles.reply': (args, ctx) => replyToEscalation(ctx, args),
  'notices.list': (args, ctx) => listNotices(ctx.db, args.asOf ?? today(ctx)),
  'notices.create': (args, ctx) => createNotice(ctx, args),
  'tasks.list': (args, ctx) => listTasks(ctx.db, args, today(ctx)),
  'tasks.update': (args, ctx) => updateTask(ctx, args),
  'inspections.list': (_args, ctx) => listInspections(ctx.db),
  'inspections.create': (args, ctx) => createInspection(ctx, args),
  'inspections.update': (args, ctx) => updateInspection(ctx, args),
  'followup.summary': (args, ctx) => followupSummary(ctx.db, args.asOf ?? today(ctx)),
  'followup.export': async (args, ctx) => {
    const asOf = args.asOf ?? today(ctx);
    return { fileName: `kho-khan-vuong-mac-${asOf}.xlsx`, base64: (await followupWorkbook(ctx.db, asOf)).toString('base64') };
  },
};
