import type { z } from 'zod';
import { commands, isCommandName, type CommandName, type CommandOutput } from '../../shared/api/contract';
import { err, ok, type Result } from '../../shared/api/result';
import type { CoreContext } from './context';
import { CoreError } from './errors';
import type { HandlerTable } from './handlers';

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(toàn bộ)'}: ${issue.message}`)
    .join('; ');
}

type Prepared = { error: Result<unknown> } | { run: () => unknown; name: CommandName };

function prepare(handlers: HandlerTable, ctx: CoreContext, name: unknown, rawInput: unknown): Prepared {
  if (!isCommandName(name)) {
    return { error: err('UNKNOWN_COMMAND', `Lệnh "${String(name)}" không tồn tại.`, { command: String(name) }) };
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

function failure(ctx: CoreContext, name: CommandName, error: unknown): Result<unknown> {
  if (error instanceof CoreError) return err(error.code, error.message, error.details);
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
  const prepared = prepare(handlers, ctx, name, rawInput);
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
  const prepared = prepare(handlers, ctx, name, rawInput);
  if ('error' in prepared) return prepared.error;
  try {
    return ok(await prepared.run());
  } catch (error) {
    return failure(ctx, prepared.name, error);
  }
}

export type Dispatcher = <K extends CommandName>(name: K, input: unknown) => Result<CommandOutput<K>>;
