/** `export annex --format xlsx`: the annex workbook written to the officer's file, whole or not at all. */
import fs from 'node:fs';
import type { CommandArgs } from '../../../shared/api/contract';
import type { CoreContext } from '../context';
import { localTarget, writeWhole } from '../local-files';
import { today } from '../today';
import { chooseAnnexes } from './annex-choice';
import { buildDecisionPrint } from './annexes';
import { annexWorkbook } from './xlsx';

export async function saveAnnexWorkbook(ctx: CoreContext, args: CommandArgs<'print.saveAnnexWorkbook'>): Promise<{ file: string; annexes: number }> {
  const annexes = args.named ? chooseAnnexes(ctx.db, args.id, args.unit, args.named, today(ctx)) : undefined;
  const doc = buildDecisionPrint(ctx.db, { id: args.id, unit: args.unit, annexes, templates: args.templates, orientation: args.orientation, body: false }, today(ctx));
  const target = localTarget(ctx, args.file);
  const bytes = await annexWorkbook(doc);
  writeWhole(target, (partial) => fs.writeFileSync(partial, bytes));
  return { file: target, annexes: doc.annexes.length };
}
