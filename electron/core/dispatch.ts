import type { z } from 'zod';
import { commands, isCommandName, type CommandName, type CommandOutput } from '../../shared/api/contract';
import { err, ok, type Result } from '../../shared/api/result';
import type { CoreContext } from './context';
import { storageError } from './db/storage-errors';
import { CoreError } from './errors';
import type { HandlerTable } from './handlers';

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

const isPromise = (value: unknown): value is Promise<unknown> => typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * Validates the raw input of a command against its schema, runs its handler and turns every outcome
 * into a Result. Unknown errors are logged with their stack and answered with a generic message.
 * Commands that produce files (workbooks) finish asynchronously: call them through dispatchAsync.
 */
export function dispatch(handlers: HandlerTable, ctx: CoreContext, name: unknown, rawInput: unknown): Result<unknown> {
  const prepared = prepareSafely(handlers, ctx, name, rawInput);
  if ('error' in prepared) return prepared.error;
  try {
    const value = prepared.run();
    if (isPromise(value)) {
      value.catch(() => {});
      return err('INTERNAL', `Lệnh ${prepared.name} chạy bất đồng bộ; hãy gọi qua invokeAsync.`, { command: prepared.name });
    }
    return ok(value);
  } catch (error) {
    return failure(ctx, prepared.name, error);
  }
}

/** Like dispatch, and waits for commands that finish asynchronously (workbook exports and imports). */
export async function dispatchAsync(handlers: HandlerTable, ctx: CoreContext, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
  const prepared = prepareSafely(handlers, ctx, name, rawInput);
  if ('error' in prepared) return prepared.error;
  try {
    return ok(await prepared.run());
  } catch (error) {
    return failure(ctx, prepared.name, error);
  }
}

export type Dispatcher = <K extends CommandName>(name: K, input: unknown) => Result<CommandOutput<K>>;
