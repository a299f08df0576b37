'use strict'

// Sequences as Python sees them, for `choice` and the SystemRandom methods: Arrays, TypedArrays,
// array-likes and strings, where a string is a sequence of code points as Python's str is (a
// surrogate pair is one element, never split, and a lone surrogate is one too).

const { invalidArgType, rangeError } = require('./errors.js')
const { integer, typedArrayLength } = require('./validate.js')

const notSequence = (name, value) =>
  invalidArgType(name, 'an Array, TypedArray, string or array-like object', value)

function isStringObject(value) {
  try {
    String.prototype.valueOf.call(value)
    return true
  } catch {
    return false
  }
}

/** `Array.isArray`, or `undefined` for a revoked Proxy, on which every operation throws. */
function isArray(value) {
  try {
    return Array.isArray(value)
  } catch {
    return undefined
  }
}

/** The text of a string or String object, or `undefined` for anything else. */
function stringOf(value) {
  if (typeof value === 'string') return value
  if (typeof value !== 'object' || value === null) return undefined
  if (isArray(value) !== false || ArrayBuffer.isView(value) || !isStringObject(value)) return undefined
  return String.prototype.valueOf.call(value)
}

/** The length of an Array, TypedArray or array-like `value` (not a string), read once. */
function lengthOf(value, name) {
  if (typeof value !== 'object' || value === null || isArray(value) === undefined) {
    throw notSequence(name, value)
  }
  const length = typedArrayLength(value) ?? value.length
  if (typeof length !== 'number') throw notSequence(name, value)
  return integer(length, `${name}.length`, 0, Number.MAX_SAFE_INTEGER)
}

function nonEmpty(length) {
  if (length === 0) throw rangeError('Cannot choose from an empty sequence')
  return length
}

// Callers pass the same alphabet again and again, so the count for the last string is kept;
// strings without surrogates are indexed directly.
let lastText = ''
let lastCount = -1

function isPair(text, i) {
  const high = text.charCodeAt(i)
  const low = text.charCodeAt(i + 1)
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff
}

function countCodePoints(text) {
  let count = 0
  for (let i = 0; i < text.length; i += isPair(text, i) ? 2 : 1) count++
  return count
}

function nthCodePoint(text, n) {
  let i = 0
  for (let k = 0; k < n; k++) i += isPair(text, i) ? 2 : 1
  return text.slice(i, isPair(text, i) ? i + 2 : i + 1)
}

function choiceOfString(text, below) {
  if (text !== lastText) {
    lastCount = /[\uD800-\uDFFF]/.test(text) ? countCodePoints(text) : -1
    lastText = text
  }
  if (lastCount < 0) return text[below(nonEmpty(text.length))]
  return nthCodePoint(text, below(nonEmpty(lastCount)))
}

/**
 * An element of the non-empty sequence `seq` at index `below(length)`: uniform when `below` is.
 * A string yields one code point.
 */
function choose(seq, below) {
  const text = stringOf(seq)
  if (text !== undefined) return choiceOfString(text, below)
  return seq[below(nonEmpty(lengthOf(seq, 'seq')))]
}

/**
 * `value` as something indexable, with its length: a string becomes an Array of its code points,
 * anything else is used in place.
 */
function sequence(value, name) {
  const text = stringOf(value)
  if (text !== undefined) {
    const items = Array.from(text)
    return { items, length: items.length }
  }
  return { items: value, length: lengthOf(value, name) }
}

module.exports = { choose, sequence, nonEmpty, isArray }
