// Small measurement helpers: batches timed with hrtime, medians, formatted ratios.

/** Median of numbers. */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Operations per second of one batch of `iterations` calls of `fn`. */
export function opsPerSecond(fn, iterations) {
  const start = process.hrtime.bigint()
  for (let i = 0; i < iterations; i += 1) fn()
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  return iterations / seconds
}

/**
 * Measures each candidate in interleaved batches (so drift and GC hit all alike) and returns
 * { name: medianOpsPerSecond }.
 */
export function compare(candidates, { iterations, batches, warmup = 3 }) {
  const samples = Object.fromEntries(Object.keys(candidates).map((name) => [name, []]))
  for (let round = 0; round < warmup + batches; round += 1) {
    for (const [name, fn] of Object.entries(candidates)) {
      const rate = opsPerSecond(fn, iterations)
      if (round >= warmup) samples[name].push(rate)
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, rates]) => [name, median(rates)]))
}

export function formatRate(rate) {
  return rate >= 1e6 ? `${(rate / 1e6).toFixed(2)} M/s` : `${(rate / 1e3).toFixed(1)} k/s`
}

export function formatMicros(rate) {
  return `${(1e6 / rate).toFixed(2)} µs`
}
