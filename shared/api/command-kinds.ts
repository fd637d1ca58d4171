/**
 * How each command runs, as the hosts and the dispatcher must know it before running it:
 * - async: its handler returns a Promise (it reads or writes a file); only the awaiting path may start it
 *   (`invokeAsync`), and the handler table's type requires a Promise from exactly these handlers;
 * - read: it never writes the database, so it runs at once, even while a long import is being written.
 *   Every other command mutates and passes through the core's one write queue, one after the other.
 * A command left out of READ_COMMANDS is treated as mutating: slower to answer during an import, never wrong.
 */
import type { CommandName } from './contract';

export const ASYNC_COMMANDS = [
  'import.analyze',
  'import.commit',
  'disbursement.analyze',
  'disbursement.commit',
  'disbursement.exportReport',
  'exchange.exportPackage',
  'exchange.exportReport',
  'exchange.importPackage',
  'history.importPackage',
  'followup.export',
  'print.decisionDocx',
  'print.annexWorkbook',
  'print.saveAnnexWorkbook',
] as const satisfies readonly CommandName[];

export const READ_COMMANDS = [
  'app.info',
  'app.logError',
  'office.districts',
  'signers.list',
  'catalog.components',
  'catalog.browse',
  'reference.lists',
  'assignments.list',
  'import.analyze',
  'recurrent.sheet',
  'jobs.status',
  'jobs.cancel',
  'decisions.list',
  'decisions.get',
  'decisions.find',
  'decisions.check',
  'decisions.nextNumber',
  'decisions.issueProposal',
  'ledger.plan',
  'ledger.balance',
  'rules.list',
  'recipients.list',
  'organizations.list',
  'projects.list',
  'delegations.list',
  'print.decision',
  'print.decisionDocx',
  'print.annexWorkbook',
  'print.saveAnnexWorkbook',
  'print.chooseAnnexes',
  'print.reportSignature',
  'targets.list',
  'obstacles.list',
  'notices.list',
  'tasks.list',
  'inspections.list',
  'followup.summary',
  'followup.export',
  'exchange.history',
  'history.show',
  'transfers.check',
  'transfers.list',
  'backups.list',
  'backups.check',
  'disbursement.sheet',
  'disbursement.progress',
  'disbursement.deadlines',
  'disbursement.dashboard',
  'disbursement.defaultCutoff',
  'disbursement.report',
  'disbursement.exportReport',
  'disbursement.analyze',
  'extensions.list',
  'pacing.get',
  'benchmarks.list',
  'documents.list',
  'documents.templates',
  'documents.decisionWording',
] as const satisfies readonly CommandName[];

export type AsyncCommandName = (typeof ASYNC_COMMANDS)[number];
/** The commands a synchronous caller may run (`core.invoke`): everything but the async ones. */
export type SyncCommandName = Exclude<CommandName, AsyncCommandName>;

const asyncCommands: ReadonlySet<string> = new Set(ASYNC_COMMANDS);
const readCommands: ReadonlySet<string> = new Set(READ_COMMANDS);

export const isAsyncCommand = (name: CommandName): name is AsyncCommandName => asyncCommands.has(name);
export const isReadCommand = (name: CommandName): boolean => readCommands.has(name);
