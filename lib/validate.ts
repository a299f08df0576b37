// Argument checks shared by every export: integers and sizes, options objects, and the limits
// past which a result cannot exist.

import { invalidArgType, invalidArgValue, outOfRange } from './errors.js'
import { heapFree } from './platform.js'

/** `value` as an integer in `[min, max]`: TypeError unless a number, RangeError unless in range. */
export function integer(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value)
  if (!Number.isInteger(value)) throw outOfRange(name, 'an integer', value)
  if (value < min || value > max) throw outOfRange(name, `>= ${min} && <= ${max}`, value)
  return value
}

/** A byte count: `fallback` for `undefined` or `null`, else an integer in `[0, max]`. */
export function size(value: unknown, name: string, max: number, fallback: number): number {
  return value === undefined || value === null ? fallback : integer(value, name, 0, max)
}

// The most elements a JavaScript Array can hold: V8's FixedArray limit on 64-bit machines, just
// under 2**27. A longer result would end the process, so it is a RangeError before any work.
export const MAX_ELEMENTS = 2 ** 27 - 2 ** 12

/** `count` as the length of an Array to be made: an integer in `[0, MAX_ELEMENTS]`. */
export function elements(count: unknown, name: string): number {
  return integer(count, name, 0, MAX_ELEMENTS)
}

/**
 * `make()`, with the RangeError of an allocation the machine cannot serve (or of a bigint past
 * V8's 2**30 bits) turned into one with Node's code, naming the argument behind the size.
 */
export function allocate<T>(make: () => T, name: string, value: number | bigint, range = 'small enough to allocate'): T {
  try {
    return make()
  } catch (error) {
    if (!(error instanceof RangeError) || 'code' in error) throw error
    throw outOfRange(name, range, value)
  }
}

// Not all of the heap's free count can hold a result. V8's heap limit, which the count runs down
// to, includes the young generation (three semi-spaces, 48 MiB by default on 64-bit machines),
// where no large string or Array goes; and each large object (over 128 KiB, as a batch's runs
// are) takes its pages rounded up, about 8 KiB more: up to 6% of the object, and the collector
// needs room besides. Requests that fit by the count alone, within those margins, ended the
// process (tokenHexBatch(43215, 48069) on a 4 GiB heap, 96% of the count).
const YOUNG_GENERATION = 3 * 2 ** 24

/**
 * RangeError unless `bytes` more of the JavaScript heap are free, with room to spare: V8 ends the
 * process, rather than throwing, when a string or Array outgrows the heap. Only large requests
 * are checked, since a heap census costs microseconds.
 */
export function ensureHeap(bytes: number, name: string, value: number): void {
  if (bytes < 2 ** 24) return
  const free = Math.max(0, Math.floor((heapFree() - YOUNG_GENERATION) / 1.125))
  if (bytes > free) {
    throw outOfRange(name, `small enough for the JavaScript heap (${free} bytes free)`, value)
  }
}

/** Whether `value` is a plain object (from any realm): `{}`, `Object.create(null)`, a literal. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  try {
    const proto = Object.getPrototypeOf(value) as object | null
    return proto === null || Object.getPrototypeOf(proto) === null
  } catch {
    // A revoked Proxy.
    return false
  }
}

/**
 * An options object: `{}` for `undefined` or `null`, else a plain object whose every own key is
 * one of `keys`. An unknown key is refused, as Python refuses an unexpected keyword: a misspelt
 * `weight` must not silently give unweighted results.
 */
export function optionsOf<K extends string>(
  value: unknown,
  keys: readonly K[],
  name = 'options',
): Partial<Record<K, unknown>> {
  if (value === undefined || value === null) return {}
  if (!isPlainObject(value)) throw invalidArgType(name, 'a plain object', value)
  for (const key of Object.keys(value)) {
    if (!(keys as readonly string[]).includes(key)) {
      const allowed = keys.map((k) => `'${k}'`).join(', ')
      throw invalidArgValue(name, `has an unknown key '${key.slice(0, 40)}': the keys are ${allowed}`)
    }
  }
  return value as Partial<Record<K, unknown>>
}
