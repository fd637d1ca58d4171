import type { AsyncCommandName } from '../../shared/api/command-kinds';
import type { CommandArgs, CommandName, CommandOutput } from '../../shared/api/contract';
import type { CoreContext } from './context';

/** A synchronous handler: its database work is one SQLite transaction, done when it returns. */
export type SyncHandler<K extends CommandName> = (args: CommandArgs<K>, ctx: CoreContext) => CommandOutput<K>;
/** An async handler (its contract entry says `async: true`): it reads or writes a file around its transaction; only `invokeAsync` starts it. */
export type AsyncHandler<K extends CommandName> = (args: CommandArgs<K>, ctx: CoreContext) => Promise<CommandOutput<K>>;

/** A command's handler: async exactly when the contract lists the command as async (shared/api/command-kinds.ts). */
export type Handler<K extends CommandName> = K extends AsyncCommandName ? AsyncHandler<K> : SyncHandler<K>;

/** The one handler table every host dispatches; a missing command, or a Promise where none is declared, is a compile error. */
export type HandlerTable = { [K in CommandName]: Handler<K> };

/** A domain's part of the table: one handler for each command of its `<domain>Commands` map, no more, no less. */
export type HandlersOf<M> = { [K in keyof M & CommandName]: Handler<K> };
