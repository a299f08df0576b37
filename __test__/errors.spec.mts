import { constants } from 'node:buffer'

import * as secrets from 'napi-secrets'
import { rangeError, throwsNodeError, typeError } from './helpers/errors.mjs'
import test from './helpers/test.mjs'

const { tokenBytes, tokenHex, tokenUrlsafe, randbelow, randbits, choice, fillRandom } = secrets




const nonNumbers: [unknown, RegExp][] = [
  ['32', /"nbytes" argument must be of type number\. Received type string \('32'\)/],
  [32n, /Received type bigint \(32n\)/],
  [true, /Received type boolean \(true\)/],
  [{}, /Received an instance of Object/],
  [[32], /Received an instance of Array/],
  [Symbol('s'), /Received type symbol \(Symbol\(s\)\)/],
  [() => 32, /Received function /],
  [Object.create(null), /Received an object with no constructor/],
]

const sized: [string, (nbytes?: number | null) => unknown, number][] = [
  ['tokenBytes', tokenBytes, constants.MAX_LENGTH],
  ['tokenHex', tokenHex, Math.floor(constants.MAX_STRING_LENGTH / 2)],
  ['tokenUrlsafe', tokenUrlsafe, Math.floor((constants.MAX_STRING_LENGTH * 3) / 4)],
]
for (const [name, fn, max] of sized) {
  test(`${name}: nbytes of the wrong type is a TypeError naming it`, (t) => {
    // @ts-expect-error wrong types, on purpose
    for (const [value, message] of nonNumbers) throwsNodeError(t, () => fn(value), typeError(message))
  })

  test(`${name}: a non-integer nbytes is a RangeError showing it`, (t) => {
    for (const [value, shown] of [[1.5, '1.5'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']] as const) {
      throwsNodeError(t, () => fn(value), rangeError(new RegExp(`"nbytes" is out of range\\. It must be an integer\\. Received ${shown}$`)))
    }
  })

  test(`${name}: nbytes out of range is a RangeError, before any work`, (t) => {
    throwsNodeError(t, () => fn(-1), rangeError(new RegExp(`It must be >= 0 && <= ${max}\\. Received -1$`)))
    // Too big to exist: refused at once, never allocated.
    throwsNodeError(t, () => fn(max + 1), rangeError(/"nbytes" is out of range/))
    throwsNodeError(t, () => fn(2 ** 53), rangeError(/Received 9_007_199_254_740_992$/))
  })
}

test('randbelow: wrong types are TypeErrors', (t) => {
  for (const value of [undefined, null, '5', true, {}, [5], Symbol('n'), () => 5]) {
    // @ts-expect-error wrong types, on purpose
    throwsNodeError(t, () => randbelow(value), typeError(/"n" argument must be of type number or bigint/))
  }
})

test('randbelow: bad numbers are RangeErrors showing the value', (t) => {
  for (const [value, shown] of [[0, '0'], [-1, '-1'], [-0, '-0'], [-(2 ** 60), '-1_152_921_504_606_847_000']] as const) {
    throwsNodeError(t, () => randbelow(value), rangeError(new RegExp(`"n" is out of range\\. It must be >= 1\\. Received ${shown}$`)))
  }
  for (const [value, shown] of [[0.5, '0.5'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']] as const) {
    throwsNodeError(t, () => randbelow(value), rangeError(new RegExp(`It must be an integer\\. Received ${shown}$`)))
  }
})

test('randbelow: a number above MAX_SAFE_INTEGER says to pass a bigint', (t) => {
  for (const value of [2 ** 53, 2 ** 64, Number.MAX_VALUE]) {
    throwsNodeError(t, () => randbelow(value), rangeError(/pass a bigint/))
  }
  t.true(randbelow(Number.MAX_SAFE_INTEGER) < Number.MAX_SAFE_INTEGER)
})

test('randbelow: bigints below 1n are RangeErrors', (t) => {
  throwsNodeError(t, () => randbelow(0n), rangeError(/It must be >= 1n\. Received 0n$/))
  throwsNodeError(t, () => randbelow(-5n), rangeError(/Received -5n$/))
  throwsNodeError(t, () => randbelow(-(2n ** 40n)), rangeError(/Received -1_099_511_627_776n$/))
  // A huge bigint is described by its size, not converted to a billion digits.
  throwsNodeError(t, () => randbelow(-(1n << 5000n)), rangeError(/-\(a 5001-bit bigint\)/))
  throwsNodeError(t, () => randbelow(-(1n << 2n ** 29n)), rangeError(/-\(a 536870913-bit bigint\)/))
  // @ts-expect-error a bigint size, on purpose
  throwsNodeError(t, () => tokenHex(1n << 2n ** 29n), typeError(/Received type bigint \(\(a 536870913-bit bigint\)\)/))
})

test('randbits: wrong types and bad values', (t) => {
  for (const value of [undefined, null, '8', 8n, {}]) {
    // @ts-expect-error wrong types, on purpose
    throwsNodeError(t, () => randbits(value), typeError(/"k" argument must be of type number/))
  }
  for (const value of [-1, 1.5, NaN, Infinity, 2 ** 30 + 1]) {
    throwsNodeError(t, () => randbits(value), rangeError(/"k" is out of range/))
  }
})

test('choice: non-sequences are TypeErrors, empty sequences RangeErrors', (t) => {
  for (const value of [undefined, null, 5, 5n, true, {}, Symbol('s'), () => 1, new ArrayBuffer(4), new DataView(new ArrayBuffer(4))]) {
    // @ts-expect-error not sequences, on purpose
    throwsNodeError(t, () => choice(value), typeError(/"seq" argument must be an Array, TypedArray, string or array-like object/))
  }
  for (const value of [[], '', new Uint8Array(0), { length: 0 }]) {
    throwsNodeError(t, () => choice(value as ArrayLike<unknown>), rangeError(/^Cannot choose from an empty sequence$/))
  }
  for (const length of [-1, 1.5, NaN, 2 ** 53]) {
    throwsNodeError(t, () => choice({ length }), rangeError(/"seq\.length" is out of range/))
  }
})

test('fillRandom: non-binary arguments are TypeErrors', (t) => {
  for (const value of [undefined, null, 'abc', 5, [1, 2], {}, { buffer: new ArrayBuffer(2) }]) {
    // @ts-expect-error not binary, on purpose
    throwsNodeError(t, () => fillRandom(value), typeError(/"view" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView/))
  }
})

test('every RangeError and TypeError from the package carries a code', (t) => {
  // Sweep odd inputs through every function: whatever is thrown must be a coded Node-style error.
  const inputs = [undefined, null, 0, -1, 1.5, NaN, -0, 2 ** 53, 0n, -1n, '', 'x', [], {}, Symbol('s'), new ArrayBuffer(0)]
  // Typed loosely on purpose: every input goes to every function.
  const functions = [tokenBytes, tokenHex, tokenUrlsafe, randbelow, randbits, choice, fillRandom] as ((x: unknown) => unknown)[]
  for (const fn of functions) {
    for (const input of inputs) {
      try {
        fn(input)
      } catch (error) {
        const { code } = error as { code?: string }
        t.true(error instanceof TypeError || error instanceof RangeError, `${fn.name}(${String(input)}): ${String(error)}`)
        t.true(['ERR_INVALID_ARG_TYPE', 'ERR_OUT_OF_RANGE'].includes(code as string), `${fn.name}(${String(input)}): ${code}`)
      }
    }
  }
})
