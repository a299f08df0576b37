// Argument checks of the SystemRandom methods, and the errors that Python raises for their
// arguments, worded as Python words them.

import { invalidArgType, outOfRange, rangeError, show, withCode } from '../errors.js'
import { isArray } from '../sequence.js'
import { integer, elements, ensureHeap } from '../validate.js'
import { typedArrayLength } from '../views.js'

/** An integer argument of randbelow, randrange or randint: a safe integer or a bigint. */
export type Integer = number | bigint

/**
 * The kind of `T`, for a parameter that must match an earlier one: `number` for a number, `bigint`
 * for a bigint, and either for `number | bigint`, so that a union type-checks but a literal mix
 * such as `randint(1n, 6)` does not.
 */
export type SameKind<T extends Integer> = T extends number ? number : bigint

/** The kind of an integer argument, which its siblings must share. */
export type Kind = 'number' | 'bigint'

export const MAX_SAFE = Number.MAX_SAFE_INTEGER

// Gamma shapes from 2**1023 up make Cheng's algorithm compute infinity times zero and reject
// forever (Python hangs there); smaller ones terminate.
const MAX_SHAPE = 2 ** 1023

/** `'number'` or `'bigint'`: the kind of integer `value` is, which its siblings must share. */
export function kindOf(value: unknown, name: string): Kind {
  if (typeof value === 'number') return 'number'
  if (typeof value === 'bigint') return 'bigint'
  throw invalidArgType(name, 'of type number or bigint', value)
}

/**
 * `value` as an integer of `kind`: a number must be a safe integer. `first` names the argument
 * whose kind it must share.
 */
export function integerOf(value: unknown, name: string, kind: Kind, first?: string): Integer {
  if (typeof value === 'bigint' && kind === 'bigint') return value
  if (typeof value === 'number' && kind === 'number') {
    if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value)
    if (!Number.isSafeInteger(value)) {
      throw outOfRange(name, `a safe integer; pass a bigint for integers beyond ±${MAX_SAFE}`, value)
    }
    return value
  }
  if (typeof value === 'number' || typeof value === 'bigint') {
    throw invalidArgType(name, `of type ${kind}, as "${first}" is`, value)
  }
  throw invalidArgType(name, `of type ${kind}`, value)
}

/** A number parameter of a distribution: TypeError unless a number, RangeError for NaN. */
export function real(value: unknown, name: string): number {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value)
  if (Number.isNaN(value)) throw outOfRange(name, 'a number other than NaN', value)
  return value
}

/** A number parameter that Python divides by: zero is a RangeError (ZeroDivisionError there). */
export function nonZero(value: unknown, name: string): number {
  const divisor = real(value, name)
  if (divisor === 0) throw outOfRange(name, 'a number other than 0', divisor)
  return divisor
}

/** A gamma shape: Python's `> 0`, and below 2**1023 where Python would loop forever. */
export function shape(value: unknown, name: string): number {
  const alpha = real(value, name)
  if (!(alpha > 0 && alpha < MAX_SHAPE)) throw outOfRange(name, '> 0 && < 2 ** 1023', alpha)
  return alpha
}

/** An optional count: `fallback` for `undefined` or `null`, else an integer in `[min, max]`. */
export function countOf(value: unknown, name: string, min: number, max: number, fallback: number): number {
  return value === undefined || value === null ? fallback : integer(value, name, min, max)
}

/**
 * Refuses Python's spelling `cum_weights` with a message of its own. Checked before `optionsOf`,
 * which refuses any unknown key, so this more helpful message wins; a revoked Proxy or an Array
 * is left for `optionsOf` to refuse as no options bag.
 */
export function refuseCumWeights(options: unknown): void {
  if (typeof options !== 'object' || options === null || isArray(options) !== false) return
  if (Object.hasOwn(options, 'cum_weights')) {
    throw withCode(
      new TypeError('The option "cum_weights" is Python\'s spelling: pass "cumWeights"'),
      'ERR_INVALID_ARG_VALUE',
    )
  }
}

/** `k` validated against a population of `n`: Python's ValueError as a RangeError. */
export function sampleSize(k: unknown, n: number): number {
  const size = integer(k, 'k', -MAX_SAFE, MAX_SAFE)
  if (size < 0 || size > n) {
    throw rangeError(`Sample larger than population or is negative: k is ${show(size)}, the population ${show(n)}`)
  }
  elements(size, 'k')
  // The result and, where the population is far larger than k, a Map entry a pick, whose keys
  // past 2**31 are heap numbers: 66-85 bytes a pick measured after a sample of 2**20-2**22 from
  // 2**53 - 1, and twice that while the Map's table grows.
  ensureHeap(size * 160, 'k', size)
  return size
}

/** The length of an Array or TypedArray, or -1 for anything else. */
export function shuffleLength(x: unknown): number {
  if (isArray(x) === true) {
    const array = x as unknown[]
    if (Object.isFrozen(array) && array.length > 0) throw invalidArgType('x', 'a mutable Array', array)
    // A sparse Array longer than any real one would be filled in, element by element, until the
    // process ran out of memory.
    return elements(array.length, 'x.length')
  }
  return typedArrayLength(x) ?? -1
}

export const zeroStep = (start: Integer, stop: Integer, step: Integer): RangeError =>
  rangeError(`zero step for randrange(${show(start)}, ${show(stop)}, ${show(step)})`)

export const emptyRange = (start: Integer, stop: Integer, step: Integer): RangeError =>
  rangeError(
    step === 1 || step === 1n
      ? `empty range in randrange(${show(start)}, ${show(stop)})`
      : `empty range in randrange(${show(start)}, ${show(stop)}, ${show(step)})`,
  )

export const mismatch = (what: string, length: number, n: number): RangeError =>
  rangeError(`The number of ${what} does not match the population: ${length} for ${n} elements`)

export const notImplemented = (method: string): Error =>
  withCode(
    new Error(`The ${method} method is not implemented: the system entropy source has no state`),
    'ERR_METHOD_NOT_IMPLEMENTED',
  )
