// A dudect-style timing test (Reparaz, Balasch and Verbauwhede, "Dude, is my code constant
// time?", 2017). Two classes of inputs are timed in a random interleaving: b differing from a in
// its first unit (an early-exit comparison stops at once) and b differing in its last unit (it
// reads everything). Both classes give the same result, false: with an equal b as a class, the
// time of whatever the caller does with a true rather than a false (V8 materialises booleans with
// a branch) showed up as a leak of the result, which the caller is given anyway. Welch's t
// statistic compares the two classes' times, over all measurements and over the measurements
// below each of several percentiles (the crops cut the tail that interrupts and collections add,
// where a small leak would drown). A comparison is flagged when any |t| passes THRESHOLD.

/** dudect's bound: |t| above 4.5 says the classes differ (about 7e-6 for one t under no leak). */
export const THRESHOLD = 4.5

/** The percentiles at which measurements are cropped, plus none (1). */
const CROPS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1]

interface Moments {
  n: number
  mean: number
  m2: number
}

const empty = (): Moments => ({ n: 0, mean: 0, m2: 0 })

/** Welford's update of a running mean and sum of squared deviations. */
function add(m: Moments, x: number): void {
  m.n++
  const d = x - m.mean
  m.mean += d / m.n
  m.m2 += d * (x - m.mean)
}

/** Welch's t of two samples' moments; 0 while either is too small. */
export function welch(a: Moments, b: Moments): number {
  if (a.n < 2 || b.n < 2) return 0
  const va = a.m2 / (a.n - 1)
  const vb = b.m2 / (b.n - 1)
  const se = Math.sqrt(va / a.n + vb / b.n)
  return se === 0 ? 0 : (a.mean - b.mean) / se
}

export interface Verdict {
  /** The largest |t| over the crops. */
  t: number
  /** Measurements per class. */
  n: number
  /** Median time of one call, in nanoseconds, each class. */
  median: [number, number]
  leaky: boolean
}

/**
 * Times `compare(a, first)` against `compare(a, last)`, `samples` times in all, each sample a
 * batch of `batch` calls of one class (a batch, not one call, so the clock's own cost does not
 * swamp a 30 ns comparison), classes picked by a fair coin. `choose(c)`, if given, makes the
 * input of class c instead (as when one buffer is rewritten for each class).
 */
export function dudect<T>(
  compare: (a: T, b: T) => boolean,
  [a, first, last]: [T, T, T],
  { samples = 200_000, batch = 8 } = {},
  choose?: (c: number) => T,
): Verdict {
  const inputs = [first, last]
  const pick = choose ?? ((c: number) => inputs[c])
  const classes = new Uint8Array(samples)
  for (let i = 0; i < samples; i++) classes[i] = Math.random() < 0.5 ? 0 : 1
  const times = new Float64Array(samples)
  let sink = 0
  // Warm-up, so the comparison is compiled before anything counts.
  for (let i = 0; i < 20_000; i++) sink ^= +compare(a, inputs[i & 1])
  for (let i = 0; i < samples; i++) {
    const b = pick(classes[i])
    const start = process.hrtime.bigint()
    for (let k = 0; k < batch; k++) sink ^= +compare(a, b)
    times[i] = Number(process.hrtime.bigint() - start)
  }
  if (sink === 2) throw new Error('unreachable: keeps the calls alive')
  // The first tenth sets the crops' thresholds and is not tested.
  const head = Math.floor(samples / 10)
  const sorted = Float64Array.from(times.subarray(0, head)).sort()
  const limits = CROPS.map((p) => (p === 1 ? Number.POSITIVE_INFINITY : sorted[Math.floor(p * (head - 1))]))
  const moments = limits.map(() => [empty(), empty()])
  for (let i = head; i < samples; i++) {
    const x = times[i]
    limits.forEach((limit, j) => {
      if (x <= limit) add(moments[j][classes[i]], x)
    })
  }
  const t = Math.max(...moments.map(([m0, m1]) => Math.abs(welch(m0, m1))))
  const median = (c: number) => {
    const xs = Array.from(times.subarray(head)).filter((_, i) => classes[head + i] === c)
    xs.sort((x, y) => x - y)
    return xs[xs.length >> 1] / batch
  }
  return { t, n: moments[moments.length - 1][0].n, median: [median(0), median(1)], leaky: t > THRESHOLD }
}

/** An early-exit comparison of bytes: the calibration's leak, which the test must flag. */
export function leakyBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** The same for strings, by code units. */
export function leakyStrings(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false
  return true
}
