/** Runs the command line in this process as a test would read it: the exit code and everything it wrote. */
import { runCli, runCliAsync, type CliIo } from '../../electron/cli/cli';

export interface CliCapture {
  code: number;
  out: string;
  err: string;
}

function capture(): { io: CliIo; text: () => { out: string; err: string } } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t) => out.push(t), err: (t) => err.push(t), env: {} }, text: () => ({ out: out.join('\n'), err: err.join('\n') }) };
}

/** A synchronous command (`runCli`). */
export function cliRun(args: string[]): CliCapture {
  const c = capture();
  const code = runCli(args, c.io);
  return { code, ...c.text() };
}

/** Any command, the file-producing ones included (`runCliAsync`). */
export async function cliRunAsync(args: string[]): Promise<CliCapture> {
  const c = capture();
  const code = await runCliAsync(args, c.io);
  return { code, ...c.text() };
}
