import type { HandlersOf } from '../handler-types';
import type { referenceCommands } from '../../../shared/api/reference';
import { browseCatalog } from './browse';
import { componentsForYear, referenceLists } from './catalog';

export const referenceHandlers: HandlersOf<typeof referenceCommands> = {
  'catalog.components': (args, ctx) => componentsForYear(ctx.db, args.year),
  'reference.lists': (_args, ctx) => referenceLists(ctx.db),
  'catalog.browse': (_args, ctx) => browseCatalog(ctx.db),
};
