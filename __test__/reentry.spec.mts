// Code that is not the package's, run while a pool is being refilled, calling the package again:
// a getter or method someone put on a built-in. Each built-in the package could call on its way
// to the OS gets a replacement that, on its k-th call during one draw, makes a draw of the same
// kind first. Whatever runs when, every result must be well formed and nonzero, and no result
// may equal another, the inner ones included: no word or digit handed out twice, none zeroed
// under the outer call's feet. (Before the built-ins were taken at load, a `length` getter read
// after the fill handed the outer tokenBytes(16) sixteen zero bytes.)

import { Buffer } from 'node:buffer'
import { createRequire } from 'node:module'

import { SystemRandom, choice, randbelow, randbits, tokenBytes, tokenHex, tokenUrlsafe } from 'napi-secrets'
import test from './helpers/test.mjs'

const nodeCrypto = createRequire(import.meta.url)('node:crypto') as Record<string, unknown>
const TypedArray = Object.getPrototypeOf(Uint8Array.prototype) as object
const { apply } = Reflect
const { defineProperty, getOwnPropertyDescriptor } = Object

/** Puts a replacement in place that runs `hook` and then the original; returns the undo. */
type Install = (hook: () => void) => () => void

function replaceGetter(target: object, key: string): Install {
  return (hook) => {
    const original = getOwnPropertyDescriptor(target, key) as PropertyDescriptor
    const get = original.get as () => unknown
    defineProperty(target, key, {
      ...original,
      get(this: unknown) {
        hook()
        return apply(get, this, [])
      },
    })
    return () => defineProperty(target, key, original)
  }
}

function replaceMethod(target: object, key: string): Install {
  return (hook) => {
    const original = getOwnPropertyDescriptor(target, key) as PropertyDescriptor
    const method = original.value as (...args: unknown[]) => unknown
    defineProperty(target, key, {
      ...original,
      value(this: unknown, ...args: unknown[]) {
        hook()
        return apply(method, this, args)
      },
    })
    return () => defineProperty(target, key, original)
  }
}

const BUILT_INS: Record<string, Install> = {
  '%TypedArray%.prototype.length': replaceGetter(TypedArray, 'length'),
  '%TypedArray%.prototype.byteLength': replaceGetter(TypedArray, 'byteLength'),
  '%TypedArray%.prototype.byteOffset': replaceGetter(TypedArray, 'byteOffset'),
  '%TypedArray%.prototype.buffer': replaceGetter(TypedArray, 'buffer'),
  '%TypedArray%.prototype.subarray': replaceMethod(TypedArray, 'subarray'),
  '%TypedArray%.prototype.fill': replaceMethod(TypedArray, 'fill'),
  '%TypedArray%.prototype.set': replaceMethod(TypedArray, 'set'),
  'ArrayBuffer.prototype.byteLength': replaceGetter(ArrayBuffer.prototype, 'byteLength'),
  'Function.prototype.call': replaceMethod(Function.prototype, 'call'),
  'Function.prototype.apply': replaceMethod(Function.prototype, 'apply'),
  'Buffer.prototype.latin1Slice': replaceMethod(Buffer.prototype, 'latin1Slice'),
  'Buffer.alloc': replaceMethod(Buffer, 'alloc'),
  'Buffer.allocUnsafeSlow': replaceMethod(Buffer, 'allocUnsafeSlow'),
  'crypto.randomFillSync': replaceMethod(nodeCrypto, 'randomFillSync'),
  'crypto.getRandomValues': replaceMethod(Object.getPrototypeOf(globalThis.crypto) as object, 'getRandomValues'),
}

/** An array-like whose elements are their indices, too long to list: `choice` of it is `randbelow`. */
const indices = new Proxy({ length: 2 ** 32 - 1 }, { get: (target, key) => (key === 'length' ? target.length : Number(key)) })
const rng = new SystemRandom()

interface Kind {
  draw: () => unknown
  /** The result as a string to compare, or `undefined` if it is malformed or zero. */
  key: (value: unknown) => string | undefined
  /** Draws enough to refill its pool at least once, wherever the pool stands. */
  calls: number
}

const text = (pattern: RegExp) => (value: unknown) => (pattern.test(value as string) ? (value as string) : undefined)
const nonzero = (value: unknown) => (value === 0 || value === 0n ? undefined : String(value))

// Word pool: 1024 words a refill. Digit pools: 32768 digits a refill.
const KINDS: Record<string, Kind> = {
  'tokenBytes(16)': {
    draw: () => tokenBytes(16),
    key: (b) => ((b as Buffer).every((x) => x === 0) ? undefined : (b as Buffer).toString('hex')),
    calls: 260,
  },
  // Some digit a-f: a fill that re-entered after the bytes came made digits from digits, all
  // 0-9 (a uniform token has none of a-f once in 1.6 * 10**13).
  'tokenHex(32)': { draw: () => tokenHex(32), key: text(/^(?=.*[a-f])[0-9a-f]{64}$/), calls: 520 },
  'tokenUrlsafe(32)': { draw: () => tokenUrlsafe(32), key: text(/^[\w-]{43}$/), calls: 770 },
  'randbelow(2**53 - 1)': { draw: () => randbelow(2 ** 53 - 1), key: nonzero, calls: 520 },
  'randbelow(2n**64n)': { draw: () => randbelow(2n ** 64n), key: nonzero, calls: 2060 },
  'randbits(64)': { draw: () => randbits(64), key: nonzero, calls: 2060 },
  'choice, twice': {
    draw: () => (choice(indices) as number) * 2 ** 32 + (choice(indices) as number),
    key: nonzero,
    calls: 520,
  },
  'SystemRandom.random()': { draw: () => rng.random(), key: nonzero, calls: 520 },
}

/**
 * Draws `kind` `calls` times with `install`'s replacement in place, which on its `k`-th call
 * within one outer draw makes one inner draw, or two every other time (so that refills fall on
 * outer and inner draws alike). Returns every result, outer and inner, and the inner count.
 */
function run(kind: Kind, install: Install, k: number): { results: unknown[]; inner: number } {
  const results: unknown[] = []
  let armed = false
  let count = 0
  let inner = 0
  const undo = install(() => {
    if (!armed || ++count !== k) return
    armed = false
    for (let j = inner % 2; j < 2; j++) results.push(kind.draw())
    inner++
  })
  try {
    for (let i = 0; i < kind.calls; i++) {
      count = 0
      armed = true
      const value = kind.draw()
      armed = false
      results.push(value)
    }
  } finally {
    armed = false
    undo()
  }
  return { results, inner }
}

for (const [kindName, kind] of Object.entries(KINDS)) {
  test(`${kindName}: a draw made from inside any built-in it calls leaves every result sound`, (t) => {
    // False alarms: every check is a collision or a zero among at most ~10**4 values of 53 bits
    // or more per built-in and k, or the hex check above: below 10**-7 in all.
    let inner = 0
    for (const [name, install] of Object.entries(BUILT_INS)) {
      for (let k = 1; k <= 4; k++) {
        const run1 = run(kind, install, k)
        inner += run1.inner
        const keys = run1.results.map(kind.key)
        const bad = keys.findIndex((key) => key === undefined)
        t.is(bad, -1, `${name}, call ${k}: result ${bad} is malformed or zero: ${String(run1.results[bad])}`)
        t.is(new Set(keys).size, keys.length, `${name}, call ${k}: a result was handed out twice`)
      }
    }
    t.log(`${inner} inner draws`)
  })
}
