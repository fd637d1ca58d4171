import type { CommandArgs, CommandName, CommandOutput } from '../../shared/api/contract';
import { createAssignment, deleteAssignment, listAssignments, updateAssignment } from './assignments/assignments';
import type { CoreContext } from './context';
import { seedDemo } from './demo/seed-demo';
import { getOffice, listDistricts, requireOffice, setupOffice } from './office/office';
import { catalogCounts, componentsForYear, referenceLists, unitCounts } from './reference/catalog';
import { schemaVersion } from './db/migrations';

export type Handler<K extends CommandName> = (args: CommandArgs<K>, ctx: CoreContext) => CommandOutput<K>;

/** The one handler table every host dispatches; a missing command is a compile error here. */
export type HandlerTable = { [K in CommandName]: Handler<K> };

export function createHandlers(seedDir: string): HandlerTable {
  return {
    'app.info': (_args, ctx) => ({
      office: getOffice(ctx.db),
      schemaVersion: schemaVersion(ctx.db),
      dataFile: ctx.dataFile,
      catalog: catalogCounts(ctx.db),
      units: unitCounts(ctx.db),
    }),
    'office.districts': (_args, ctx) => listDistricts(ctx.db),
    'office.setup': (args, ctx) => setupOffice(ctx, args),
    'catalog.components': (args, ctx) => componentsForYear(ctx.db, args.year),
    'reference.lists': (_args, ctx) => referenceLists(ctx.db),
    'assignments.list': (args, ctx) => {
      requireOffice(ctx.db);
      return listAssignments(ctx.db, args.year);
    },
    'assignments.create': (args, ctx) => createAssignment(ctx, args),
    'assignments.update': (args, ctx) => updateAssignment(ctx, args),
    'assignments.delete': (args, ctx) => deleteAssignment(ctx, args),
    'demo.seed': (_args, ctx) => seedDemo(ctx, seedDir),
  };
}
