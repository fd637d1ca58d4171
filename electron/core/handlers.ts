import path from 'node:path';
import type { CommandArgs, CommandName, CommandOutput } from '../../shared/api/contract';
import { createBackup } from './backup/backups';
import { backupList, backupNow, integrityCheck, restoreInPlace } from './backup/backup-commands';
import { storageWarnings } from './storage-warnings';
import { createAssignment, deleteAssignment, listAssignments, updateAssignment } from './assignments/assignments';
import type { CoreContext } from './context';
import { seedDemo } from './demo/seed-demo';
import { getOffice, listDistricts, requireOffice, setupOffice } from './office/office';
import { addSigner, retireSigner, signerList, updateSigner } from './office/signers';
import { catalogCounts, componentsForYear, referenceLists, unitCounts } from './reference/catalog';
import { schemaVersion } from './db/migrations';
import { createDraft, createImplementation, deleteDraft, duplicateDecision, rebaseDraft, stepDraftHistory, updateDraftHeader } from './decisions/drafts';
import { checkDecision, issueDecision, nextNumber } from './decisions/issue';
import { issueProposal } from './decisions/issue-proposal';
import { browseCatalog } from './reference/browse';
import { applyLineChanges } from './decisions/lines';
import { getDocument, listHeaders } from './decisions/store';
import { findDecision } from './decisions/find';
import { balance } from './ledger/balance';
import { listRules } from './rules/list';
import { planInForce } from './ledger/fold';
import { setAllocationDeadline } from './ledger/settings';
import { createDelegation, listDelegations } from './registers/delegations';
import { createOrganization, listOrganizations } from './registers/organizations';
import { createProject, listProjects, updateProject } from './registers/projects';
import { listRecipients } from './registers/recipients';
import { listTargets, saveTarget } from './registers/targets';
import { buildDecisionPrint } from './print/annexes';
import { decisionDocx } from './print/docx';
import { listDocuments } from './print/documents-hub';
import { annexWorkbook } from './print/xlsx';
import { reportSignature } from './print/report-signature';
import { decisionWording, listTemplates, saveDecisionWording, saveTemplate } from './print/wording-store';
import { createNotice, followupSummary, listNotices, listTasks, updateTask } from './followup/notices';
import { followupWorkbook } from './followup/export';
import { createInspection, listInspections, updateInspection } from './followup/inspections';
import { analyzeImport, asTask, commitImport } from './import/import-service';
import { recurrentSheet } from './recurrent/sheet';
import { createObstacle, escalateObstacle, listObstacles, replyToEscalation, updateObstacle } from './followup/obstacles';
import { exchangeHistory } from './exchange/exchange-log';
import { exportPackage } from './exchange/package-export';
import { importPackage } from './exchange/package-import';
import { exportReport } from './exchange/reports';
import { dashboard } from './disbursement/dashboard';
import { defaultCutoff } from './disbursement/default-cutoff';
import { createExtension, deadlines, deleteExtension, listExtensions, setWarnDays } from './disbursement/deadlines';
import { disbursementSheet, saveEntries } from './disbursement/entries';
import { analyzeKbnn, commitKbnn } from './disbursement/kbnn-import';
import { createBenchmark, deleteBenchmark, listBenchmarks, pacing, savePacing } from './disbursement/pacing';
import { progress } from './disbursement/progress';
import { officeLevelNotice, yearsWithData } from './office/working-year';
import { disbursementReport, reportWorkbook } from './disbursement/report';
import { vietnamDate } from '../../shared/format/today';

/**
 * Handlers are synchronous (one SQLite transaction each). Commands that build or read a workbook may return a Promise;
 * their database work still runs as one synchronous transaction, before or after the file work.
 */
export type Handler<K extends CommandName> = (args: CommandArgs<K>, ctx: CoreContext) => CommandOutput<K> | Promise<CommandOutput<K>>;

/** The one handler table every host dispatches; a missing command is a compile error here. */
export type HandlerTable = { [K in CommandName]: Handler<K> };

/** Today in Vietnam, whatever the machine's clock zone. */
const today = (ctx: CoreContext) => vietnamDate(ctx.now());

export function createHandlers(seedDir: string): HandlerTable {
  return {
    'app.info': (_args, ctx) => {
      const office = getOffice(ctx.db);
      return {
        office,
        schemaVersion: schemaVersion(ctx.db),
        dataFile: ctx.dataFile,
        warnings: storageWarnings(ctx.dataFile),
        catalog: catalogCounts(ctx.db),
        units: unitCounts(ctx.db),
        dataYears: office ? yearsWithData(ctx.db) : [],
        levelNotice: office ? officeLevelNotice(ctx.db, office.districtName, vietnamDate(ctx.now())) : null,
      };
    },
    'app.logError': (args, ctx) => {
      const page = Object.assign(new Error(args.message), { stack: args.stack ?? args.message });
      ctx.log.error(`Lỗi giao diện (${args.kind}) tại ${args.screen ?? '?'}: ${args.message}`, page);
      return { logged: true };
    },
    'office.districts': (_args, ctx) => listDistricts(ctx.db),
    'office.setup': (args, ctx) => setupOffice(ctx, args),
    'signers.list': (_args, ctx) => signerList(ctx.db),
    'signers.add': (args, ctx) => addSigner(ctx, args),
    'signers.update': (args, ctx) => updateSigner(ctx, args),
    'signers.retire': (args, ctx) => retireSigner(ctx, args),
    'catalog.components': (args, ctx) => componentsForYear(ctx.db, args.year),
    'reference.lists': (_args, ctx) => referenceLists(ctx.db),
    'catalog.browse': (_args, ctx) => browseCatalog(ctx.db),
    'assignments.list': (args, ctx) => {
      requireOffice(ctx.db);
      return listAssignments(ctx.db, args.year);
    },
    'assignments.create': (args, ctx) => createAssignment(ctx, args),
    'assignments.update': (args, ctx) => updateAssignment(ctx, args),
    'assignments.delete': (args, ctx) => deleteAssignment(ctx, args),
    'demo.seed': (_args, ctx) => seedDemo(ctx, seedDir),
    'import.analyze': (args, ctx) => asTask(ctx, args.taskId, 'Đọc tệp Excel', async (task) => (await analyzeImport(ctx, args, task)).preview),
    'import.commit': (args, ctx) => asTask(ctx, args.taskId, 'Nhập tệp Excel', (task) => commitImport(ctx, args, task)),
    'recurrent.sheet': (args, ctx) => recurrentSheet(ctx.db, args),
    'tasks.status': (args, ctx) => ctx.tasks.status(args.taskId),
    'tasks.cancel': (args, ctx) => ({ cancelled: ctx.tasks.cancel(args.taskId) }),
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
    'ledger.plan': (args, ctx) => planInForce(ctx.db, args.year, args.asOf ?? today(ctx), args.groupBy),
    'ledger.balance': (args, ctx) => balance(ctx.db, args.year, args),
    'rules.list': (_args, ctx) => listRules(ctx.db),
    'ledger.setAllocationDeadline': (args, ctx) => setAllocationDeadline(ctx, args),
    'recipients.list': (args, ctx) => listRecipients(ctx.db, args.date, requireOffice(ctx.db)),
    'organizations.list': (_args, ctx) => listOrganizations(ctx.db),
    'organizations.create': (args, ctx) => createOrganization(ctx, args),
    'projects.list': (_args, ctx) => listProjects(ctx.db),
    'projects.create': (args, ctx) => createProject(ctx, args),
    'projects.update': (args, ctx) => updateProject(ctx, args),
    'delegations.list': (_args, ctx) => listDelegations(ctx.db),
    'delegations.create': (args, ctx) => createDelegation(ctx, args),
    'print.decision': (args, ctx) => buildDecisionPrint(ctx.db, args, today(ctx)),
    'targets.list': (args, ctx) => listTargets(ctx.db, args.year),
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
    'targets.save': (args, ctx) => saveTarget(ctx, args),
    'exchange.exportPackage': (args, ctx) => exportPackage(ctx, args.year),
    // The database is copied once every check has passed, just before the import's transaction.
    'exchange.importPackage': (args, ctx) =>
      importPackage(ctx, args.fileName, args.base64, () => createBackup(ctx.db, path.dirname(ctx.dataFile), 'truoc-nhap-goi')),
    'exchange.exportReport': (args, ctx) => exportReport(ctx, args.year, { unit: args.unit ?? 'trieu', asOf: args.asOf ?? today(ctx) }),
    'exchange.history': (args, ctx) => exchangeHistory(ctx.db, args.year),
    'backups.list': (_args, ctx) => backupList(ctx),
    'backups.create': (_args, ctx) => backupNow(ctx),
    'backups.check': (_args, ctx) => integrityCheck(ctx),
    'backups.restore': (args, ctx) => restoreInPlace(ctx, args.file, args.confirmOtherOffice ?? false),
    'disbursement.sheet': (args, ctx) => {
      requireOffice(ctx.db);
      return disbursementSheet(ctx.db, args.year, args.cutoffDate);
    },
    'disbursement.save': (args, ctx) => saveEntries(ctx, args),
    'disbursement.progress': (args, ctx) => progress(ctx.db, args.year, args.asOf ?? today(ctx)),
    'disbursement.deadlines': (args, ctx) => deadlines(ctx.db, args.year, args.asOf ?? today(ctx)),
    'disbursement.dashboard': (args, ctx) => dashboard(ctx.db, args.year, args.asOf ?? defaultCutoff(ctx.db, args.year, vietnamDate(ctx.now()))),
    'disbursement.defaultCutoff': (args, ctx) => ({ date: defaultCutoff(ctx.db, args.year, vietnamDate(ctx.now())) }),
    'disbursement.setWarnDays': (args, ctx) => setWarnDays(ctx, args.warnDays),
    'disbursement.report': (args, ctx) => disbursementReport(ctx.db, args.year, args.asOf ?? today(ctx)),
    'disbursement.exportReport': async (args, ctx) => {
      const asOf = args.asOf ?? today(ctx);
      const signature = reportSignature(ctx.db, { signerId: args.signerId, number: args.number });
      return { fileName: `bao-cao-giai-ngan-${asOf}.xlsx`, base64: (await reportWorkbook(disbursementReport(ctx.db, args.year, asOf), signature)).toString('base64') };
    },
    'disbursement.analyze': (args, ctx) => asTask(ctx, undefined, 'Đọc sao kê KBNN', async (task) => (await analyzeKbnn(ctx, args, task)).preview),
    'disbursement.commit': (args, ctx) => asTask(ctx, undefined, 'Nhập sao kê KBNN', (task) => commitKbnn(ctx, args, task)),
    'extensions.list': (_args, ctx) => listExtensions(ctx.db),
    'extensions.create': (args, ctx) => createExtension(ctx, args),
    'extensions.delete': (args, ctx) => deleteExtension(ctx, args.id),
    'pacing.get': (args, ctx) => pacing(ctx.db, args.year, args.asOf ?? today(ctx)),
    'pacing.save': (args, ctx) => savePacing(ctx, args, today(ctx)),
    'benchmarks.list': (args, ctx) => listBenchmarks(ctx.db, args.year),
    'benchmarks.create': (args, ctx) => createBenchmark(ctx, args),
    'benchmarks.delete': (args, ctx) => deleteBenchmark(ctx, args.id),
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
  };
}
