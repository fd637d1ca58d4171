import { runCliAsync } from './cli';

// `sovon tasks list | head`: a reader that stops early is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

/**
 * Standard output gathered into pieces of about 64 KB: a --json report of 50,000 lines is written in a few dozen
 * writes rather than one per line. What is pending goes out before anything on standard error and at the end.
 */
const PIECE = 64 * 1024;
let pending: string[] = [];
let pendingLength = 0;
const flush = () => {
  if (pending.length === 0) return;
  process.stdout.write(pending.join(''));
  pending = [];
  pendingLength = 0;
};

process.exitCode = await runCliAsync(process.argv.slice(2), {
  out: (text) => {
    pending.push(text, '\n');
    pendingLength += text.length + 1;
    if (pendingLength >= PIECE) flush();
  },
  err: (text) => {
    flush();
    process.stderr.write(text + '\n');
  },
  env: process.env,
});
flush();
