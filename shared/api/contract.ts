/**
 * The typed API contract: command name → zod input schema → result type.
 * Each domain declares its commands in `shared/api/<domain>.ts`; this file only gathers them.
 * The Electron preload, the web host and the CLI all dispatch the same handler table typed by this map,
 * so a command that some host lacks fails to compile.
 */
import type { z } from 'zod';
import type { Result } from './result';
import type { JobEvent } from './jobs';
import { appCommands } from './app';
import { officeCommands } from './office';
import { referenceCommands } from './reference';
import { assignmentsCommands } from './assignments';
import { decisionsCommands } from './decisions';
import { ledgerCommands } from './ledger';
import { rulesCommands } from './rules';
import { registersCommands } from './registers';
import { recurrentCommands } from './recurrent';
import { printCommands, type ReportPdfRequest } from './print';
import { importCommands } from './import';
import { exchangeCommands } from './exchange';
import { disbursementCommands } from './disbursement';
import { followupCommands } from './followup';
import { backupCommands } from './backup';
import { jobsCommands } from './jobs';
import { historyCommands } from './history';
import { transfersCommands } from './transfers';

export const commands = {
  ...appCommands,
  ...officeCommands,
  ...referenceCommands,
  ...assignmentsCommands,
  ...decisionsCommands,
  ...ledgerCommands,
  ...rulesCommands,
  ...registersCommands,
  ...recurrentCommands,
  ...printCommands,
  ...importCommands,
  ...exchangeCommands,
  ...disbursementCommands,
  ...followupCommands,
  ...backupCommands,
  ...jobsCommands,
  ...historyCommands,
  ...transfersCommands,
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
/** What a caller sends. */
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
/** What a handler receives after validation (trimmed, defaults applied). */
export type CommandArgs<K extends CommandName> = z.output<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = Commands[K]['output'];

export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(commands, name);
}

/** What the renderer sees as `window.api` (preload) or the web transport. */
export interface ApiClient {
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  /** Pushed progress of background jobs (IPC on the desktop, server-sent events on the web host); returns the unsubscribe. */
  onProgress(listener: (event: JobEvent) => void): () => void;
  /** Desktop only: prints the current page to a PDF file the officer chooses; null when cancelled. */
  savePdf?(suggestedName: string): Promise<{ saved: boolean; path: string | null; error: string | null }>;
  /** Web host only: the decision printed to PDF by the host's Chromium (`print.decision`'s input), to download. */
  decisionPdf?(input: CommandInput<'print.decision'>): Promise<Result<{ fileName: string; base64: string }>>;
  /** Web host only: a report of the hub (disbursement, follow-up) printed to PDF by the host's Chromium, to download. */
  reportPdf?(input: ReportPdfRequest): Promise<Result<{ fileName: string; base64: string }>>;
}
