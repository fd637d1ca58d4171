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

/**
 * Validates the raw input of a command against its schema, runs its handler and turns every outcome
 * into a Result. Unknown errors are logged with their stack and answered with a generic message.
 */
export function dispatch(handlers: HandlerTable, ctx: CoreContext, name: unknown, rawInput: unknown): Result<unknown> {
  if (!isCommandName(name)) {
    return err('UNKNOWN_COMMAND', `Lệnh "${String(name)}" không tồn tại.`, { command: String(name) });
  }
  const parsed = commands[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return err('INVALID_INPUT', `Dữ liệu gửi cho lệnh ${name} không hợp lệ — ${describeIssues(parsed.error.issues)}.`, {
      command: name,
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  try {
    const handler = handlers[name] as (args: unknown, ctx: CoreContext) => unknown;
    return ok(handler(parsed.data, ctx));
  } catch (error) {
    if (error instanceof CoreError) return err(error.code, error.message, error.details);
    ctx.log.error(`Lỗi nội bộ khi chạy ${name}`, error);
    return err('INTERNAL', 'Đã xảy ra lỗi nội bộ; thao tác không được ghi. Chi tiết đã được ghi vào tệp nhật ký.', { command: name });
  }
}

export type Dispatcher = <K extends CommandName>(name: K, input: unknown) => Result<CommandOutput<K>>;
