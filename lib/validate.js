'use strict'

const v8 = require('node:v8')

const { invalidArgType, outOfRange } = require('./errors.js')

/** `value` as an integer in `[min, max]`: TypeError unless a number, RangeError unless in range. */
function integer(value, name, min, max) {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value)
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value)
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value)
  return value
}

/** A byte count: `fallback` for `undefined` or `null`, else an integer in `[0, max]`. */
function size(value, name, max, fallback) {
  return value === undefined || value === null ? fallback : integer(value, name, 0, max)
}

/** True for an ArrayBuffer or SharedArrayBuffer, from any realm. */
function isArrayBuffer(value) {
  const tag = Object.prototype.toString.call(value)
  return tag === '[object ArrayBuffer]' || tag === '[object SharedArrayBuffer]'
}

/**
 * The bytes of any TypedArray, DataView or ArrayBuffer as a Uint8Array over the same memory, or
 * `undefined` for anything else. A detached buffer has no bytes, so it reads as empty.
 */
function bytesOf(value) {
  if (ArrayBuffer.isView(value)) {
    if (value instanceof Uint8Array) return value
    return value.byteLength === 0
      ? new Uint8Array(0)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
  }
  if (!isArrayBuffer(value)) return undefined
  return value.byteLength === 0 ? new Uint8Array(0) : new Uint8Array(value)
}

/**
 * RangeError unless `bytes` more of the JavaScript heap are free: V8 ends the process, rather than
 * throwing, when a string or Array outgrows the heap. Only large requests are checked, since a
 * heap census costs microseconds.
 */
function ensureHeap(bytes, name, value) {
  if (bytes < 2 ** 24) return
  const free = v8.getHeapStatistics().total_available_size
  if (bytes > free) {
    throw outOfRange(name, `small enough for the JavaScript heap (${free} bytes free)`, value)
  }
}

module.exports = { integer, size, bytesOf, ensureHeap }
