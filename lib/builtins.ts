// The built-ins that the random paths call, taken once at load and called through bound
// `Function.prototype.call`, never looked up again. Code that later replaces one (a getter for
// %TypedArray%.prototype.length, a new `subarray`, `fill` or `Function.prototype.call`) is then
// never run while a pool is refilled or a token made: it cannot re-enter a pool half filled, nor
// steer what gets filled or wiped.

const { call } = Function.prototype
const { getOwnPropertyDescriptor } = Object

/** `f` as a plain function taking its `this` first: `uncurry(f)(self, ...args)` is `f.call(self, ...args)`. */
export const uncurry = <T, A extends any[], R>(f: (this: T, ...args: A) => R): ((self: T, ...args: A) => R) =>
  call.bind(f) as (self: T, ...args: A) => R

const getter = <T>(prototype: object, key: PropertyKey): ((self: unknown) => T) =>
  uncurry((getOwnPropertyDescriptor(prototype, key) as PropertyDescriptor).get as (this: unknown) => T)

const TypedArray = Object.getPrototypeOf(Uint8Array.prototype) as Uint8Array

/** A typed array's true element count, byte length, byte offset and buffer, from its internal slots. */
export const lengthOf = getter<number>(TypedArray, 'length')
export const byteLengthOf = getter<number>(TypedArray, 'byteLength')
export const byteOffsetOf = getter<number>(TypedArray, 'byteOffset')
export const bufferOf = getter<ArrayBufferLike>(TypedArray, 'buffer')

/** `%TypedArray%.prototype.subarray`, `fill` and `set`, for Uint8Arrays. */
export const set = uncurry(TypedArray.set) as (self: Uint8Array, source: Uint8Array, offset: number) => void
export const subarray = uncurry(TypedArray.subarray) as (self: Uint8Array, start?: number, end?: number) => Uint8Array
export const fill = uncurry(TypedArray.fill) as (self: Uint8Array, value: number, start?: number, end?: number) => Uint8Array

/** The byte length of an ArrayBuffer; throws for anything else, a SharedArrayBuffer included. */
export const arrayBufferLength = getter<number>(ArrayBuffer.prototype, 'byteLength')

/**
 * Gives `view` its own data property `key` with value `value`, which hides the prototype's getter
 * from code that reads `view[key]` (node:crypto reads `byteLength` so).
 */
const defineProperty = Object.defineProperty
export const pin = <T extends object>(view: T, key: string, value: number): T =>
  defineProperty(view, key, { value, writable: false, enumerable: false, configurable: false })
