import type { HandlersOf } from '../handler-types';
import type { officeCommands } from '../../../shared/api/office';
import { listDistricts, setupOffice } from './office';
import { addSigner, retireSigner, signerList, updateSigner } from './signers';

export const officeHandlers: HandlersOf<typeof officeCommands> = {
  'office.districts': (_args, ctx) => listDistricts(ctx.db),
  'office.setup': (args, ctx) => setupOffice(ctx, args),
  'signers.list': (_args, ctx) => signerList(ctx.db),
  'signers.add': (args, ctx) => addSigner(ctx, args),
  'signers.update': (args, ctx) => updateSigner(ctx, args),
  'signers.retire': (args, ctx) => retireSigner(ctx, args),
};
