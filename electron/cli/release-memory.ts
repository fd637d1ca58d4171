/**
 * A full garbage collection between two phases of a long command (the import's analysis and its commit, which reads
 * the file again): without it V8 grows the heap around the first phase's garbage instead of reusing it, and a
 * 50,000-line workbook's commit peaked past the 300 MB the office laptop budget allows (issue 18).
 */
import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | null | undefined;

export function releaseMemory(): void {
  if (collect === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      collect = vm.runInNewContext('gc') as () => void;
    } catch {
      collect = null;
    }
  }
  collect?.();
}
