/**
 * How each command runs, as the hosts and the dispatcher must know it before running it, read from the `kind` each
 * domain's contract gives its commands (`command<O>()(schema, { async: true, reads: true })`, shared/api/schemas.ts):
 * - async: its handler returns a Promise (it reads or writes a file); only the awaiting path may start it
 *   (`invokeAsync`), and the handler table's type requires a Promise from exactly these handlers;
 * - reads: it never writes the database, so it runs at once, even while a long import is being written.
 *   Every other command mutates and passes through the core's one write queue, one after the other.
 * A command not marked `reads` is treated as mutating: slower to answer during an import, never wrong.
 */
import { commands, type CommandName, type Commands } from './contract';

export type AsyncCommandName = { [K in CommandName]: Commands[K]['kind'] extends { async: true } ? K : never }[CommandName];
/** The commands a synchronous caller may run (`core.invoke`): everything but the async ones. */
export type SyncCommandName = Exclude<CommandName, AsyncCommandName>;

const kindOf = (name: CommandName): { async?: true; reads?: true } => commands[name].kind;

export const isAsyncCommand = (name: CommandName): name is AsyncCommandName => kindOf(name).async === true;
export const isReadCommand = (name: CommandName): boolean => kindOf(name).reads === true;
