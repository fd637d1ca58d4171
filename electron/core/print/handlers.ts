import type { HandlersOf } from '../handler-types';
import type { printCommands } from '../../../shared/api/print';
import { today } from '../today';
import { chooseAnnexes } from './annex-choice';
import { saveAnnexWorkbook } from './annex-file';
import { buildDecisionPrint } from './annexes';
import { listDocuments } from './documents-hub';
import { decisionDocx } from './docx';
import { reportSignature } from './report-signature';
import { decisionWording, listTemplates, saveDecisionWording, saveTemplate } from './wording-store';
import { annexWorkbook } from './xlsx';

export const printHandlers: HandlersOf<typeof printCommands> = {
  'print.decision': (args, ctx) => buildDecisionPrint(ctx.db, args, today(ctx)),
  'documents.list': (args, ctx) => listDocuments(ctx.db, args.year),
  'documents.templates': (_args, ctx) => listTemplates(ctx.db),
  'documents.saveTemplate': (args, ctx) => saveTemplate(ctx, args),
  'documents.decisionWording': (args, ctx) => decisionWording(ctx.db, args.id),
  'documents.saveDecisionWording': (args, ctx) => saveDecisionWording(ctx, args),
  'print.decisionDocx': async (args, ctx) => {
    const doc = buildDecisionPrint(ctx.db, { id: args.id, unit: args.unit, annexes: args.annexes, templates: args.templates, body: true }, today(ctx));
    return { fileName: `${doc.fileStem}.docx`, base64: (await decisionDocx(doc)).toString('base64') };
  },
  'print.reportSignature': (args, ctx) => reportSignature(ctx.db, args),
  'print.annexWorkbook': async (args, ctx) => {
    const doc = buildDecisionPrint(ctx.db, { id: args.id, unit: args.unit, annexes: args.annexes, templates: args.templates, orientation: args.orientation, body: false }, today(ctx));
    return { fileName: `phu-luc-${doc.fileStem}.xlsx`, base64: (await annexWorkbook(doc)).toString('base64') };
  },
  'print.chooseAnnexes': (args, ctx) => chooseAnnexes(ctx.db, args.id, args.unit, args.named, today(ctx)),
  'print.saveAnnexWorkbook': (args, ctx) => saveAnnexWorkbook(ctx, args),
};
