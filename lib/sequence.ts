// Sequences as Python sees them, for `choice` and the SystemRandom methods: Arrays, TypedArrays,
// array-likes and strings, where a string is a sequence of code points as Python's str is (a
// surrogate pair is one element, never split, and a lone surrogate is one too).

import { invalidArgType, rangeError } from './errors.js'
import { allocate, integer } from './validate.js'
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

/** A sequence read by index: `at(i)` for `i` in `[0, length)`. */
export interface Sequence {
  at: (i: number) => unknown
  length: number
}

const SURROGATE = /[\ud800-\udfff]/

/**
 * The code points of `text` by index, with no Array of them (a string of MAX_STRING_LENGTH
 * characters has four times as many as an Array can hold): the string itself when it has no
 * surrogates, else a Uint32Array of where each code point starts, 4 bytes one.
 */
function codePoints(text: string, name: string): Sequence {
  if (!SURROGATE.test(text)) return { at: (i) => text[i], length: text.length }
  // A unit starts a code point unless it is the low half of a pair: counted, then recorded.
  const each = (visit: (start: number) => void) => {
    for (let i = 0, high = false; i < text.length; i++) {
      const unit = text.charCodeAt(i)
      if (!(high && isLow(unit))) visit(i)
      high = isHigh(unit)
    }
  }
  let length = 0
  each(() => length++)
  const starts = allocate(() => new Uint32Array(length), `${name}.length`, length)
  let j = 0
  each((start) => (starts[j++] = start))
  return { at: (i) => text.slice(starts[i], i + 1 < length ? starts[i + 1] : text.length), length }
}

/**
 * `value` as a sequence: a string is read as its code points, anything else indexed in place
 * (its length read once).
 */
export function sequence(value: unknown, name: string): Sequence {
  const text = stringOf(value)
  if (text !== undefined) return codePoints(text, name)
  const items = value as Indexable<unknown>
  return { at: (i) => items[i], length: lengthOf(value, name) }
}
