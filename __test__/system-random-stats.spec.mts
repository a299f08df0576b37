// Statistical tests of SystemRandom. Each states the bug it targets and how far that bug pushes
// the statistic past its threshold. Chi-square tests fail at p <= ALPHA (10**-6); the moment
// tests use |z| < 5.6, a two-sided false alarm of 2.1e-8 a check for a normal statistic. The
// sample variances of skewed distributions (exponential, gamma(0.5), Pareto, log-normal) have
// heavier tails than that at 20000 draws, so their checks raise false alarms more often, though
// still rarely.
import type { ExecutionContext } from 'ava'

import { SystemRandom } from 'napi-secrets'
import { assertFits, histogram } from './helpers/stats.mjs'
import test from './helpers/test.mjs'

const rng = new SystemRandom()
const Z = 5.6

// ---- integers and sequences ----

const PERMUTATIONS = (() => {
  const out: string[] = []
  const extend = (prefix: number[], rest: number[]): unknown =>
    rest.length === 0
      ? out.push(prefix.join(''))
      : rest.forEach((x, i) => extend([...prefix, x], rest.filter((_, j) => j !== i)))
  extend([], [0, 1, 2, 3])
  return out
})()

test('shuffle of 4 elements gives each of the 24 permutations equally often', (t) => {
  // 24000 shuffles, 1000 expected per permutation; the threshold on 23 df is 70.6. Measured
  // here: a naive `sort(() => Math.random() - 0.5)` scores about 27000, the classic swap with
  // any position (j = randbelow(n)) about 800, Sattolo's off-by-one (j = randbelow(i)) about
  // 72000, and a loop that stops one step early about 24000.
  for (const make of [() => [0, 1, 2, 3], () => new Int32Array([0, 1, 2, 3])]) {
    const counts = histogram(24000, 24, () => {
      const x = make()
      rng.shuffle(x)
      return PERMUTATIONS.indexOf(x.join(''))
    })
    assertFits(t, counts, undefined, `shuffle of ${make().constructor.name}`)
  }
})

test('randint(1, 6) is a fair die, with both ends included', (t) => {
  // 6000 rolls. randrange(1, 6) in its place never rolls a 6: the chi-square on 5 df rises to
  // about 1200 against a threshold of 35.9. A 0 or a 7 (randint(0, 6), randint(1, 7)) fails at
  // once, counted apart.
  for (const [lo, hi, toIndex] of [[1, 6, (r: number | bigint) => Number(r) - 1], [1n, 6n, (r: number | bigint) => Number(r) - 1]] as const) {
    let outside = 0
    const counts = histogram(6000, 6, () => rng.randint(lo, hi), (r) => {
      const i = toIndex(r)
      if (i >= 0 && i < 6) return i
      outside++
      return 0
    })
    t.is(outside, 0, 'values outside [1, 6]')
    assertFits(t, counts, undefined, `randint(${lo}, ${hi})`)
  }
})

test('randrange(-10, 10, 3) is uniform over its seven values', (t) => {
  // -10, -7, ..., 8: ceil(20 / 3) values. Counting floor(20 / 3) = 6 never draws the 8, and
  // counting 8 draws an 11: at 7000 draws either adds 1000 or more to the chi-square on 6 df,
  // whose threshold is 38.3.
  let outside = 0
  const counts = histogram(7000, 7, () => rng.randrange(-10, 10, 3), (r) => {
    if ((r + 10) % 3 === 0 && r >= -10 && r <= 8) return (r + 10) / 3
    outside++
    return 0
  })
  t.is(outside, 0)
  assertFits(t, counts, undefined, 'randrange(-10, 10, 3)')
})

test('a number range wider than 2**53 is exact: every residue, every quarter', (t) => {
  // An offset drawn in number arithmetic over the whole width (near 2**54) is rounded to an even
  // number whenever it passes 2**53: residues 0 and 2 (mod 4) then get 3/8 each and 1 and 3 get
  // 1/8, adding about 500 at 2000 draws to a chi-square whose threshold on 3 df is 30.7.
  const lo = -Number.MAX_SAFE_INTEGER
  const hi = Number.MAX_SAFE_INTEGER
  for (const [what, f] of [['randrange', () => rng.randrange(lo, hi)], ['randint', () => rng.randint(lo, hi)]] as const) {
    const draws = Array.from({ length: 2000 }, f)
    const residue = (r: number | bigint) => Number((BigInt(r) - BigInt(lo)) % 4n)
    assertFits(t, histogram(draws.length, 4, (_, i) => draws[i], residue), undefined, `${what}: offsets mod 4`)
    const quarter = (r: number) => Math.min(3, Math.floor(((r - lo) / (hi - lo)) * 4))
    assertFits(t, histogram(draws.length, 4, (_, i) => draws[i], quarter), undefined, `${what}: quarters`)
  }
})

test('random() has 53 random bits: the lowest is a fair coin, the top uniform', (t) => {
  // A random() built on 52 bits, or on a float product, leaves the lowest bit at 0: a
  // chi-square of 4000 on 1 df at 4000 draws (threshold 24.0).
  const draws = Array.from({ length: 4000 }, () => rng.random())
  assertFits(t, histogram(draws.length, 2, (_, i) => draws[i], (r) => (r * 2 ** 53) % 2), undefined, 'lowest bit')
  assertFits(t, histogram(draws.length, 16, (_, i) => draws[i], (r) => Math.floor(r * 16)), undefined, 'sixteenths')
})

test('sample never repeats a position, dense or sparse', (t) => {
  // Positions are the values themselves, so a repeat shows as a duplicate. Up to n = 4k the
  // population is laid out in full, past it the moved positions are kept in a Map: the small
  // cases past the bound (13 and 25) move a position twice in about one sample in 50, where a
  // lost move shows as a repeat.
  const cases = [
    [5, 5, 20], [10, 9, 20], [1000, 999, 20], [13, 3, 2000], [25, 6, 1000], [10 ** 6, 500, 20], [2 ** 50, 200, 20],
  ]
  for (const [n, k, rounds] of cases) {
    const positions = new Proxy({ length: n }, { get: (target, key) => (key === 'length' ? n : Number(key)) })
    for (let round = 0; round < rounds; round++) {
      const picked = rng.sample(positions, k)
      t.is(new Set(picked).size, k, `sample of ${k} from ${n}`)
    }
  }
  // With counts, repeats of an element are distinct positions: never more than its count.
  for (let round = 0; round < 200; round++) {
    const picked = rng.sample(['a', 'b', 'c'], 5, { counts: [2, 2, 1] })
    const count = (x: unknown) => picked.filter((y) => y === x).length
    t.true(count('a') <= 2 && count('b') <= 2 && count('c') <= 1, picked.join())
  }
})

test('sample of 2 gives every ordered pair equally often, from 4 and from 9', (t) => {
  // From 4, range(4) is laid out in full; from 9, only moved positions are kept. 500 samples
  // expected per pair: thresholds 48.9 on 11 df and 142.7 on 71 df. A partial shuffle drawing j
  // from [i, n - 1) instead of [i, n) never picks the last element first (a chi-square near
  // 2 * 500 * (n - 1)), and a moved position recorded as its index instead of its value repeats
  // or loses elements.
  for (const n of [4, 9]) {
    const pairs: string[] = []
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) pairs.push(`${a},${b}`)
    const population = Array.from({ length: n }, (_, i) => i)
    const counts = histogram(500 * pairs.length, pairs.length, () => pairs.indexOf(rng.sample(population, 2).join()))
    assertFits(t, counts, undefined, `ordered pairs from ${n}`)
  }
})

test('sample with counts weighs elements by their counts', (t) => {
  // counts [1, 3]: 'a' one time in four. Bisecting to the left of equal totals would give 'a'
  // half the time: a chi-square near 2700 at 8000 draws (threshold 24.0 on 1 df).
  const counts = histogram(8000, 2, () => rng.sample(['a', 'b'], 1, { counts: [1, 3] })[0], (x) => (x === 'a' ? 0 : 1))
  assertFits(t, counts, [0.25, 0.75], 'counts [1, 3]')
})

test('weighted choices follow the weights, and a weight of zero is never chosen', (t) => {
  // weights [1, 2, 3, 0, 4] over 50000 draws. Ignoring the weights (a uniform pick) adds about
  // 15000 to the chi-square on 3 df (threshold 30.7); picking the element after the right one
  // gives the zero-weight element a share, failing at once.
  for (const options of [{ weights: [1, 2, 3, 0, 4] }, { cumWeights: [1, 3, 6, 6, 10] }]) {
    const picks = rng.choices('abcde', { ...options, k: 50000 })
    const counts = [...'abcde'].map((c) => picks.filter((x) => x === c).length)
    t.is(counts[3], 0, 'zero weight chosen')
    assertFits(t, [counts[0], counts[1], counts[2], counts[4]], [0.1, 0.2, 0.3, 0.4], Object.keys(options)[0])
  }
})

test('unweighted choices draw exact indices, not floor(random() * n)', (t) => {
  // For n = 3 * 2**51, floor(random() * n) is floor(3m / 4) for a 53-bit m: residues 0, 1 and 2
  // (mod 3) come 1/2, 1/4 and 1/4 of the time, a chi-square near 3750 at 30000 draws
  // (threshold 27.6 on 2 df).
  const n = 3 * 2 ** 51
  const indices = new Proxy({ length: n }, { get: (target, key) => (key === 'length' ? n : Number(key)) })
  const picks = rng.choices(indices, { k: 30000 })
  assertFits(t, histogram(picks.length, 3, (_, i) => picks[i] as number, (r) => r % 3), undefined, 'residues mod 3')
})

// ---- distributions ----

/** Asserts that the sample mean and variance (about the true mean) are within Z standard errors. */
function assertMoments(t: ExecutionContext, what: string, draws: number[], mean: number, variance: number, excessKurtosis: number): void {
  const n = draws.length
  const sampleMean = draws.reduce((a, x) => a + x, 0) / n
  const sampleVariance = draws.reduce((a, x) => a + (x - mean) ** 2, 0) / n
  // The mean of (x - mean)**2 has variance (mu4 - sigma**4) / n = sigma**4 (kurtosis + 2) / n.
  const meanZ = (sampleMean - mean) / Math.sqrt(variance / n)
  const varianceZ = (sampleVariance - variance) / (variance * Math.sqrt((excessKurtosis + 2) / n))
  t.true(Math.abs(meanZ) < Z, `${what}: mean ${sampleMean} vs ${mean}, z = ${meanZ.toFixed(1)}`)
  t.true(Math.abs(varianceZ) < Z, `${what}: variance ${sampleVariance} vs ${variance}, z = ${varianceZ.toFixed(1)}`)
}

const draw = (n: number, f: () => number): number[] => Array.from({ length: n }, f)
const N = 20000

test('continuous distributions have their means and variances', (t) => {
  // At 20000 draws the bounds are about 4% of sigma for the mean and 4 to 15% of the variance:
  // the usual mistakes (rate for scale in expovariate and gammavariate, variance for deviation
  // in the normals, a swapped alpha and beta) move them by 30% or more.
  const ln = { mu: 0.5, s2: 0.4 ** 2 }
  const beta = (a: number, b: number): [number, number, number] => [a / (a + b), (a * b) / ((a + b) ** 2 * (a + b + 1)),
    (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3))]
  const g15 = Math.sqrt(Math.PI) / 2
  const cases: [string, () => number, number, number, number][] = [
    ['uniform(2, 5)', () => rng.uniform(2, 5), 3.5, 0.75, -1.2],
    ['triangular(1, 4, 2)', () => rng.triangular(1, 4, 2), 7 / 3, 7 / 18, -0.6],
    ['triangular()', () => rng.triangular(), 0.5, 1 / 24, -0.6],
    ['normalvariate(3, 2)', () => rng.normalvariate(3, 2), 3, 4, 0],
    ['gauss(-1, 0.5)', () => rng.gauss(-1, 0.5), -1, 0.25, 0],
    ['lognormvariate(0.5, 0.4)', () => rng.lognormvariate(ln.mu, 0.4), Math.exp(ln.mu + ln.s2 / 2),
      (Math.exp(ln.s2) - 1) * Math.exp(2 * ln.mu + ln.s2),
      Math.exp(4 * ln.s2) + 2 * Math.exp(3 * ln.s2) + 3 * Math.exp(2 * ln.s2) - 6],
    ['expovariate(2.5)', () => rng.expovariate(2.5), 0.4, 0.16, 6],
    ['expovariate(-2)', () => rng.expovariate(-2), -0.5, 0.25, 6],
    ['gammavariate(0.5, 2)', () => rng.gammavariate(0.5, 2), 1, 2, 12],
    ['gammavariate(1, 3)', () => rng.gammavariate(1, 3), 3, 9, 6],
    ['gammavariate(4.5, 0.5)', () => rng.gammavariate(4.5, 0.5), 2.25, 1.125, 6 / 4.5],
    ['betavariate(2, 5)', () => rng.betavariate(2, 5), ...beta(2, 5)],
    ['betavariate(0.5, 0.5)', () => rng.betavariate(0.5, 0.5), ...beta(0.5, 0.5)],
    ['paretovariate(10)', () => rng.paretovariate(10), 10 / 9, 10 / (81 * 8), (6 * 1038) / 420],
    // Weibull with shape 2: raw moments 3**k * Gamma(1 + k / 2).
    ['weibullvariate(3, 2)', () => rng.weibullvariate(3, 2), 3 * g15, 9 * (1 - g15 ** 2), 0.2450893006876],
  ]
  for (const [what, f, mean, variance, kurtosis] of cases) assertMoments(t, what, draw(N, f), mean, variance, kurtosis)
})

/** The modified Bessel function I_n(x), by its series. */
function besselI(n: number, x: number): number {
  let term = (x / 2) ** n
  for (let k = 1; k <= n; k++) term /= k
  let sum = term
  for (let k = 1; k < 60; k++) {
    term *= (x / 2) ** 2 / (k * (k + n))
    sum += term
  }
  return sum
}

test('vonmisesvariate centres on mu with the concentration kappa gives', (t) => {
  // E[cos(theta - mu)] = I1(kappa) / I0(kappa), E[sin(theta - mu)] = 0. At 20000 draws the
  // bound on the mean cosine is about 0.016 for kappa 2 (0.698): a kappa off by 10% moves it
  // 0.03, a mean direction off by 0.1 radian moves the mean sine by 0.07.
  for (const [mu, kappa] of [[1, 2], [5, 0.5], [0.3, 0]] as const) {
    const angles = draw(N, () => rng.vonmisesvariate(mu, kappa))
    t.true(angles.every((a) => a >= 0 && a <= 2 * Math.PI))
    const ratio = besselI(1, kappa) / besselI(0, kappa)
    const second = besselI(2, kappa) / besselI(0, kappa)
    const what = `vonmisesvariate(${mu}, ${kappa})`
    assertMean(t, `cos, ${what}`, angles.map((a) => Math.cos(a - mu)), ratio, (1 + second) / 2 - ratio ** 2)
    assertMean(t, `sin, ${what}`, angles.map((a) => Math.sin(a - mu)), 0, (1 - second) / 2)
  }
})

function assertMean(t: ExecutionContext, what: string, xs: number[], mean: number, variance: number): void {
  const sampleMean = xs.reduce((a, x) => a + x, 0) / xs.length
  const z = (sampleMean - mean) / Math.sqrt(variance / xs.length)
  t.true(Math.abs(z) < Z, `${what}: mean ${sampleMean} vs ${mean}, z = ${z.toFixed(1)}`)
}

/** Binomial probabilities of 0..n, by the ratio of successive terms. */
function binomialPmf(n: number, p: number): number[] {
  const pmf = [(1 - p) ** n]
  for (let k = 1; k <= n; k++) pmf.push((pmf[k - 1] * (n - k + 1) * p) / (k * (1 - p)))
  return pmf
}

/** `pmf` pooled into runs of neighbouring values, each expected at least `minimum` times in N. */
function pooled(pmf: number[], minimum: number): { probabilities: number[]; bucketOf: number[] } {
  const probabilities: number[] = []
  const bucketOf: number[] = []
  let mass = 0
  let members: number[] = []
  pmf.forEach((q, k) => {
    mass += q
    members.push(k)
    if (mass * N >= minimum) {
      for (const m of members) bucketOf[m] = probabilities.length
      probabilities.push(mass)
      mass = 0
      members = []
    }
  })
  // What is left of the upper tail joins the last run.
  for (const m of members) bucketOf[m] = probabilities.length - 1
  probabilities[probabilities.length - 1] += mass
  return { probabilities, bucketOf }
}

test('binomialvariate follows the binomial distribution on each of its code paths', (t) => {
  // n = 1, Devroye's geometric method (n p < 10), Hormann's BTRS (n p >= 10), and p > 1/2 by
  // symmetry; values expected fewer than 20 times in 20000 draws are pooled. BTRS with the
  // original paper's acceptance test (v for log(v)) or a geometric method counting a trial too
  // many moves the mean by p or more: hundreds on the chi-square, whose threshold on 20 df is 65.5.
  for (const [n, p] of [[1, 0.3], [4, 0.25], [9, 0.6], [20, 0.5], [100, 0.25], [100, 0.75], [1000, 0.02]] as const) {
    const { probabilities, bucketOf } = pooled(binomialPmf(n, p), 20)
    const counts = histogram(N, probabilities.length, () => rng.binomialvariate(n, p), (x) => bucketOf[x])
    assertFits(t, counts, probabilities, `binomialvariate(${n}, ${p})`)
  }
})

test('binomialvariate for huge n has mean n p and variance n p (1 - p)', (t) => {
  // 20000 draws each: the mean is held to 0.04 standard deviations, the variance to 4%. CPython's
  // BTRS subtracts lgamma values near n log n, whose rounding swamps its acceptance test: its
  // variances come out 9% low at n = 2**50 and 18% low at 10**15 (z of -9 and -18 here).
  for (const [n, p] of [[10 ** 9, 0.3], [2 ** 50, 0.1], [10 ** 12, 0.9], [10 ** 15, 0.5], [2 ** 53 - 1, 0.5]] as const) {
    const variance = n * p * (1 - p)
    const draws = draw(N, () => rng.binomialvariate(n, p))
    t.true(draws.every((x) => Number.isInteger(x) && x >= 0 && x <= n))
    assertMoments(t, `binomialvariate(${n}, ${p})`, draws, n * p, variance, (1 - 6 * p * (1 - p)) / variance)
  }
})
