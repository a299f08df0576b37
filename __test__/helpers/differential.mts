// Calls every export and SystemRandom method over the same arguments, valid and not, and prints
// a JSON line per call: the shape of the result (never its random contents) or the error's class,
// code and message. differential.spec.mts runs this once per backend and compares the two.

import { constants } from 'node:buffer'

import * as secrets from 'napi-secrets'

type Call = [label: string, run: () => unknown]

// 2**31 + 1 bytes: past the largest offset node:crypto's randomFillSync takes. Its three fills
// of 2 GiB are most of this script's time, and under emulation (test:arm64, test:musl) nearly
// five minutes, probing the js backend's limits rather than the CPU's: there, where
// NAPI_SECRETS_SWEEP=off leaves the crash sweep out for the same reason, it is left out too.
// One past the longest Buffer, rather than a fixed size such as 2**32 + 1, which is valid from
// Node.js 22 on and would make each call fill 4 GiB.
const HUGE = process.env.NAPI_SECRETS_SWEEP === 'off' ? [] : [2 ** 31 + 1]
const SIZES: unknown[] = [undefined, null, 0, 1, 16, 33, 1.5, -1, -0, NaN, Infinity, ...HUGE, constants.MAX_LENGTH + 1, '8', 8n, true, {}, []]
const BOUNDS: unknown[] = [
  1, 2, 10, 2 ** 32, 2 ** 53 - 1, 2 ** 53, 0, -1, 1.5, NaN, Infinity,
  1n, 10n, 2n ** 64n, 2n ** 256n + 1n, 0n, -1n, '10', null, undefined, true, {},
]
const BITS: unknown[] = [0, 1, 31, 32, 33, 64, 200, 2 ** 30 + 1, -1, 1.5, NaN, '8', 8n, null, undefined]
const SEQUENCES: unknown[] = [
  'abc', '', '\u{1F600}\u{1F601}', '\uD800', [1, 2], [], new Uint8Array(3), new BigInt64Array(2), new Float64Array(0),
  { length: 2, 0: 'a', 1: 'b' }, { length: -1 }, { length: 2 ** 53 }, 5, null, undefined, new Set([1]), new Map(),
]
const DIGESTS: [unknown, unknown][] = [
  ['a', 'a'], ['a', 'b'], ['', ''], ['ab', 'a'], ['é', 'é'], ['a', Buffer.from('a')],
  [Buffer.from('ab'), Buffer.from('ab')], [Buffer.from('ab'), Buffer.from('ac')], [new Uint16Array(2), new Uint8Array(4)],
  [new ArrayBuffer(2), new DataView(new ArrayBuffer(2))], [new Float64Array(1), new Float64Array(1)],
  [1, 2], [null, 'a'], ['a', undefined], [[1], [1]], [new SharedArrayBuffer(2), new Uint8Array(2)],
]
const VIEWS: unknown[] = [
  new Uint8Array(0), new Uint8Array(16), new Float64Array(4), new BigUint64Array(2), new DataView(new ArrayBuffer(8)),
  new ArrayBuffer(8), new SharedArrayBuffer(8), Buffer.alloc(4), new Uint8Array(new ArrayBuffer(16), 3, 5),
  [], 'abc', null, undefined, 5, {},
]
const COUNTS: unknown[] = [0, 1, 3, -1, 1.5, NaN, 2 ** 32, '3', 3n, null, undefined]

const rng = new secrets.SystemRandom()
const method = (name: string) => (rng as unknown as Record<string, (...args: unknown[]) => unknown>)[name].bind(rng)
const each = (name: string, fn: (...args: unknown[]) => unknown, argsList: unknown[][]): Call[] =>
  argsList.map((args) => [`${name}(${args.map(show).join(', ')})`, () => fn(...args)])
const ones = (values: unknown[]): unknown[][] => values.map((v) => [v])
const fns = secrets as unknown as Record<string, (...args: unknown[]) => unknown>

const calls: Call[] = [
  ...['tokenBytes', 'tokenHex', 'tokenUrlsafe', 'tokenBytesAsync'].flatMap((name) => each(name, fns[name], ones(SIZES))),
  ...each('randbelow', fns.randbelow, ones(BOUNDS)),
  ...each('randbits', fns.randbits, ones(BITS)),
  ...each('choice', fns.choice, ones(SEQUENCES)),
  ...each('compareDigest', fns.compareDigest, DIGESTS),
  ...each('fillRandom', fns.fillRandom, ones(VIEWS)),
  ...each('fillRandomAsync', fns.fillRandomAsync, ones(VIEWS)),
  ...['tokenHexBatch', 'tokenUrlsafeBatch'].flatMap((name) =>
    each(name, fns[name], [...ones(COUNTS), [2, 0], [2, 5], [2, -1], [2, '5'], [2, null], [1, 2 ** 32]]),
  ),
  // EFF words differ in length: of the default list's passphrases, only the word count is compared.
  ...each('passphrase words', (...args) => (fns.passphrase(...args) as string).split(' ').length, [[], [null], [{ words: 3 }]]),
  ...each('passphrase', fns.passphrase, [
    [{ words: 0 }], [{ words: -1 }], [{ words: 1.5 }], [{ separator: '-', wordlist: ['ab', 'cd'] }], [{ separator: 1 }],
    [{ wordlist: ['a', 'b'] }], [{ wordlist: [] }], [{ wordlist: ['a', 'a'] }], [{ wordlist: ['a', ''] }], [{ wordlist: 'ab' }],
    [{ word: 3 }], [5], [new Date()],
  ]),
  ...each('password', fns.password, [
    [], [null], [{ length: 0 }], [{ length: 12, minDigits: 2, minUpper: 1, minLower: 1 }], [{ alphabet: 'ab1!', minSymbols: 2, length: 4 }],
    [{ alphabet: '\u{1F600}\u{1F601}', length: 3 }], [{ length: 8, minDigits: 6 }], [{ length: 2, minDigits: 3 }], [{ minSymbols: 1 }],
    [{ alphabet: 'aba' }], [{ alphabet: '' }], [{ alphabet: 5 }], [{ length: -1 }], [{ length: 1.5 }], [{ minLower: '1' }],
    [{ length: 513, minDigits: 200 }], [{ lenght: 4 }], ['abc'],
  ]),
  ...each('random', method('random'), [[]]),
  ...each('getrandbits', method('getrandbits'), ones(BITS)),
  ...each('randbytes', method('randbytes'), ones(SIZES)),
  ...each('randbelow', method('randbelow'), ones(BOUNDS)),
  ...each('randrange', method('randrange'), [
    ...ones(BOUNDS), [0, 10], [10, 0], [0, 10, 3], [10, 0, -3], [0, 10, 0], [0n, 10n], [0, 10n], [1.5, 3], [0, 10, '1'],
    [2n ** 70n, 2n ** 70n + 5n, 2n], [-(2 ** 53) + 1, 2 ** 53 - 1], [5, null, 1], [5, undefined, 2],
  ]),
  ...each('randint', method('randint'), [[1, 6], [6, 1], [1, 1], [1n, 6n], [1, 6n], [1, 6.5], ['1', 6], [1], []]),
  ...each('choice', method('choice'), ones(SEQUENCES)),
  ...each('choices', method('choices'), [
    ['abc'], ['abc', { k: 3 }], ['abc', { k: -1 }], ['abc', { k: 1.5 }], ['abc', { weights: [1, 2, 3], k: 2 }],
    ['abc', { weights: [1, 2] }], ['abc', { cumWeights: [1, 2, 3] }], ['abc', { cumWeights: [3, 2, 1] }],
    ['abc', { weights: [0, 0, 0] }], ['abc', { weights: [1, NaN, 1] }], ['abc', { k: 2, extra: 1 }],
    ['abc', 3], [[], { k: 1 }], [5], [null],
  ]),
  ...each('shuffle', method('shuffle'), [[[1, 2, 3]], [[]], [new Uint8Array(4)], ['abc'], [Object.freeze([1, 2])], [5], [null]]),
  ...each('sample', method('sample'), [
    ['abcdef', 3], ['abc', 4], ['abc', -1], ['abc', 1.5], [[1, 2, 3], 3], [new Uint8Array(4), 2], ['abc'],
    [['a', 'b'], 3, { counts: [2, 2] }], [['a', 'b'], 5, { counts: [2, 2] }], [['a', 'b'], 1, { counts: [1] }],
    [new Set([1]), 1], [5, 1],
  ]),
  ...['uniform', 'triangular', 'normalvariate', 'gauss', 'lognormvariate', 'expovariate', 'vonmisesvariate',
    'gammavariate', 'betavariate', 'paretovariate', 'weibullvariate', 'binomialvariate'].flatMap((name) =>
    each(name, method(name), [[], [1], [1, 2], [2, 1], [0, 0], [-1, 1], [1, -1], [NaN, 1], [Infinity, 1], ['1', 2], [1n, 2]]),
  ),
  ...each('getstate', method('getstate'), [[]]),
  ...each('setstate', method('setstate'), [[null]]),
]

function show(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value)
  if (value === null || typeof value !== 'object') return String(value)
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`
  const name = value.constructor?.name ?? 'Object'
  if (ArrayBuffer.isView(value)) return `${name}(${value.byteLength} bytes)`
  if (name === 'Object') return `{${Object.entries(value).map(([k, v]) => `${k}: ${show(v)}`).join(', ')}}`
  return name
}

// One draw may fall inside a smaller alphabet by chance: password({ length: 8, minDigits: 6 }) has
// two free letters or digits, both lowercase hex 6.7% of the time. So a string's alphabet is read
// from DRAWS draws of its call together; the 128 free characters of that password are then all hex
// with probability (16/62)**128, about 1e-75.
const DRAWS = 64

/** The result's type and size, and what its random contents are made of: never the contents. */
function shape(value: unknown, again?: () => unknown): string {
  if (typeof value === 'string') {
    let drawn = value
    for (let i = 1; again && i < DRAWS; i++) drawn += again() as string
    const alphabet = /^[0-9a-f]*$/.test(drawn) ? 'hex' : /^[\w-]*$/.test(drawn) ? 'urlsafe' : 'text'
    return `string(${value.length}, ${alphabet})`
  }
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : typeof value
  if (typeof value === 'bigint' || typeof value === 'boolean' || value == null) return String(typeof value === 'bigint' ? 'bigint' : value)
  if (Array.isArray(value)) return `Array(${value.length}) of ${[...new Set(value.map((item) => shape(item)))].join(' | ')}`
  const name = (value as object).constructor?.name ?? 'Object'
  if (ArrayBuffer.isView(value)) return `${name}(${value.byteLength} bytes at ${value.byteOffset})`
  if (value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return `${name}(${value.byteLength})`
  return name
}

const outcome = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException
  return `${e.constructor.name} ${e.code} ${e.message}`
}

for (const [label, run] of calls) {
  let result: string
  try {
    const value = run()
    result = value instanceof Promise ? `Promise of ${await value.then(shape, (e) => `rejection ${outcome(e)}`)}` : shape(value, run)
  } catch (error) {
    result = `throws ${outcome(error)}`
  }
  console.log(JSON.stringify([label, result]))
}
