/**
 * The one handler table: each domain's `electron/core/<domain>/handlers.ts` answers the commands of its
 * `shared/api/<domain>.ts`; this file only gathers them. A command added to a domain's contract and not to its
 * handlers fails to compile there.
 */
import type { HandlerTable } from './handler-types';
import { appHandlers } from './app/handlers';
import { officeHandlers } from './office/handlers';
import { referenceHandlers } from './reference/handlers';
import { assignmentsHandlers } from './assignments/handlers';
import { decisionsHandlers } from './decisions/handlers';
import { ledgerHandlers } from './ledger/handlers';
import { rulesHandlers } from './rules/handlers';
import { registersHandlers } from './registers/handlers';
import { recurrentHandlers } from './recurrent/handlers';
import { printHandlers } from './print/handlers';
import { importHandlers } from './import/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { disbursementHandlers } from './disbursement/handlers';
import { followupHandlers } from './followup/handlers';
import { backupHandlers } from './backup/handlers';
import { jobsHandlers } from './jobs/handlers';
import { historyHandlers } from './history/handlers';
import { transfersHandlers } from './transfers/handlers';

export type { Handler, HandlerTable } from './handler-types';

export function createHandlers(seedDir: string): HandlerTable {
  return {
    ...appHandlers(seedDir),
    ...officeHandlers,
    ...referenceHandlers,
    ...assignmentsHandlers,
    ...decisionsHandlers,
    ...ledgerHandlers,
    ...rulesHandlers,
    ...registersHandlers,
    ...recurrentHandlers,
    ...printHandlers,
    ...importHandlers,
    ...exchangeHandlers,
    ...disbursementHandlers,
    ...followupHandlers,
    ...backupHandlers,
    ...jobsHandlers,
    ...historyHandlers,
    ...transfersHandlers,
  };
}
