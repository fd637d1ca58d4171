import type { HandlersOf } from '../handler-types';
import type { registersCommands } from '../../../shared/api/registers';
import { requireOffice } from '../office/office';
import { createDelegation, listDelegations } from './delegations';
import { createOrganization, listOrganizations } from './organizations';
import { createProject, listProjects, updateProject } from './projects';
import { listRecipients } from './recipients';
import { listTargets, saveTarget } from './targets';

export const registersHandlers: HandlersOf<typeof registersCommands> = {
  'recipients.list': (args, ctx) => listRecipients(ctx.db, args.date, requireOffice(ctx.db)),
  'organizations.list': (_args, ctx) => listOrganizations(ctx.db),
  'organizations.create': (args, ctx) => createOrganization(ctx, args),
  'projects.list': (_args, ctx) => listProjects(ctx.db),
  'projects.create': (args, ctx) => createProject(ctx, args),
  'projects.update': (args, ctx) => updateProject(ctx, args),
  'delegations.list': (_args, ctx) => listDelegations(ctx.db),
  'delegations.create': (args, ctx) => createDelegation(ctx, args),
  'targets.list': (args, ctx) => listTargets(ctx.db, args.year),
  'targets.save': (args, ctx) => saveTarget(ctx, args),
};
