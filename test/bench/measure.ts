// Shared by the benchmarks: the figures written at the end, and the two ways of timing.
export type Unit = 'ms' | 'MB' | 'ratio' | 'count';

export const figures: Record<string, { value: number; unit: Unit }> = {};

export const record = (name: string, value: number, unit: Unit) => {
  figures[name] = { value: Math.round(value * 100) / 100, unit };
  console.log(`${name}: ${figures[name].value} ${unit}`);
};

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export const time = (fn: () => void) => {
  const start = performance.now();
  fn();
  return performance.now() - start;
};

/** Median of `runs` timings of `fn`. */
export const medianOf = (runs: number, fn: () => void) => median(Array.from({ length: runs }, () => time(fn)));
