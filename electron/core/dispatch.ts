import type { z } from 'zod';
import { isAsyncCommand, isReadCommand } from '../../shared/api/command-kinds';
import { commands, isCommandName, type CommandName } from '../../shared/api/contract';
import { err, ok, type Result } from '../../shared/api/result';
import type { CoreContext } from './context';
import { storageError } from './db/storage-errors';
import { CoreError } from './errors';
import type { HandlerTable } from './handler-types';
import { createWriteQueue } from './write-queue';

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : '(toàn bộ)'}: ${issue.message}`)
    .join('; ');
}

type Prepared = { error: Result<unknown> } | { run: () => unknown; name: CommandName };

/**
 * What an unknown command name was, for the message: a short string as given, anything else by its type. String()
 * is never called on it: a JSON object such as {"toString":1} makes String() throw.
 */
export function describeCommandName(name: unknown): string {
  if (typeof name === 'string') return name.length > 80 ? `${name.slice(0, 80)}…` : name;
  if (name === null) return 'null';
  if (Array.isArray(name)) return '(mảng)';
  if (typeof name === 'object') return '(đối tượng)';
  if (typeof name === 'number' || typeof name === 'boolean' || typeof name === 'bigint') return `${name}`;
  return `(${typeof name})`;
}

function prepare(handlers: HandlerTable, ctx: CoreContext, name: unknown, rawInput: unknown): Prepared {
  if (!isCommandName(name)) {
    const shown = describeCommandName(name);
    return { error: err('UNKNOWN_COMMAND', `Lệnh "${shown}" không tồn tại.`, { command: shown }) };
  }
  const parsed = commands[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return {
      error: err('INVALID_INPUT', `Dữ liệu gửi cho lệnh ${name} không hợp lệ — ${describeIssues(parsed.error.issues)}.`, {
        command: name,
        issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
      }),
    };
  }
  const handler = handlers[name] as (args: unknown, ctx: CoreContext) => unknown;
  return { run: () => handler(parsed.data, ctx), name };
}

/** Validation itself must not throw either (an input whose getters throw, a schema's own bug): logged, answered. */
function prepareSafely(handlers: HandlerTable, ctx: CoreContext, name: unknown, rawInput: unknown): Prepared {
  try {
    return prepare(handlers, ctx, name, rawInput);
  } catch (error) {
    ctx.log.error('Lỗi nội bộ khi kiểm tra một lệnh', error);
    return { error: err('INTERNAL', 'Đã xảy ra lỗi nội bộ khi kiểm tra lệnh; không có gì được ghi. Chi tiết đã được ghi vào tệp nhật ký.') };
  }
}

function failure(ctx: CoreContext, name: CommandName, error: unknown): Result<unknown> {
  if (error instanceof CoreError) return err(error.code, error.message, error.details);
  // A held lock, a full disk, a folder turned read-only: the transaction was rolled back; said as what it is.
  const storage = storageError(error, ctx.dataFile, 'ghi dữ liệu');
  if (storage) {
    ctx.log.error(`${name}: ${storage.message}`, error);
    return err(storage.code, storage.message, { command: name, ...storage.details });
  }
  ctx.log.error(`Lỗi nội bộ khi chạy ${name}`, error);
  return err('INTERNAL', 'Đã xảy ra lỗi nội bộ; thao tác không được ghi. Chi tiết đã được ghi vào tệp nhật ký.', { command: name });
}

/**
 * Runs commands for the hosts: validates the raw input against its schema, runs the handler, turns every outcome into
 * a Result. Unknown errors are logged with their stack and answered with a generic message. Mutating commands pass
 * through one write queue; reads run at once. `precheck` runs just before a command does (the data file replaced
 * under the core answers instead).
 */
export interface Dispatcher {
  /**
   * For synchronous callers (tests, the CLI's reads): never starts an async command (it is refused, nothing runs), and
   * refuses a write while a queued one is running rather than slip in between its steps.
   */
  invoke(name: unknown, rawInput: unknown): Result<unknown>;
  /** What every host calls: waits for the command, async or not, and for the writes queued before it. */
  invokeAsync(name: unknown, rawInput: unknown): Promise<Result<unknown>>;
}

export function createDispatcher(handlers: HandlerTable, ctx: CoreContext, precheck: () => Result<unknown> | null = () => null): Dispatcher {
  const queue = createWriteQueue();
  return {
    invoke(name, rawInput) {
      const prepared = prepareSafely(handlers, ctx, name, rawInput);
      if ('error' in prepared) return prepared.error;
      if (isAsyncCommand(prepared.name)) {
        return err('INTERNAL', `Lệnh ${prepared.name} chạy bất đồng bộ nên phải được gọi qua invokeAsync; lệnh chưa chạy, không có gì được ghi.`, { command: prepared.name });
      }
      if (!isReadCommand(prepared.name) && queue.busy) {
        return err('BUSY', `Một thao tác ghi dữ liệu khác đang chạy (ví dụ đang nhập tệp); lệnh ${prepared.name} chưa chạy, không có gì được ghi. Hãy làm lại sau khi thao tác đó xong.`, { command: prepared.name });
      }
      const replaced = precheck();
      if (replaced) return replaced;
      try {
        return ok(prepared.run());
      } catch (error) {
        return failure(ctx, prepared.name, error);
      }
    },
    async invokeAsync(name, rawInput) {
      const prepared = prepareSafely(handlers, ctx, name, rawInput);
      if ('error' in prepared) return prepared.error;
      const run = async (): Promise<Result<unknown>> => {
        const replaced = precheck();
        if (replaced) return replaced;
        try {
          return ok(await prepared.run());
        } catch (error) {
          return failure(ctx, prepared.name, error);
        }
      };
      return isReadCommand(prepared.name) ? run() : queue.run(run);
    },
  };
}
