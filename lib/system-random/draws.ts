// The integer draws: exact uniform integers from the word pool for numbers and from the backend
// for bigints, Python's ranges over them, k-samples of indices, and indices drawn by weight.

import { arrayOf } from '../collections.js'
import { outOfRange, rangeError, show } from '../errors.js'
import { MAX_LENGTH } from '../platform.js'
import { nonEmpty, sequence } from '../sequence.js'
import { pool, backend } from '../source.js'
import { integer, allocate } from '../validate.js'
import { bisectRight, ceilDiv, indexMap } from './arithmetic.js'
import { type Integer, MAX_SAFE, emptyRange, mismatch, real, zeroStep } from './checks.js'

/** 53 random bits as a number in `[0, 1)`: 27 from one word and 26 from the next. */
export const random = (): number => ((pool.word() >>> 5) * 67108864 + (pool.word() >>> 6)) / 9007199254740992

/** A uniform integer in `[0, n)` of `n`'s type, for `n >= 1` (a safe integer or a bigint). */
export function below(n: number): number
export function below(n: bigint): bigint
export function below(n: Integer): Integer
export function below(n: Integer): Integer {
  return typeof n === 'bigint' ? backend.randbelowBig(n) : pool.below(n)
}

/** A uniform element of `range(start, stop, step)` for bigints, or Python's error. */
function bigRange(start: bigint, stop: bigint, step: bigint): bigint {
  if (step === 0n) throw zeroStep(start, stop, step)
  if (step > 0n ? stop <= start : stop >= start) throw emptyRange(start, stop, step)
  // The width of a range between bigints of opposite signs near 2**30 bits has no bigint: V8
  // throws a RangeError with no code, which is given one before any drawing. (The element
  // drawn lies between start and stop, so it always fits.)
  const n = allocate(
    () => {
      const width = stop - start
      return step > 0n ? (width + step - 1n) / step : (width + step + 1n) / step
    },
    'stop',
    stop,
    'such that stop - start fits in a bigint (2 ** 30 bits)',
  )
  return start + step * below(n)
}

/** A uniform element of `range(start, stop, step)`: bigints when `start` is one (all three are then). */
export function range(start: Integer, stop: Integer, step: Integer): Integer {
  return typeof start === 'bigint'
    ? bigRange(start, stop as bigint, step as bigint)
    : numberRange(start, stop as number, step as number)
}

/** As `bigRange` for safe integers; a range wider than 2**53 is drawn in bigints, exactly. */
function numberRange(start: number, stop: number, step: number): number {
  if (step === 0) throw zeroStep(start, stop, step)
  if (step > 0 ? stop <= start : stop >= start) throw emptyRange(start, stop, step)
  const width = stop - start
  if (!Number.isSafeInteger(width)) return Number(bigRange(BigInt(start), BigInt(stop), BigInt(step)))
  return start + step * below(step > 0 ? ceilDiv(width, step) : ceilDiv(-width, -step))
}

/**
 * A uniform `k`-sample of `range(n)` (`k <= n`, `k <= MAX_ELEMENTS`), in selection order, each
 * index passed through `take`.
 */
export function sampleIndices<T>(n: number, k: number, take: (index: number) => T): T[] {
  // A Fisher-Yates shuffle stopped after k steps, with exactly k draws. Where n is within a few
  // times k, range(n) is laid out in full (as Python's pool; n < 2**32, so 4 bytes an index);
  // otherwise only the moved positions are kept, in a Map, so time and memory stay O(k) for any n.
  if (n <= 4 * k) {
    const positions = allocate(() => new Uint32Array(n), 'population.length', n)
    for (let i = 0; i < n; i++) positions[i] = i
    return arrayOf(k, (i) => {
      const j = i + below(n - i)
      const pick = positions[j]
      positions[j] = positions[i]
      return take(pick)
    })
  }
  const moved = indexMap(k)
  return arrayOf(k, (i) => {
    const j = i + below(n - i)
    const pick = moved.get(j)
    moved.set(j, moved.get(i))
    return take(pick)
  })
}

/**
 * The option `key` as one running number per element of a population of `n`: `next` checks each
 * item (named for its messages) and gives the running value from the one before it (0 first).
 */
function running(
  value: unknown,
  key: string,
  n: number,
  next: (item: unknown, name: string, previous: number) => number,
): Float64Array {
  const { at, length } = sequence(value, `options.${key}`)
  if (length !== n) throw mismatch(key, length, n)
  // Eight bytes an element: past MAX_LENGTH bytes (2**29 elements on Node.js 20), more than the
  // longest TypedArray of weights a caller could have made.
  if (n > MAX_LENGTH / 8) throw outOfRange(`options.${key}.length`, `<= ${MAX_LENGTH / 8}`, n)
  const cumulative = allocate(() => new Float64Array(n), `options.${key}.length`, n)
  let previous = 0
  for (let i = 0; i < n; i++) cumulative[i] = previous = next(at(i), `options.${key}[${i}]`, previous)
  return cumulative
}

/** Running totals of `counts` (non-negative safe integers, one per element of a population of `n`). */
export function cumulativeCounts(counts: unknown, n: number): Float64Array {
  const cumulative = running(counts, 'counts', n, (item, name, previous) => {
    const total = previous + integer(item, name, 0, MAX_SAFE)
    if (total > MAX_SAFE) throw outOfRange('options.counts', `to total <= ${MAX_SAFE}`, total)
    return total
  })
  const total = n === 0 ? 0 : cumulative[n - 1]
  if (total <= 0) throw rangeError(`Total of counts must be greater than zero: it is ${show(total)}`)
  return cumulative
}

/** Running totals of `weights`: each a finite number `>= 0`, one per element. */
export function cumulativeWeights(weights: unknown, n: number): Float64Array {
  return running(weights, 'weights', n, (item, name, previous) => {
    const weight = real(item, name)
    if (!(weight >= 0 && weight < Infinity)) throw outOfRange(name, '>= 0 and finite', weight)
    return previous + weight
  })
}

/** `cumWeights` checked: finite numbers from 0 up, never decreasing, one per element. */
export function checkedCumulative(cumWeights: unknown, n: number): Float64Array {
  return running(cumWeights, 'cumWeights', n, (item, name, previous) => {
    const value = real(item, name)
    if (!(value >= previous && value < Infinity)) {
      throw outOfRange(name, `finite and >= ${previous} (the value before it)`, value)
    }
    return value
  })
}

/**
 * `count` indices drawn by cumulative weight, Python's `bisect(cum, random() * total, 0, hi)`,
 * each passed through `take`.
 */
export function weightedDraws<T>(cumulative: Float64Array, count: number, take: (index: number) => T): T[] {
  if (cumulative.length === 0) nonEmpty(0)
  const total = cumulative[cumulative.length - 1]
  if (total <= 0) throw rangeError(`Total of weights must be greater than zero: it is ${show(total)}`)
  if (!Number.isFinite(total)) throw rangeError(`Total of weights must be finite: it is ${show(total)}`)
  // Python's hi is n - 1, so `random() * total` rounding up to the total picks the last element
  // even when its weight is 0; stopping at the last positive weight picks that one instead.
  let hi = cumulative.length - 1
  while (hi > 0 && cumulative[hi - 1] === total) hi--
  return arrayOf(count, () => take(bisectRight(cumulative, random() * total, 0, hi)))
}
