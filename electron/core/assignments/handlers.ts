import type { HandlersOf } from '../handler-types';
import type { assignmentsCommands } from '../../../shared/api/assignments';
import { requireOffice } from '../office/office';
import { createAssignment, deleteAssignment, listAssignments, updateAssignment } from './assignments';

export const assignmentsHandlers: HandlersOf<typeof assignmentsCommands> = {
  'assignments.list': (args, ctx) => {
    requireOffice(ctx.db);
    return listAssignments(ctx.db, args.year);
  },
  'assignments.create': (args, ctx) => createAssignment(ctx, args),
  'assignments.update': (args, ctx) => updateAssignment(ctx, args),
  'assignments.delete': (args, ctx) => deleteAssignment(ctx, args),
};
