// The float distributions: Python 3.12's algorithms from random.py, step for step, as pure
// functions of `random`, so each draws as many uniforms as Python's does. Arguments are checked
// before these are called.

import { logFactorialRatio, pyMod, pyPow } from './arithmetic.js'

/** A source of uniform numbers in `[0, 1)`, as `random()`. */
export type Uniform = () => number

// Python's constants, computed as Python computes them.
const TWOPI = 2 * Math.PI
const LOG4 = Math.log(4)
const NV_MAGICCONST = (4 * Math.exp(-0.5)) / Math.sqrt(2)
const SG_MAGICCONST = 1 + Math.log(4.5)

/** Python's `-log(1 - random())`: the exponential distribution with rate 1. */
export function exponential(random: Uniform): number {
  return -Math.log(1 - random())
}

/** Python's normalvariate: Kinderman and Monahan's ratio of uniforms. */
export function normal(random: Uniform): number {
  for (;;) {
    const u1 = random()
    const u2 = 1 - random()
    const z = (NV_MAGICCONST * (u1 - 0.5)) / u2
    if ((z * z) / 4 <= -Math.log(u2)) return z
  }
}

/** Python's gauss: a Box-Muller pair of standard normal values, the first to use now. */
export function boxMuller(random: Uniform): [number, number] {
  const x2pi = random() * TWOPI
  const g2rad = Math.sqrt(-2 * Math.log(1 - random()))
  return [Math.cos(x2pi) * g2rad, Math.sin(x2pi) * g2rad]
}

/** Python's triangular, for `mode` (or `null`, the midpoint) between `low` and `high`. */
export function triangular(random: Uniform, low: number, high: number, mode: number | null): number {
  let u = random()
  // Python returns low where (mode - low) / (high - low) raises ZeroDivisionError.
  if (mode !== null && high - low === 0) return low
  let c = mode === null ? 0.5 : (mode - low) / (high - low)
  if (u > c) {
    u = 1 - u
    c = 1 - c
    ;[low, high] = [high, low]
  }
  return low + (high - low) * Math.sqrt(u * c)
}

/** Python's vonmisesvariate: Best and Fisher's algorithm, an angle in `[0, 2π]`. */
export function vonMises(random: Uniform, mu: number, kappa: number): number {
  if (kappa <= 1e-6) return TWOPI * random()
  const s = 0.5 / kappa
  const r = s + Math.sqrt(1 + s * s)
  let z: number
  for (;;) {
    z = Math.cos(Math.PI * random())
    const d = z / (r + z)
    const u2 = random()
    if (u2 < 1 - d * d || u2 <= (1 - d) * Math.exp(d)) break
  }
  const q = 1 / r
  const f = (q + z) / (1 + q * z)
  return random() > 0.5 ? pyMod(mu + Math.acos(f), TWOPI) : pyMod(mu - Math.acos(f), TWOPI)
}

/** Python's gammavariate with beta 1: Cheng's algorithm above 1, GS below. */
export function gamma(random: Uniform, alpha: number): number {
  if (alpha > 1) {
    const ainv = Math.sqrt(2 * alpha - 1)
    const bbb = alpha - LOG4
    const ccc = alpha + ainv
    for (;;) {
      const u1 = random()
      if (!(u1 > 1e-7 && u1 < 0.9999999)) continue
      const u2 = 1 - random()
      const v = Math.log(u1 / (1 - u1)) / ainv
      const x = alpha * Math.exp(v)
      const z = u1 * u1 * u2
      const r = bbb + ccc * v - x
      if (r + SG_MAGICCONST - 4.5 * z >= 0 || r >= Math.log(z)) return x
    }
  }
  if (alpha === 1) return exponential(random)
  for (;;) {
    const u = random()
    const b = (Math.E + alpha) / Math.E
    const p = b * u
    const x = p <= 1 ? pyPow(p, 1 / alpha) : -Math.log((b - p) / alpha)
    const u1 = random()
    if (p > 1 ? u1 <= pyPow(x, alpha - 1) : u1 <= Math.exp(-x)) return x
  }
}

/** Python's binomialvariate for `0 < p < 1`: Devroye's geometric method or Hörmann's BTRS. */
export function binomial(random: Uniform, n: number, p: number): number {
  if (n === 1) return random() < p ? 1 : 0
  if (p > 0.5) return n - binomial(random, n, 1 - p)
  if (n * p < 10) {
    let x = 0
    let y = 0
    const c = Math.log2(1 - p)
    if (c === 0) return x
    for (;;) {
      y += Math.floor(Math.log2(random()) / c) + 1
      if (y > n) return x
      x++
    }
  }
  return btrs(random, n, p)
}

/** BTRS's constants past the quick acceptance, computed on the first draw that needs them. */
interface Setup {
  alpha: number
  lpq: number
  m: number
}

/** Hörmann's transformed rejection with squeeze, as random.py has it. */
function btrs(random: Uniform, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p))
  const b = 1.15 + 2.53 * spq
  const a = -0.0873 + 0.0248 * b + 0.01 * p
  const c = n * p + 0.5
  const vr = 0.92 - 4.2 / b
  let setup: Setup | undefined
  for (;;) {
    const u = random() - 0.5
    const us = 0.5 - Math.abs(u)
    const k = Math.floor(((2 * a) / us + b) * u + c)
    if (k < 0 || k > n) continue
    let v = random()
    if (us >= 0.07 && v <= vr) return k
    if (setup === undefined) {
      setup = { alpha: (2.83 + 5.1 / b) * spq, lpq: Math.log(p / (1 - p)), m: Math.floor((n + 1) * p) }
    }
    v *= setup.alpha / (a / (us * us) + b)
    // Python's h - lgamma(k + 1) - lgamma(n - k + 1) + (k - m) * lpq, with h = lgamma(m + 1) +
    // lgamma(n - m + 1): the log of pmf(k) / pmf(m), summed here without cancellation.
    const { m, lpq } = setup
    const bound = logFactorialRatio(k, m) + logFactorialRatio(n - k, n - m) + (k - m) * lpq
    if (Math.log(v) <= bound) return k
  }
}
