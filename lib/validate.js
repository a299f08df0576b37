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

// The byteLength getters check the internal slots of the real thing, so unlike a toString tag they
// cannot be spoofed, and they work on buffers from other realms.
const arrayBufferLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get
const sharedLength =
  typeof SharedArrayBuffer === 'function'
    ? Object.getOwnPropertyDescriptor(SharedArrayBuffer.prototype, 'byteLength').get
    : undefined

/** The byte length of an ArrayBuffer or SharedArrayBuffer, or -1 for anything else. */
function bufferLength(value) {
  for (const getter of [arrayBufferLength, sharedLength]) {
    try {
      if (getter) return getter.call(value)
    } catch {
      // Not this kind of buffer.
    }
  }
  return -1
}

/**
 * The bytes of any TypedArray, DataView or ArrayBuffer as a Uint8Array over the same memory, or
 * `undefined` for anything else. A detached or out-of-bounds view has no bytes: it reads as empty.
 */
function bytesOf(value) {
  if (ArrayBuffer.isView(value)) {
    if (value instanceof Uint8Array) return value
    let length
    try {
      length = value.byteLength
    } catch {
      length = 0
    }
    return length === 0
      ? new Uint8Array(0)
      : new Uint8Array(value.buffer, value.byteOffset, length)
  }
  const length = bufferLength(value)
  if (length < 0) return undefined
  return length === 0 ? new Uint8Array(0) : new Uint8Array(value)
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
