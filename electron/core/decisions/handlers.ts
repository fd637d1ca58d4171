import path from 'node:path';
import type { HandlersOf } from '../handler-types';
import type { decisionsCommands } from '../../../shared/api/decisions';
import { createBackup } from '../backup/backups';
import { createDraft, createImplementation, deleteDraft, duplicateDecision, rebaseDraft, stepDraftHistory, updateDraftHeader } from './drafts';
import { findDecision } from './find';
import { checkDecision, issueDecision, nextNumber } from './issue';
import { issueProposal } from './issue-proposal';
import { applyLineChanges } from './lines';
import { getDocument, listHeaders } from './store';

export const decisionsHandlers: HandlersOf<typeof decisionsCommands> = {
  'decisions.list': (args, ctx) => listHeaders(ctx.db, args),
  'decisions.get': (args, ctx) => getDocument(ctx.db, args.id),
  'decisions.find': (args, ctx) => findDecision(ctx.db, args.ref, args.year),
  'decisions.create': (args, ctx) => createDraft(ctx, args),
  'decisions.createImplementation': (args, ctx) => createImplementation(ctx, args.resolutionId),
  'decisions.update': (args, ctx) => updateDraftHeader(ctx, args),
  'decisions.delete': (args, ctx) => deleteDraft(ctx, args),
  'decisions.duplicate': (args, ctx) => duplicateDecision(ctx, args),
  'decisions.lines.apply': (args, ctx) => applyLineChanges(ctx, args),
  'decisions.rebase': (args, ctx) => rebaseDraft(ctx, args),
  'decisions.undo': (args, ctx) => stepDraftHistory(ctx, args.decisionId, 'undo'),
  'decisions.redo': (args, ctx) => stepDraftHistory(ctx, args.decisionId, 'redo'),
  'decisions.check': (args, ctx) => checkDecision(ctx, args.id),
  'decisions.nextNumber': (args, ctx) => nextNumber(ctx.db, args.issuer, args.docDate),
  'decisions.issueProposal': (args, ctx) => issueProposal(ctx.db, args.id),
  // Issuing is final: the database is copied first, outside the issuing transaction.
  'decisions.issue': (args, ctx) => {
    createBackup(ctx.db, path.dirname(ctx.dataFile), 'truoc-ban-hanh');
    return issueDecision(ctx, args);
  },
};
