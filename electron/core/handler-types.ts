import type { CommandArgs, CommandName, CommandOutput } from '../../shared/api/contract';
import type { CoreContext } from './context';

/**
 * Handlers are synchronous (one SQLite transaction each). Commands that build or read a workbook may return a Promise;
 * their database work still runs as one synchronous transaction, before or after the file work.
 */
export type Handler<K extends CommandName> = (args: CommandArgs<K>, ctx: CoreContext) => CommandOutput<K> | Promise<CommandOutput<K>>;

/** The one handler table every host dispatches; a missing command is a compile error here. */
export type HandlerTable = { [K in CommandName]: Handler<K> };

/** A domain's part of the table: one handler for each command of its `<domain>Commands` map, no more, no less. */
export type HandlersOf<M> = { [K in keyof M & CommandName]: Handler<K> };
