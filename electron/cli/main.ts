import { runCliAsync } from './cli';

process.exitCode = await runCliAsync(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  env: process.env,
});
