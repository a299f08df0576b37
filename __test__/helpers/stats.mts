// Chi-square goodness of fit, for the uniformity tests. Each test states the bug it targets and
// how far that bug pushes the statistic past the threshold.

import type { ExecutionContext } from 'ava'

/** False-alarm rate of every statistical test: a correct implementation fails one test in 10**6 runs. */
export const ALPHA = 1e-6

function logGamma(x: number): number {
  // Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0.
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ]
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  x -= 1
  let a = c[0]
  const t = x + 7.5
  for (let i = 1; i < 9; i++) a += c[i] / (x + i)
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a)
}

/** Regularized upper incomplete gamma Q(a, x), by series or continued fraction. */
function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1
  const lead = Math.exp(-x + a * Math.log(x) - logGamma(a))
  if (x < a + 1) {
    let sum = 1 / a
    let term = sum
    for (let n = 1; n < 10000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n)
      sum += term
    }
    return 1 - sum * lead
  }
  // Lentz's method for the continued fraction.
  const tiny = 1e-300
  let b = x + 1 - a
  let c = 1 / tiny
  let d = 1 / b
  let h = d
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a)
    b += 2
    d = an * d + b
    if (Math.abs(d) < tiny) d = tiny
    c = b + an / c
    if (Math.abs(c) < tiny) c = tiny
    d = 1 / d
    const delta = d * c
    h *= delta
    if (Math.abs(delta - 1) < 1e-16) break
  }
  return lead * h
}

/** Upper tail probability of a chi-square statistic with `df` degrees of freedom. */
export function chiSquareP(stat: number, df: number): number {
  return gammaQ(df / 2, stat / 2)
}

/**
 * Pearson's chi-square of observed counts against expected probabilities (uniform when omitted).
 * Returns the statistic and its p-value.
 */
export function chiSquare(counts: readonly number[], probabilities?: readonly number[]): { stat: number; p: number } {
  const total = counts.reduce((a, b) => a + b, 0)
  let stat = 0
  counts.forEach((observed, i) => {
    const expected = total * (probabilities ? probabilities[i] : 1 / counts.length)
    stat += (observed - expected) ** 2 / expected
  })
  return { stat, p: chiSquareP(stat, counts.length - 1) }
}

/** Counts of `values` by `bucket(value)` in `[0, buckets)`. */
export function tally<T>(values: Iterable<T>, buckets: number, bucket: (value: T) => number = (x) => x as number): number[] {
  const counts = new Array<number>(buckets).fill(0)
  for (const value of values) counts[bucket(value)]++
  return counts
}

/** Counts of `draw()` results over `samples` draws, by `bucket(result)` in `[0, buckets)`. */
export function histogram<T>(samples: number, buckets: number, draw: (_: unknown, i: number) => T, bucket?: (value: T) => number): number[] {
  return tally(Array.from({ length: samples }, draw), buckets, bucket)
}

/** Asserts that `counts` fit `probabilities` (uniform when omitted) at the ALPHA level. */
export function assertFits(t: ExecutionContext, counts: readonly number[], probabilities: readonly number[] | undefined, what: string): void {
  const { stat, p } = chiSquare(counts, probabilities)
  t.true(p > ALPHA, `${what}: chi-square ${stat.toFixed(1)} on ${counts.length - 1} df, p = ${p.toExponential(2)} <= ${ALPHA}`)
}
