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

// Built-in getters read the internal slots of the real thing: unlike a toString tag or an own
// `length`, `buffer` or `byteOffset` property, they cannot be spoofed, they run no user code, and
// they work on objects from other realms.
const getter = (prototype, key) => Object.getOwnPropertyDescriptor(prototype, key).get
const TypedArray = Object.getPrototypeOf(Uint8Array.prototype)
const typedArrayName = getter(TypedArray, Symbol.toStringTag)
const typedLength = getter(TypedArray, 'length')
const typed = {
  buffer: getter(TypedArray, 'buffer'),
  offset: getter(TypedArray, 'byteOffset'),
  length: getter(TypedArray, 'byteLength'),
}
const dataView = {
  buffer: getter(DataView.prototype, 'buffer'),
  offset: getter(DataView.prototype, 'byteOffset'),
  length: getter(DataView.prototype, 'byteLength'),
}
const bufferLengths = [getter(ArrayBuffer.prototype, 'byteLength')]
if (typeof SharedArrayBuffer === 'function') {
  bufferLengths.push(getter(SharedArrayBuffer.prototype, 'byteLength'))
}

/** The byte length of an ArrayBuffer or SharedArrayBuffer, or -1 for anything else. */
function bufferLength(value) {
  for (const length of bufferLengths) {
    try {
      return length.call(value)
    } catch {
      // Not this kind of buffer.
    }
  }
  return -1
}

/** The bytes a view's getters describe; none for a detached or out-of-bounds view. */
function viewBytes(view, { buffer, offset, length }) {
  try {
    const bytes = length.call(view)
    return bytes === 0 ? new Uint8Array(0) : new Uint8Array(buffer.call(view), offset.call(view), bytes)
  } catch {
    return new Uint8Array(0)
  }
}

/**
 * The bytes of any TypedArray, DataView or ArrayBuffer as a Uint8Array over the same memory, or
 * `undefined` for anything else. A Uint8Array (a Buffer too) is returned as it is: read its length
 * with `byteLength`, not its own properties.
 */
function bytesOf(value) {
  const name = typedArrayName.call(value)
  if (name === 'Uint8Array') return value
  if (name !== undefined) return viewBytes(value, typed)
  if (ArrayBuffer.isView(value)) return viewBytes(value, dataView)
  const length = bufferLength(value)
  if (length < 0) return undefined
  return length === 0 ? new Uint8Array(0) : new Uint8Array(value)
}

/** The true element count of a TypedArray, whatever its own properties say; else `undefined`. */
function typedArrayLength(value) {
  return typedArrayName.call(value) === undefined ? undefined : typedLength.call(value)
}

/** The true byte length of a TypedArray, whatever its own properties say. */
function byteLength(view) {
  return typed.length.call(view)
}

// The most elements a JavaScript Array can hold: V8's FixedArray limit on 64-bit machines, just
// under 2**27. A longer result would end the process, so it is a RangeError before any work.
const MAX_ELEMENTS = 2 ** 27 - 2 ** 12

/** `count` as the length of an Array to be made: an integer in `[0, MAX_ELEMENTS]`. */
function elements(count, name) {
  return integer(count, name, 0, MAX_ELEMENTS)
}

/**
 * `make()`, with the RangeError of an allocation the machine cannot serve turned into one with
 * Node's code, naming the argument behind the size.
 */
function allocate(make, name, value) {
  try {
    return make()
  } catch (error) {
    if (!(error instanceof RangeError) || error.code) throw error
    throw outOfRange(name, 'small enough to allocate', value)
  }
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

module.exports = {
  integer,
  size,
  bytesOf,
  byteLength,
  typedArrayLength,
  elements,
  allocate,
  ensureHeap,
  MAX_ELEMENTS,
}
