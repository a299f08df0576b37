// The calls of the crash sweep: every export, every SystemRandom method that takes a size, and
// the command line, at and around each limit past which a result cannot exist or V8 would end
// the process. `quick` marks the subset `npm test` runs; the full sweep (`npm run test:sweep`)
// runs them all.

import { constants } from 'node:buffer'

import { MAX_ELEMENTS } from '../../lib/validate.js'

export interface Case {
  /** A library call, as an expression over `s`, `rng` and `big` (see child.cts). */
  expr?: string
  /** Or the command line's arguments. */
  cli?: string[]
  quick?: boolean
  /** Must be refused (a RangeError or TypeError with a code, or exit status 2). */
  refused?: boolean
  /** A hang guard longer than the usual, for legitimate work in proportion to a huge input. */
  guardMs?: number
}

const { MAX_LENGTH, MAX_STRING_LENGTH } = constants
const MAX_SAFE = Number.MAX_SAFE_INTEGER

// The sizes at which V8 gives up, measured on Node.js 20 (x64): an Array grown by push from []
// holds at most 112_813_858 elements (the next growth asks for 169_220_804, past V8's largest
// FixedArray, 2**27 - 3, and V8 ends the process: exit 133); `new Array(n)` throws past that
// FixedArray limit, but from about 2**26 its dictionary elements fill the heap first (exit 134);
// a Set or Map holds 2**24 entries and then throws a RangeError with no code; a TypedArray holds
// 2**32 elements (the limit of MAX_LENGTH bytes is for Buffers) and a bigint 2**30 bits.
const PUSH_LIMIT = 112_813_858
const SET_LIMIT = 2 ** 24

/** `n - 1`, `n` and `n + 1`, those that are safe integers >= 0. */
const around = (...ns: number[]): number[] =>
  ns.flatMap((n) => [n - 1, n, n + 1]).filter((n) => Number.isSafeInteger(n) && n >= 0)

// Every limit a size may meet, and the sizes at and around each.
const LIMITS = [
  2 ** 24, // a Set or Map
  2 ** 26, // where `new Array(n)` turns to dictionary elements that fill the heap
  PUSH_LIMIT,
  MAX_ELEMENTS,
  2 ** 27, // V8's FixedArray
  2 ** 28,
  2 ** 29, // MAX_LENGTH / 8: a Float64Array of MAX_LENGTH bytes
  2 ** 30, // bigint bits; a randomFillSync call
  MAX_STRING_LENGTH / 2, // hex
  Math.floor((MAX_STRING_LENGTH * 3) / 4), // base64url
  MAX_STRING_LENGTH,
  2 ** 31,
  2 ** 32 - 1, // the longest Array
  2 ** 32, // a TypedArray's elements; MAX_LENGTH on Node.js 20
  MAX_LENGTH,
  MAX_SAFE,
]
const SIZES = [...new Set(around(...LIMITS))].sort((a, b) => a - b)

/** One case per size; the quick subset keeps those of `quick` (by default none). */
const sized = (make: (n: number) => string, sizes = SIZES, quick: number[] = []): Case[] =>
  sizes.map((n) => ({ expr: make(n), quick: quick.includes(n) }))

export const CASES: Case[] = [
  // Bytes and tokens.
  ...sized((n) => `s.tokenBytes(${n})`, SIZES, [MAX_LENGTH + 1]),
  ...sized((n) => `rng.randbytes(${n})`, SIZES, [MAX_LENGTH + 1]),
  ...sized((n) => `s.tokenHex(${n})`, SIZES, [MAX_STRING_LENGTH / 2 + 1]),
  ...sized((n) => `s.tokenUrlsafe(${n})`, SIZES, [Math.floor((MAX_STRING_LENGTH * 3) / 4) + 1]),
  ...sized((n) => `s.tokenBytesAsync(${n})`, SIZES, [MAX_LENGTH + 1]),
  ...sized((n) => `s.tokenHexBatch(${n}, 0)`, SIZES, [MAX_ELEMENTS + 1]),
  ...sized((n) => `s.tokenHexBatch(${n}, 1)`, SIZES, [MAX_ELEMENTS + 1]),
  ...sized((n) => `s.tokenUrlsafeBatch(${n}, 16)`),
  ...sized((n) => `s.tokenHexBatch(1, ${n})`, SIZES, [MAX_STRING_LENGTH / 2 + 1]),
  ...sized((n) => `s.tokenUrlsafeBatch(2, ${n})`),
  { expr: `s.tokenHexBatch(2 ** 26, 1)`, quick: true },
  { expr: `s.tokenHexBatch(2 ** 26, 0)` },
  // Bigints.
  ...sized((n) => `s.randbits(${n})`, around(2 ** 30, 2 ** 31, 2 ** 32), [2 ** 30 + 1]),
  ...sized((n) => `rng.getrandbits(${n})`, around(2 ** 30, 2 ** 32), [2 ** 30 + 1]),
  { expr: `s.randbelow(big(2 ** 30))`, quick: true },
  { expr: `rng.randbelow(big(2 ** 30))` },
  { expr: `rng.randrange(-big(2 ** 30), big(2 ** 30))`, quick: true },
  { expr: `rng.randrange(big(2 ** 30), -big(2 ** 30), -1n)` },
  { expr: `rng.randrange(-big(2 ** 30), big(2 ** 30), big(2 ** 30))` },
  { expr: `rng.randint(0n, BigInt.asUintN(2 ** 30, -1n))`, quick: true },
  { expr: `rng.randint(-big(2 ** 30), big(2 ** 30))` },
  { expr: `rng.randrange(BigInt.asUintN(2 ** 30, -1n))` },
  // Sequences: array-likes of every length, and strings at the longest.
  ...sized((n) => `s.choice({ length: ${n} })`, SIZES, [MAX_SAFE]),
  { expr: `s.choice('a'.repeat(${MAX_STRING_LENGTH}))`, quick: true },
  { expr: `rng.choice({ length: ${MAX_SAFE} })` },
  ...sized((n) => `rng.choices({ length: 10 }, { k: ${n} })`, SIZES, [MAX_ELEMENTS + 1]),
  ...sized((n) => `rng.choices({ length: ${n} }, { k: 1 })`),
  ...sized((n) => `rng.choices({ length: ${n} }, { weights: { length: ${n} } })`, SIZES, [2 ** 32, MAX_SAFE]),
  ...sized((n) => `rng.choices({ length: ${n} }, { cumWeights: { length: ${n} } })`, SIZES, [MAX_SAFE]),
  ...sized((n) => `rng.choices([1, 2], { weights: [1, 1], k: ${n} })`),
  { expr: `rng.choices('a'.repeat(${MAX_STRING_LENGTH}))`, quick: true },
  { expr: `rng.choices('a'.repeat(${PUSH_LIMIT + 1}))` },
  { expr: `rng.choices('\\u{1F600}'.repeat(${MAX_STRING_LENGTH / 2}), { k: 3 })` },
  { expr: `rng.sample('\\u{1F600}'.repeat(2 ** 20), 2 ** 20 - 1)`, quick: true },
  ...sized((n) => `rng.sample({ length: ${n} }, 1)`),
  ...sized((n) => `rng.sample({ length: ${MAX_SAFE} }, ${n})`, SIZES, [MAX_ELEMENTS + 1]),
  ...sized((n) => `rng.sample({ length: ${n} }, ${Math.floor(n / 4)})`),
  ...sized((n) => `rng.sample({ length: ${n} }, 1, { counts: { length: ${n} } })`, SIZES, [2 ** 32]),
  ...sized((n) => `rng.sample([1, 2], ${n}, { counts: [${n}, 0] })`),
  ...sized((n) => `rng.sample([1], ${n}, { counts: [${MAX_SAFE}] })`),
  { expr: `rng.sample('a'.repeat(${MAX_STRING_LENGTH}), 1)`, quick: true },
  // A sparse Array's elements are a hash table in V8: shuffling 2**24 slots takes about 2 s, and
  // 2**26 or more, legitimate work in proportion, runs past the hang guard; past MAX_ELEMENTS
  // it is refused.
  ...sized((n) => `rng.shuffle(Object.assign([], { length: ${n} }))`, [2 ** 24, MAX_ELEMENTS + 1, 2 ** 32 - 2, 2 ** 32 - 1], [2 ** 32 - 1]),
  { expr: `rng.binomialvariate(${MAX_SAFE}, 0.5)`, quick: true },
  { expr: `s.compareDigest('a'.repeat(${MAX_STRING_LENGTH}), 'a'.repeat(${MAX_STRING_LENGTH}))` },
  // Passwords.
  ...sized((n) => `s.password({ length: ${n} })`, SIZES, [MAX_SAFE]),
  ...sized((n) => `s.password({ length: ${n}, alphabet: 'ab\\u{1F600}' })`, around(MAX_STRING_LENGTH / 2, MAX_ELEMENTS)),
  ...sized((n) => `s.password({ length: ${n}, minLower: ${n} })`, around(PUSH_LIMIT, MAX_ELEMENTS)),
  { expr: `s.password({ length: 600, minUpper: 590 })`, quick: true, refused: true },
  { expr: `s.password({ alphabet: 'a'.repeat(${MAX_STRING_LENGTH}) })`, quick: true, refused: true },
  { expr: `s.password({ alphabet: 'a'.repeat(${PUSH_LIMIT + 1}) })`, refused: true },
  // Passphrases: the first finding, and the sizes of words and separators that make the result too long.
  { expr: `s.passphrase({ words: 112813870 })`, quick: true, refused: true },
  ...sized((n) => `s.passphrase({ words: ${n} })`, SIZES, [MAX_SAFE]),
  ...sized((n) => `s.passphrase({ words: ${n}, separator: '', wordlist: ['a'] })`, SIZES, [MAX_STRING_LENGTH + 1]),
  { expr: `s.passphrase({ words: 2 ** 26, wordlist: ['a'.repeat(64)] })`, quick: true, refused: true },
  { expr: `s.passphrase({ words: 2, separator: 'x'.repeat(${MAX_STRING_LENGTH}) })`, quick: true, refused: true },
  { expr: `s.passphrase({ words: 1024, separator: 'x'.repeat(2 ** 20) })`, quick: true, refused: true },
  { expr: `s.passphrase({ words: 1, separator: 'x'.repeat(${MAX_STRING_LENGTH}) })` },
  // Past one Set's entries: building and checking 2**24 words takes about 15 s of CPU alone.
  { expr: `s.passphrase({ wordlist: Array.from({ length: ${SET_LIMIT + 1} }, (_, i) => String(i)) })`, guardMs: 120_000 },
  // The command line: each size option at and past its limits. Output is read 64 KiB deep, then
  // the pipe is closed, as `| head -c` would.
  ...[115000000, PUSH_LIMIT + 1, MAX_ELEMENTS, MAX_STRING_LENGTH, MAX_SAFE].map((n) => ({
    cli: ['passphrase', '--words', String(n)],
    quick: n === 115000000,
    refused: true,
  })),
  { cli: ['passphrase', '--words', '2000000', '--count', '2'] },
  ...[MAX_ELEMENTS, MAX_STRING_LENGTH, MAX_STRING_LENGTH + 1, MAX_SAFE].map((n) => ({ cli: ['password', '--length', String(n)], quick: n === MAX_SAFE })),
  { cli: ['password', '--length', '2000000', '--count', '1024'], quick: true },
  ...[MAX_STRING_LENGTH / 2, MAX_STRING_LENGTH / 2 + 1, MAX_SAFE].map((n) => ({ cli: ['hex', String(n)], quick: n > MAX_STRING_LENGTH / 2 })),
  ...[Math.floor((MAX_STRING_LENGTH * 3) / 4), MAX_SAFE].map((n) => ({ cli: ['urlsafe', String(n)] })),
  ...[MAX_LENGTH, MAX_LENGTH + 1, MAX_SAFE].map((n) => ({ cli: ['bytes', String(n)], quick: n === MAX_SAFE })),
  { cli: ['bytes', '1', '--count', String(MAX_SAFE)], quick: true },
  { cli: ['bytes', String(MAX_SAFE), '--count', String(MAX_SAFE)] },
  ...['hex', 'urlsafe', 'password', 'passphrase'].map((command) => ({ cli: [command, '--count', String(MAX_SAFE)], quick: command === 'hex' })),
  { cli: ['hex', '0', '--count', String(MAX_SAFE)], quick: true },
  { cli: ['randbelow', '9'.repeat(100000)] },
]
