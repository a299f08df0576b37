// Sequences as Python sees them, for `choice` and the SystemRandom methods: Arrays, TypedArrays,
// array-likes and strings, where a string is a sequence of code points as Python's str is (a
// surrogate pair is one element, never split, and a lone surrogate is one too).

import { invalidArgType, rangeError } from './errors.js'
import { integer } from './validate.js'
import { typedArrayLength } from './views.js'

/** Draws a uniform integer in `[0, n)` for a safe integer `n >= 1`. */
export type Below = (n: number) => number

/** What can be indexed for an element: an Array, TypedArray or array-like object. */
export type Indexable<T> = ArrayLike<T>

const notSequence = (name: string, value: unknown) =>
  invalidArgType(name, 'an Array, TypedArray, string or array-like object', value)

function isStringObject(value: object): boolean {
  try {
    String.prototype.valueOf.call(value)
    return true
  } catch {
    return false
  }
}

/** `Array.isArray`, or `undefined` for a revoked Proxy, on which every operation throws. */
export function isArray(value: unknown): boolean | undefined {
  try {
    return Array.isArray(value)
  } catch {
    return undefined
  }
}

/** The text of a string or String object, or `undefined` for anything else. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value !== 'object' || value === null) return undefined
  if (isArray(value) !== false || ArrayBuffer.isView(value) || !isStringObject(value)) return undefined
  return String.prototype.valueOf.call(value)
}

/** The length of an Array, TypedArray or array-like `value` (not a string), read once. */
function lengthOf(value: unknown, name: string): number {
  if (typeof value !== 'object' || value === null || isArray(value) === undefined) {
    throw notSequence(name, value)
  }
  const length: unknown = typedArrayLength(value) ?? (value as { length?: unknown }).length
  if (typeof length !== 'number') throw notSequence(name, value)
  return integer(length, `${name}.length`, 0, Number.MAX_SAFE_INTEGER)
}

/** `length`, or Python's IndexError (as a RangeError) when it is 0. */
export function nonEmpty(length: number): number {
  if (length === 0) throw rangeError('Cannot choose from an empty sequence')
  return length
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff

/**
 * A uniform code point of `text`, with no scan of the string and nothing kept of it: draw a UTF-16
 * index and redraw when it falls on the second half of a surrogate pair. Every code point then has
 * exactly one index that picks it (its first unit), and at most half the indices are redrawn.
 */
function choiceOfString(text: string, below: Below): string {
  const length = nonEmpty(text.length)
  for (;;) {
    const i = below(length)
    const unit = text.charCodeAt(i)
    if (isLow(unit) && i > 0 && isHigh(text.charCodeAt(i - 1))) continue
    return isHigh(unit) && i + 1 < length && isLow(text.charCodeAt(i + 1)) ? text.slice(i, i + 2) : text[i]
  }
}

/**
 * An element of the non-empty sequence `seq` at index `below(length)`: uniform when `below` is.
 * A string yields one code point.
 */
export function choose(seq: unknown, below: Below): unknown {
  const text = stringOf(seq)
  if (text !== undefined) return choiceOfString(text, below)
  return (seq as Indexable<unknown>)[below(nonEmpty(lengthOf(seq, 'seq')))]
}

/**
 * `value` as something indexable, with its length: a string becomes an Array of its code points,
 * anything else is used in place.
 */
export function sequence(value: unknown, name: string): { items: Indexable<unknown>; length: number } {
  const text = stringOf(value)
  if (text !== undefined) {
    const items = Array.from(text)
    return { items, length: items.length }
  }
  return { items: value as Indexable<unknown>, length: lengthOf(value, name) }
}
