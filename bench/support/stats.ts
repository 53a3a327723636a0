/** Order statistics shared by the benches. */

const ascending = (xs: number[]): number[] => [...xs].sort((a, b) => a - b)

/** The value at rank floor(p% of n), clamped to the last: the upper median for p = 50. */
export function percentile(xs: number[], p: number): number {
  const sorted = ascending(xs)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** The nearest-rank percentile, ceil(p% of n): the lower median for p = 50. */
export function nearestRank(xs: number[], p: number): number {
  const sorted = ascending(xs)
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
}
