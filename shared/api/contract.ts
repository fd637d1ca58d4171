/**
 * The typed API contract: command name → zod input schema → result type.
 * The Electron preload, the web host and the CLI all dispatch the same handler table typed by this map,
 * so a command that some host lacks fails to compile.
 */
import { z } from 'zod';
import type {
  AppInfo,
  AssignmentChange,
  AssignmentSheet,
  ComponentOption,
  DemoSeedResult,
  DistrictOption,
  OfficeInfo,
  ReferenceLists,
  Signer,
  SignerList,
} from './types';
import { SIGNER_ROLE_CODES } from '../domain/signers';
import type { CatalogBrowse } from './catalog-types';
import type { Result } from './result';

import { amountInputSchema, capitalTypeSchema, command, empty, isoDate, shortText, year } from './schemas';
import { backupCommands } from './backup-contract';
import { exchangeCommands } from './exchange-contract';
import { disbursementCommands } from './disbursement-contract';
import { followupCommands } from './followup-contract';
import { importCommands } from './import-contract';
import { recurrentCommands } from './recurrent-contract';
import { ledgerCommands } from './ledger-contract';
import { documentCommands } from './documents-contract';
import { jobsCommands } from './jobs';

export { amountInputSchema, capitalTypeSchema, moneyUnitSchema, type AmountInput } from './schemas';

const assignmentFields = {
  componentCode: shortText(64).min(1),
  sourceCode: shortText(32).min(1),
  capitalType: capitalTypeSchema,
  originYear: year,
  amount: amountInputSchema,
  basisNumber: shortText(64),
  basisDate: isoDate.nullable(),
  basisIssuer: shortText(200),
  note: shortText(1000),
};

const assignmentPatchSchema = z.object(assignmentFields).partial().strict();

const signerRoleSchema = z.enum(SIGNER_ROLE_CODES);
/** A signer as set up: the role may be left out when the title names it ("Chủ tịch HĐND huyện"). */
const signerSchema = z.object({ name: shortText(100).min(1), title: shortText(100).min(1), roleCode: signerRoleSchema.optional() }).strict();


export const commands = {
  'app.info': command<AppInfo>()(empty),
  /** An error the page caught and nothing handled: written to the log file, where support looks first. */
  'app.logError': command<{ logged: true }>()(
    z.object({ kind: shortText(40), message: shortText(2000), stack: shortText(8000).optional(), screen: shortText(300).optional() }).strict(),
  ),
  'office.districts': command<DistrictOption[]>()(empty),
  'office.setup': command<OfficeInfo>()(
    z
      .object({
        districtCode: shortText(10).min(1),
        name: shortText(200).optional(),
        signers: z.array(signerSchema).max(20),
      })
      .strict(),
  ),
  /** Every signer of the office (retired ones too) and the roles an office has. */
  'signers.list': command<SignerList>()(empty),
  'signers.add': command<Signer>()(
    z.object({ name: shortText(100).min(1), title: shortText(100).min(1), roleCode: signerRoleSchema }).strict(),
  ),
  /** A new title or role (a promotion, a correction); decisions already issued keep the name and title they were issued with. */
  'signers.update': command<Signer>()(
    z
      .object({
        id: z.number().int().positive(),
        patch: z.object({ name: shortText(100).min(1), title: shortText(100).min(1), roleCode: signerRoleSchema }).partial().strict(),
      })
      .strict(),
  ),
  /** Retire (no longer offered for new decisions) or bring back a signer; a signer is never deleted. */
  'signers.retire': command<Signer>()(z.object({ id: z.number().int().positive(), retired: z.boolean() }).strict()),
  'catalog.components': command<ComponentOption[]>()(z.object({ year }).strict()),
  'reference.lists': command<ReferenceLists>()(empty),
  /** Every reference table for the Danh mục screen (read-only): both program periods, units, sources, reasons, rules. */
  'catalog.browse': command<CatalogBrowse>()(empty),
  'assignments.list': command<AssignmentSheet>()(z.object({ year }).strict()),
  'assignments.create': command<AssignmentChange>()(
    z
      .object({
        year,
        componentCode: assignmentFields.componentCode,
        sourceCode: assignmentFields.sourceCode,
        capitalType: assignmentFields.capitalType,
        originYear: year.optional(),
        amount: assignmentFields.amount,
        basisNumber: assignmentFields.basisNumber.optional(),
        basisDate: assignmentFields.basisDate.optional(),
        basisIssuer: assignmentFields.basisIssuer.optional(),
        note: assignmentFields.note.optional(),
      })
      .strict(),
  ),
  'assignments.update': command<AssignmentChange>()(
    z
      .object({
        id: z.number().int().positive(),
        patch: assignmentPatchSchema,
      })
      .strict(),
  ),
  'assignments.delete': command<AssignmentChange>()(z.object({ id: z.number().int().positive() }).strict()),
  'demo.seed': command<DemoSeedResult>()(empty),
  ...ledgerCommands,
  ...followupCommands,
  ...importCommands,
  ...recurrentCommands,
  ...exchangeCommands,
  ...backupCommands,
  ...disbursementCommands,
  ...documentCommands,
  ...jobsCommands,
} as const;

export type AssignmentPatch = z.infer<typeof assignmentPatchSchema>;

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
  onProgress(listener: (event: import('./jobs').JobEvent) => void): () => void;
  /** Desktop only: prints the current page to a PDF file the officer chooses; null when cancelled. */
  savePdf?(suggestedName: string): Promise<{ saved: boolean; path: string | null; error: string | null }>;
}
