// SystemRandom's surface: types in and out, the number/bigint rule, exact wide ranges, sequences,
// options, and every error path with its class, code and message.
import { constants } from 'node:buffer'
import { inspect } from 'node:util'

import { SystemRandom } from 'napi-secrets'
import { indexMap } from '../lib/system-random/arithmetic.js'
import { codeInChild } from './helpers/child.mjs'
import { rangeError, throwsNodeError, typeError, valueError } from './helpers/errors.mjs'
import test from './helpers/test.mjs'

const rng = new SystemRandom()
const MAX_SAFE = Number.MAX_SAFE_INTEGER



type CodedError = Error & { code?: string }
const codeOf = (error: unknown): string | undefined => (error as CodedError | undefined)?.code


const METHODS = [
  'random', 'seed', 'getstate', 'setstate', 'getrandbits', 'randbytes', 'randbelow', 'randrange',
  'randint', 'choice', 'choices', 'shuffle', 'sample', 'uniform', 'triangular', 'normalvariate',
  'gauss', 'lognormvariate', 'expovariate', 'vonmisesvariate', 'gammavariate', 'betavariate',
  'paretovariate', 'weibullvariate', 'binomialvariate',
]

test('methods live on the prototype; an argument to the constructor is ignored', (t) => {
  const prototype = SystemRandom.prototype as unknown as Record<string, unknown>
  for (const name of METHODS) t.is(typeof prototype[name], 'function', name)
  const seeded = new SystemRandom(42)
  t.true(seeded instanceof SystemRandom)
  t.deepEqual(Object.keys(seeded), [])
  t.not(seeded.random(), new SystemRandom(42).random())
  // @ts-expect-error a class needs new
  t.throws(() => SystemRandom(), { instanceOf: TypeError })
})

test('methods work detached from their instance', (t) => {
  const { random, randint, choice, gauss, sample } = new SystemRandom()
  const r = random()
  t.true(r >= 0 && r < 1)
  t.true(randint(1, 6) >= 1)
  t.is(choice(['only']), 'only')
  t.is(typeof gauss(), 'number')
  t.is(typeof gauss(), 'number')
  t.is(sample([1], 1)[0], 1)
})

test('random() is a multiple of 2**-53 in [0, 1)', (t) => {
  for (let i = 0; i < 1000; i++) {
    const r = rng.random()
    t.true(r >= 0 && r < 1 && Number.isInteger(r * 2 ** 53))
  }
})

// ---- integers ----

test('randbelow, randrange and randint give numbers for numbers and bigints for bigints', (t) => {
  for (const [call, lo, hi] of [
    [() => rng.randbelow(10), 0, 9],
    [() => rng.randrange(10), 0, 9],
    [() => rng.randrange(-5, 5), -5, 4],
    [() => rng.randrange(10, 0, -3), 1, 10],
    [() => rng.randint(-3, 3), -3, 3],
  ] as const) {
    const r = call()
    t.true(typeof r === 'number' && Number.isInteger(r) && r >= lo && r <= hi, String(call))
  }
  for (const [call, lo, hi] of [
    [() => rng.randbelow(10n ** 30n), 0n, 10n ** 30n - 1n],
    [() => rng.randrange(10n), 0n, 9n],
    [() => rng.randrange(-(2n ** 100n), 2n ** 100n), -(2n ** 100n), 2n ** 100n - 1n],
    [() => rng.randrange(0n, 100n, 7n), 0n, 98n],
    [() => rng.randint(2n ** 64n, 2n ** 64n + 1n), 2n ** 64n, 2n ** 64n + 1n],
  ] as const) {
    const r = call()
    t.true(typeof r === 'bigint' && r >= lo && r <= hi, String(call))
  }
  t.is(rng.randbelow(1), 0)
  t.is(rng.randbelow(1n), 0n)
  t.is(rng.randint(7, 7), 7)
  t.is(rng.randint(-7n, -7n), -7n)
})

test('steps land on the grid, forwards and backwards, for numbers and bigints', (t) => {
  for (let i = 0; i < 200; i++) {
    t.true([10, 7, 4, 1].includes(rng.randrange(10, 0, -3)))
    t.true([0n, 3n, 6n, 9n].includes(rng.randrange(0n, 10n, 3n)))
    t.true([-10, -8, -6, -4, -2].includes(rng.randrange(-10, -1, 2)))
  }
})

test('number ranges wider than 2**53 are drawn exactly, and stay safe integers', (t) => {
  const lo = -MAX_SAFE
  const hi = MAX_SAFE
  for (let i = 0; i < 2000; i++) {
    const r = rng.randrange(lo, hi)
    t.true(Number.isSafeInteger(r) && r >= lo && r < hi)
    const s = rng.randint(lo, hi)
    t.true(Number.isSafeInteger(s) && s >= lo && s <= hi)
  }
  // A step of 2**52 over that range: exactly four values, each reached in 200 draws but with
  // probability 4 * 0.75**200.
  const grid = [0n, 1n, 2n, 3n].map((k) => Number(BigInt(lo) + k * 2n ** 52n))
  const seen = new Set(Array.from({ length: 200 }, () => rng.randrange(lo, hi, 2 ** 52)))
  t.deepEqual([...seen].sort((a, b) => a - b), grid)
  // The ends of the safe range, where b + 1 is 2**53.
  const top = new Set(Array.from({ length: 100 }, () => rng.randint(MAX_SAFE - 1, MAX_SAFE)))
  t.deepEqual([...top].sort((a, b) => a - b), [MAX_SAFE - 1, MAX_SAFE])
  t.is(rng.randint(MAX_SAFE, MAX_SAFE), MAX_SAFE)
  t.is(rng.randint(-MAX_SAFE, -MAX_SAFE), -MAX_SAFE)
  t.true(Number.isSafeInteger(rng.randint(0, MAX_SAFE)))
})

test('mixing numbers and bigints is a TypeError', (t) => {
  for (const [call, name, kind, first] of [
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.randrange(1, 10n), 'stop', 'number', 'start'],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.randrange(1n, 10), 'stop', 'bigint', 'start'],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.randrange(1n, 10n, 2), 'step', 'bigint', 'start'],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.randrange(1, 10, 2n), 'step', 'number', 'start'],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.randint(1, 6n), 'b', 'number', 'a'],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.randint(1n, 6), 'b', 'bigint', 'a'],
  ] as const) {
    throwsNodeError(t, call, typeError(new RegExp(`"${name}" argument must be of type ${kind}, as "${first}" is`)), String(call))
  }
})

test('integer arguments of the wrong type are TypeErrors naming them', (t) => {
  for (const value of [undefined, null, '5', true, {}, [5], Symbol('s')]) {
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.randbelow(value), typeError(/"n" argument must be of type number or bigint/))
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.randrange(value), typeError(/"start" argument must be of type number or bigint/))
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.randint(value, 5), typeError(/"a" argument must be of type number or bigint/))
  }
  for (const value of [undefined, '5', true]) {
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.randint(1, value), typeError(/"b" argument must be of type number\./))
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.randrange(1, 5, value ?? null), typeError(/"step" argument must be of type number\./))
  }
  // @ts-expect-error wrong arguments, on purpose
  throwsNodeError(t, () => rng.randrange(1, '5'), typeError(/"stop" argument must be of type number\./))
})

test('non-integer and unsafe numbers are RangeErrors showing the value', (t) => {
  for (const [value, shown] of [[1.5, '1.5'], [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity']] as const) {
    const message = new RegExp(`It must be an integer\\. Received ${shown}$`)
    throwsNodeError(t, () => rng.randbelow(value), rangeError(message))
    throwsNodeError(t, () => rng.randrange(value), rangeError(new RegExp(`"start" is out of range\\. ${message.source}`)))
    throwsNodeError(t, () => rng.randrange(0, value), rangeError(new RegExp(`"stop" is out of range\\. ${message.source}`)))
    throwsNodeError(t, () => rng.randrange(0, 10, value), rangeError(new RegExp(`"step" is out of range\\. ${message.source}`)))
    throwsNodeError(t, () => rng.randint(value, 10), rangeError(new RegExp(`"a" is out of range\\. ${message.source}`)))
    throwsNodeError(t, () => rng.randint(0, value), rangeError(new RegExp(`"b" is out of range\\. ${message.source}`)))
  }
  for (const value of [2 ** 53, -(2 ** 53), 2 ** 64]) {
    throwsNodeError(t, () => rng.randbelow(value), rangeError(/"n" is out of range\. It must be a safe integer; pass a bigint/))
    throwsNodeError(t, () => rng.randrange(0, value), rangeError(/"stop" is out of range\. It must be a safe integer; pass a bigint/))
    throwsNodeError(t, () => rng.randint(value, 0), rangeError(/"a" .* pass a bigint/))
  }
})

test('randbelow of a bound below 1 is a RangeError', (t) => {
  for (const [value, range] of [[0, '>= 1'], [-1, '>= 1'], [0n, '>= 1n'], [-5n, '>= 1n']] as const) {
    throwsNodeError(t, () => rng.randbelow(value), rangeError(new RegExp(`"n" is out of range\\. It must be ${range}\\.`)))
  }
})

test('empty ranges and zero steps are RangeErrors in Python\'s words, showing the arguments', (t) => {
  for (const [call, message] of [
    [() => rng.randrange(0), 'empty range for randrange(0)'],
    [() => rng.randrange(-5n), 'empty range for randrange(-5n)'],
    [() => rng.randrange(3, 3), 'empty range in randrange(3, 3)'],
    [() => rng.randrange(5n, 2n), 'empty range in randrange(5n, 2n)'],
    [() => rng.randrange(0, 100, -12), 'empty range in randrange(0, 100, -12)'],
    [() => rng.randrange(100, 0, 12), 'empty range in randrange(100, 0, 12)'],
    [() => rng.randrange(0, 42, 0), 'zero step for randrange(0, 42, 0)'],
    [() => rng.randrange(0n, 42n, 0n), 'zero step for randrange(0n, 42n, 0n)'],
    [() => rng.randint(1, 0), 'empty range in randrange(1, 1)'],
    [() => rng.randint(5n, 3n), 'empty range in randrange(5n, 4n)'],
    [() => rng.randint(MAX_SAFE, -MAX_SAFE), 'empty range in randrange(9007199254740991, -9007199254740990)'],
  ] as const) {
    throwsNodeError(t, call, rangeError(new RegExp(`^${message.replace(/[()]/g, '\\$&')}$`)), String(call))
  }
})

test('a step without a stop is a TypeError, as in Python; a step of 1 passes', (t) => {
  const calls = [() => rng.randrange(10, undefined, 2), () => rng.randrange(10, null, 2), () => rng.randrange(10n, null, 2n)]
  for (const call of calls) {
    const error = t.throws(call, { instanceOf: TypeError }) as CodedError
    t.is(error.code, 'ERR_INVALID_ARG_TYPE')
    t.regex(error.message, /^The "stop" argument must be of type number or bigint when "step" is given\. Received (undefined|null)$/)
  }
  t.true(rng.randrange(10, null, 1) < 10)
  t.true(rng.randrange(10, undefined) < 10)
})

test('getrandbits(k): a bigint below 2**k, for 0 <= k <= 2**30', (t) => {
  t.is(rng.getrandbits(0), 0n)
  t.true(rng.getrandbits(2 ** 20) < 1n << BigInt(2 ** 20))
  throwsNodeError(t, () => rng.getrandbits(-1), rangeError(/"k" is out of range\. It must be >= 0 && <= 1073741824\. Received -1$/))
  throwsNodeError(t, () => rng.getrandbits(2 ** 30 + 1), rangeError(/Received 1073741825$/))
  throwsNodeError(t, () => rng.getrandbits(1.5), rangeError(/It must be an integer\. Received 1\.5$/))
  // @ts-expect-error wrong arguments, on purpose
  throwsNodeError(t, () => rng.getrandbits(8n), typeError(/"k" argument must be of type number\. Received type bigint \(8n\)/))
})

test('randbytes(n): a Buffer of n random bytes with an ArrayBuffer of its own', (t) => {
  for (const n of [1, 16, 64, 65, 4096]) {
    const bytes = rng.randbytes(n)
    t.true(Buffer.isBuffer(bytes))
    t.is(bytes.length, n)
    // Never a slice of Node's shared pool, where other Buffers' bytes would be reachable.
    t.is(bytes.buffer.byteLength, n)
  }
  // 64 zero bytes come up with probability 2**-512.
  t.false(rng.randbytes(64).every((b) => b === 0))
  throwsNodeError(t, () => rng.randbytes(-1), rangeError(/"n" is out of range/))
  throwsNodeError(t, () => rng.randbytes(constants.MAX_LENGTH + 1), rangeError(/"n" is out of range/))
  // @ts-expect-error wrong arguments, on purpose
  throwsNodeError(t, () => rng.randbytes('4'), typeError(/"n" argument must be of type number/))
})

// ---- sequences ----

test('choice takes what the module\'s choice takes, strings by code point', (t) => {
  t.true(['a', '😀'].includes(rng.choice('a😀')))
  t.true(['a', '😀'].includes(rng.choice(new String('a😀'))))
  t.true([1, 2].includes(rng.choice(new Uint16Array([1, 2]))))
  t.true([1n, 2n].includes(rng.choice(new BigUint64Array([1n, 2n]))))
  t.is(rng.choice({ length: 1, 0: 'x' }), 'x')
  for (const value of [5, undefined, null, Symbol('s'), 5n]) {
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.choice(value), typeError(/"seq" argument must be an Array, TypedArray, string or array-like object/))
  }
  for (const value of [[], '', new Float64Array(0), { length: 0 }]) {
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.choice(value), rangeError(/^Cannot choose from an empty sequence$/))
  }
  throwsNodeError(t, () => rng.choice({ length: -1 }), rangeError(/"seq\.length" is out of range/))
})

test('choices: results, defaults and null options', (t) => {
  t.is(rng.choices('ab').length, 1)
  t.is(rng.choices('ab', null).length, 1)
  t.is(rng.choices('ab', { k: null, weights: null, cumWeights: null }).length, 1)
  t.deepEqual(rng.choices('ab', { k: 0 }), [])
  t.deepEqual(rng.choices([], { k: -3 }), [])
  t.true(rng.choices('a😀', { k: 50 }).every((c) => c === 'a' || c === '😀'))
  t.deepEqual(rng.choices('a😀', { weights: [0, 1], k: 3 }), ['😀', '😀', '😀'])
  t.deepEqual(rng.choices([1, 2, 3], { weights: new Float64Array([0, 0, 2]), k: 2 }), [3, 3])
  t.deepEqual(rng.choices([1, 2, 3], { cumWeights: [0, 5, 5], k: 2 }), [2, 2])
  const fromArrayLike = rng.choices({ length: 3, 0: 'x', 1: 'y', 2: 'z' }, { k: 20 })
  t.true(fromArrayLike.every((c) => 'xyz'.includes(c)))
})

test('choices: a weight of zero is never chosen, even last', (t) => {
  // Subnormal totals make random() * total round to the total now and then; Python's bisect
  // would then pick the last element whatever its weight.
  for (let i = 0; i < 20; i++) {
    t.true(rng.choices('abc', { weights: [5e-324, 5e-324, 0], k: 500 }).every((c) => c !== 'c'))
    t.true(rng.choices('abcd', { weights: [1, 0, 3, 0], k: 500 }).every((c) => c === 'a' || c === 'c'))
  }
})

test('choices: option errors', (t) => {
  for (const options of [3, 'k', true, [1, 2], new Float64Array(2)]) {
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.choices('ab', options), typeError(/"options" argument must be a plain object/))
  }
  // @ts-expect-error wrong arguments, on purpose
  const spelled = t.throws(() => rng.choices('ab', { cum_weights: [1, 2] }), { instanceOf: TypeError }) as CodedError
  t.is(spelled.code, 'ERR_INVALID_ARG_VALUE')
  t.regex(spelled.message, /"cumWeights"/)
  const both = t.throws(() => rng.choices('ab', { weights: [1, 1], cumWeights: [1, 2] }), { instanceOf: TypeError }) as CodedError
  t.is(both.code, 'ERR_INVALID_ARG_TYPE')
  t.is(both.message, 'Cannot specify both weights and cumulative weights')
  // @ts-expect-error wrong arguments, on purpose
  throwsNodeError(t, () => rng.choices('ab', { k: 2n }), typeError(/"options\.k" argument must be of type number/))
  // @ts-expect-error wrong arguments, on purpose
  throwsNodeError(t, () => rng.choices('ab', { k: '2' }), typeError(/"options\.k" argument must be of type number/))
  throwsNodeError(t, () => rng.choices('ab', { k: 2.5 }), rangeError(/"options\.k" is out of range\. It must be an integer/))
  throwsNodeError(t, () => rng.choices('ab', { k: 2 ** 32 }), rangeError(/"options\.k" is out of range\. It must be >= -9007199254740991 && <= 134213632/))
  // Too large for the heap: refused before any drawing, where V8 would end the process.
  throwsNodeError(t, () => rng.choices('ab', { k: 2 ** 32 - 1 }), rangeError(/"options\.k" is out of range\. It must be >= -9007199254740991 && <= 134213632/))
  // @ts-expect-error wrong arguments, on purpose
  throwsNodeError(t, () => rng.choices(5), typeError(/"population" argument must be an Array, TypedArray, string or array-like/))
})

test('choices: weight errors name the weight and show it', (t) => {
  for (const [options, error] of [
    [{ weights: [1, 2, 3] }, rangeError(/^The number of weights does not match the population: 3 for 2 elements$/)],
    [{ cumWeights: [1] }, rangeError(/^The number of cumWeights does not match the population: 1 for 2 elements$/)],
    [{ weights: 5 }, typeError(/"options\.weights" argument must be an Array/)],
    [{ cumWeights: 5 }, typeError(/"options\.cumWeights" argument must be an Array/)],
    [{ weights: [1, '2'] }, typeError(/"options\.weights\[1\]" argument must be of type number\. Received type string/)],
    [{ weights: [1, 2n] }, typeError(/"options\.weights\[1\]" argument must be of type number/)],
    [{ cumWeights: [null, 1] }, typeError(/"options\.cumWeights\[0\]" argument must be of type number\. Received null/)],
    [{ weights: [1, -1] }, rangeError(/"options\.weights\[1\]" is out of range\. It must be >= 0 and finite\. Received -1$/)],
    [{ weights: [NaN, 1] }, rangeError(/"options\.weights\[0\]" is out of range\. It must be a number other than NaN/)],
    [{ weights: [1, Infinity] }, rangeError(/"options\.weights\[1\]" .* Received Infinity$/)],
    [{ weights: [0, 0] }, rangeError(/^Total of weights must be greater than zero: it is 0$/)],
    [{ weights: [1e308, 1e308] }, rangeError(/^Total of weights must be finite: it is Infinity$/)],
    [{ cumWeights: [0, 0] }, rangeError(/^Total of weights must be greater than zero: it is 0$/)],
    [{ cumWeights: [2, 1] }, rangeError(/"options\.cumWeights\[1\]" .* It must be finite and >= 2 \(the value before it\)\. Received 1$/)],
    [{ cumWeights: [-1, 1] }, rangeError(/"options\.cumWeights\[0\]" is out of range\. It must be finite and >= 0/)],
    [{ cumWeights: [1, Infinity] }, rangeError(/"options\.cumWeights\[1\]" .* Received Infinity$/)],
  ] as const) {
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.choices('ab', options), error, inspect(options))
  }
  throwsNodeError(t, () => rng.choices([], { k: 1 }), rangeError(/^Cannot choose from an empty sequence$/))
  throwsNodeError(t, () => rng.choices([], { weights: [], k: 0 }), rangeError(/^Cannot choose from an empty sequence$/))
})

test('shuffle permutes Arrays and TypedArrays in place and returns undefined', (t) => {
  const sorted = <T,>(xs: Iterable<T>): T[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const array = Array.from({ length: 50 }, (_, i) => i)
  t.is(rng.shuffle(array), undefined)
  t.deepEqual(sorted(array), Array.from({ length: 50 }, (_, i) => i))
  for (const typed of [new Float64Array([1.5, 2.5, 3.5]), new Int8Array([-1, 0, 1]), new BigInt64Array([1n, 2n, 3n])]) {
    // @ts-expect-error wrong arguments, on purpose
    const before = sorted(typed)
    rng.shuffle(typed)
    // @ts-expect-error wrong arguments, on purpose
    t.deepEqual(sorted(typed), before)
  }
  const view = new Uint8Array(new ArrayBuffer(8), 2, 4).fill(7)
  rng.shuffle(view)
  t.deepEqual(new Uint8Array(view.buffer), new Uint8Array([0, 0, 7, 7, 7, 7, 0, 0]), 'only the view moves')
})

test('shuffle refuses everything but Arrays and TypedArrays', (t) => {
  const args = (function () {
    return arguments
  // @ts-expect-error wrong arguments, on purpose
  })(1, 2)
  const refused = ['abc', { length: 2, 0: 1, 1: 2 }, args, new Set([1, 2]), new DataView(new ArrayBuffer(4)), undefined, 5]
  for (const value of refused) {
    // @ts-expect-error wrong arguments, on purpose
    throwsNodeError(t, () => rng.shuffle(value), typeError(/"x" argument must be an Array or TypedArray/))
  }
})

test('sample: strings by code point, a new Array, the population untouched', (t) => {
  const population = ['a', 'b', 'c']
  const picked = rng.sample(population, 3)
  t.not(picked, population)
  t.deepEqual(population, ['a', 'b', 'c'])
  t.deepEqual([...picked].sort(), ['a', 'b', 'c'])
  t.deepEqual(rng.sample('😀x', 2).sort(), ['x', '😀'].sort())
  t.deepEqual(rng.sample(new Uint8Array([9]), 1), [9])
  t.deepEqual(rng.sample(['x', 'y'], 3, { counts: new Uint32Array([0, 3]) }), ['y', 'y', 'y'])
  t.deepEqual(rng.sample(['x'], 1, null), ['x'])
  t.deepEqual(rng.sample(['x'], 1, { counts: null }), ['x'])
})

test('sample from a huge array-like reads only what it picks', (t) => {
  let reads = 0
  const population = new Proxy({ length: 2 ** 50 } as ArrayLike<number>, {
    get: (target, key) => (key === 'length' ? target.length : (reads++, Number(key))),
  })
  const picked = rng.sample(population, 1000)
  t.is(reads, 1000)
  t.is(new Set(picked).size, 1000)
  t.true(picked.every((i) => Number.isSafeInteger(i) && i >= 0 && i < 2 ** 50))
  const counted = rng.sample(['a', 'b'], 5, { counts: [2 ** 52, 2 ** 52 - 1] })
  t.true(counted.every((c) => c === 'a' || c === 'b'))
})

test('sample: argument errors', (t) => {
  for (const [call, error] of [
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.sample([1, 2]), typeError(/"k" argument must be of type number\. Received undefined/)],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.sample([1, 2], 1n), typeError(/"k" argument must be of type number/)],
    [() => rng.sample([1, 2], 1.5), rangeError(/"k" is out of range\. It must be an integer/)],
    [() => rng.sample([1, 2], 3), rangeError(/^Sample larger than population or is negative: k is 3, the population 2$/)],
    [() => rng.sample([1, 2], -1), rangeError(/^Sample larger than population or is negative: k is -1, the population 2$/)],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.sample(new Map([[1, 2]]), 1), typeError(/"population" argument must be an Array/)],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.sample([1, 2], 1, [1, 1]), typeError(/"options" argument must be a plain object/)],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.sample([1, 2], 1, { counts: 2 }), typeError(/"options\.counts" argument must be an Array/)],
    [() => rng.sample([1, 2], 1, { counts: [1] }), rangeError(/^The number of counts does not match the population: 1 for 2 elements$/)],
    [() => rng.sample([1, 2], 1, { counts: [1, -1] }), rangeError(/"options\.counts\[1\]" is out of range\. It must be >= 0 && <= 9007199254740991\. Received -1$/)],
    [() => rng.sample([1, 2], 1, { counts: [1, 0.5] }), rangeError(/"options\.counts\[1\]" is out of range\. It must be an integer/)],
    // @ts-expect-error wrong arguments, on purpose
    [() => rng.sample([1, 2], 1, { counts: [1, 1n] }), typeError(/"options\.counts\[1\]" argument must be of type number/)],
    [() => rng.sample([1, 2], 1, { counts: [0, 0] }), rangeError(/^Total of counts must be greater than zero: it is 0$/)],
    [() => rng.sample([], 0, { counts: [] }), rangeError(/^Total of counts must be greater than zero: it is 0$/)],
    [() => rng.sample([1, 2], 1, { counts: [MAX_SAFE, 1] }), rangeError(/"options\.counts" is out of range\. It must be to total <= 9007199254740991/)],
    [() => rng.sample([1, 2], 5, { counts: [2, 2] }), rangeError(/^Sample larger than population or is negative: k is 5, the population 4$/)],
    // Larger than any Array, and larger than the heap: refused before any drawing.
    // More picks than any JavaScript Array can hold: refused before any work.
    [() => rng.sample({ length: 2 ** 40 }, 2 ** 32), rangeError(/"k" is out of range\. It must be >= 0 && <= 134213632/)],
    [() => rng.sample({ length: 2 ** 40 }, 2 ** 32 - 1), rangeError(/"k" is out of range\. It must be >= 0 && <= 134213632/)],
  ] as const) {
    throwsNodeError(t, call, error, String(call))
  }
})

// ---- distributions ----

// Each distribution with arguments that are valid, in order; the defaults where Python has them.
// Called through a loose type: these tests pass wrong parameters on purpose, by name.
type Loose = Record<string, (...args: unknown[]) => unknown>
const looseRng = rng as unknown as Loose

const DISTRIBUTIONS: [string, number[]][] = [
  ['uniform', [1, 2]], ['triangular', [0, 1, 0.5]], ['normalvariate', [0, 1]], ['gauss', [0, 1]],
  ['lognormvariate', [0, 1]], ['expovariate', [1]], ['vonmisesvariate', [0, 1]], ['gammavariate', [2, 1]],
  ['betavariate', [2, 3]], ['paretovariate', [2]], ['weibullvariate', [1, 2]], ['binomialvariate', [10, 0.5]],
]

test('a bigint or a string parameter is a TypeError naming it; NaN is a RangeError', (t) => {
  const names: Record<string, string[]> = {
    uniform: ['a', 'b'], triangular: ['low', 'high', 'mode'], normalvariate: ['mu', 'sigma'], gauss: ['mu', 'sigma'],
    lognormvariate: ['mu', 'sigma'], expovariate: ['lambd'], vonmisesvariate: ['mu', 'kappa'],
    gammavariate: ['alpha', 'beta'], betavariate: ['alpha', 'beta'], paretovariate: ['alpha'],
    weibullvariate: ['alpha', 'beta'], binomialvariate: ['n', 'p'],
  }
  for (const [method, args] of DISTRIBUTIONS) {
    names[method].forEach((name, i) => {
      for (const bad of [2n, '2', null, {}]) {
        if (bad === null && method === 'triangular' && name === 'mode') continue
        const call = () => looseRng[method](...args.map((a, j) => (j === i ? bad : a)))
        throwsNodeError(t, call, typeError(new RegExp(`"${name}" argument must be of type number`)), `${method} ${name}`)
      }
      const call = () => looseRng[method](...args.map((a, j) => (j === i ? NaN : a)))
      throwsNodeError(t, call, rangeError(new RegExp(`"${name}" is out of range\\. .*Received NaN$`)), `${method} ${name} NaN`)
    })
  }
})

test('Python\'s defaults', (t) => {
  for (let i = 0; i < 100; i++) {
    const tri = rng.triangular()
    t.true(tri >= 0 && tri <= 1)
    t.true(rng.expovariate() >= 0)
    t.true([0, 1].includes(rng.binomialvariate()))
    t.true(rng.binomialvariate(3) <= 3)
    t.is(typeof rng.normalvariate(), 'number')
    t.is(typeof rng.gauss(5), 'number')
  }
  t.is(rng.triangular(2, 2), 2)
  t.true(rng.triangular(0, 10, undefined) <= 10)
})

test('Python\'s ValueError and ZeroDivisionError are RangeErrors naming the parameter', (t) => {
  for (const [call, message] of [
    [() => rng.expovariate(0), /"lambd" is out of range\. It must be a number other than 0\. Received 0$/],
    [() => rng.expovariate(-0), /"lambd" .* Received -0$/],
    [() => rng.paretovariate(0), /"alpha" is out of range\. It must be a number other than 0/],
    [() => rng.weibullvariate(1, 0), /"beta" is out of range\. It must be a number other than 0/],
    [() => rng.gammavariate(0, 1), /"alpha" is out of range\. It must be > 0 && < 2 \*\* 1023\. Received 0$/],
    [() => rng.gammavariate(-1, 3), /"alpha" .* Received -1$/],
    [() => rng.gammavariate(2, 0), /"beta" is out of range\. It must be > 0\. Received 0$/],
    [() => rng.gammavariate(1, -3), /"beta" .* Received -3$/],
    [() => rng.betavariate(0, 1), /"alpha" is out of range/],
    [() => rng.betavariate(1, -1), /"beta" is out of range/],
    [() => rng.binomialvariate(-1), /"n" is out of range\. It must be >= 0 && <= 9007199254740991\. Received -1$/],
    [() => rng.binomialvariate(1.5), /"n" is out of range\. It must be an integer\. Received 1\.5$/],
    [() => rng.binomialvariate(2 ** 53), /"n" is out of range/],
    [() => rng.binomialvariate(Infinity), /"n" is out of range\. It must be an integer/],
    [() => rng.binomialvariate(1, -0.5), /"p" is out of range\. It must be >= 0 && <= 1\. Received -0\.5$/],
    [() => rng.binomialvariate(1, 1.5), /"p" .* Received 1\.5$/],
    [() => rng.binomialvariate(1, Infinity), /"p" .* Received Infinity$/],
    [() => rng.triangular(0, 1, 5), /"mode" is out of range\. It must be between low and high \(0 and 1\)\. Received 5$/],
    [() => rng.triangular(0, 1, -0.5), /"mode" .* Received -0\.5$/],
  ] as const) {
    throwsNodeError(t, call, rangeError(message), String(call))
  }
  t.true(rng.triangular(10, 0, 8) <= 10, 'low > high is fine, with the mode between')
})

test('infinite shapes on which Python loops forever are RangeErrors; nothing hangs', (t) => {
  // Python's gammavariate(alpha) for alpha >= 2**1023 computes inf * 0 and never accepts.
  for (const call of [
    () => rng.gammavariate(Infinity, 1), () => rng.gammavariate(2 ** 1023, 1), () => rng.betavariate(Infinity, 1),
    () => rng.betavariate(1, Infinity), () => rng.betavariate(1, Number.MAX_VALUE),
  ]) {
    throwsNodeError(t, call, rangeError(/It must be > 0 && < 2 \*\* 1023/), String(call))
  }
  // The largest shapes below that bound, and the other infinities, end at once.
  const largest = 2 ** 1023 - 2 ** 970
  t.true(Number.isFinite(rng.gammavariate(largest, 1)))
  t.is(rng.betavariate(largest, largest), 0.5)
  t.is(rng.gammavariate(2, Infinity), Infinity)
  t.true(rng.vonmisesvariate(0, Infinity) === 0)
  t.is(rng.paretovariate(-Infinity), 1)
  t.is(rng.expovariate(-Infinity), -0)
  t.is(rng.normalvariate(Infinity, 1), Infinity)
  t.false(rng.lognormvariate(0, Infinity) < 0)
  t.true(Number.isNaN(rng.vonmisesvariate(Infinity, 1)), 'as Python: inf % 2pi is NaN')
  t.true(Number.isInteger(rng.binomialvariate(MAX_SAFE, 0.5)))
  t.true(rng.binomialvariate(MAX_SAFE, 1e-15) < 100)
  t.is(rng.binomialvariate(10, 1e-300), 0)
})

test('results too big for the JavaScript heap are RangeErrors, not a crash', async (t) => {
  const { spawnSync } = await import('node:child_process')
  const { fileURLToPath } = await import('node:url')
  const code = `
    const rng = new (require('.').SystemRandom)()
    for (const call of [() => rng.choices([1, 2], { k: 5e7 }), () => rng.sample({ length: 2 ** 40 }, 5e7)]) {
      try { call(); console.log('made') } catch (e) { console.log(e.code) }
    }`
  const run = spawnSync(process.execPath, ['--max-old-space-size=64', '-e', code], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  })
  t.is(run.status, 0, run.stderr)
  t.deepEqual(run.stdout.trim().split('\n'), ['ERR_OUT_OF_RANGE', 'ERR_OUT_OF_RANGE'])
})

test('shuffle: a frozen Array is a TypeError; an unwritable element loses nothing', (t) => {
  const frozen = Object.freeze([1, 2, 3])
  // @ts-expect-error wrong arguments, on purpose
  t.is(codeOf(t.throws(() => rng.shuffle(frozen), { instanceOf: TypeError })), 'ERR_INVALID_ARG_TYPE')
  t.deepEqual(frozen, [1, 2, 3])
  // One non-writable element: a swap that reaches it throws, and the half-done swap is undone.
  const x = Array.from({ length: 12 }, (_, i) => i)
  Object.defineProperty(x, 3, { value: 3, writable: false })
  t.throws(() => {
    for (let i = 0; i < 100; i++) rng.shuffle(x)
  }, { instanceOf: TypeError })
  t.deepEqual([...x].sort((a, b) => a - b), Array.from({ length: 12 }, (_, i) => i))
})

test('a sparse Array longer than any real one is refused before any work', (t) => {
  const x: unknown[] = []
  x.length = 2 ** 32 - 1
  t.is(codeOf(t.throws(() => rng.shuffle(x), { instanceOf: RangeError })), 'ERR_OUT_OF_RANGE')
})

test('a revoked Proxy is a coded TypeError wherever a sequence or options go', (t) => {
  const { proxy, revoke } = Proxy.revocable([1, 2], {})
  revoke()
  for (const call of [
    () => rng.choice(proxy),
    () => rng.choices(proxy),
    // @ts-expect-error wrong arguments, on purpose
    () => rng.choices([1], proxy),
    () => rng.choices([1], { weights: proxy }),
    () => rng.sample(proxy, 1),
    () => rng.shuffle(proxy),
  ]) {
    t.is(codeOf(t.throws(call, { instanceOf: TypeError })), 'ERR_INVALID_ARG_TYPE', String(call))
  }
})

test('a step given without a stop must still be of the type of start', (t) => {
  // @ts-expect-error wrong arguments, on purpose
  t.is(codeOf(t.throws(() => rng.randrange(10, null, 1n), { instanceOf: TypeError })), 'ERR_INVALID_ARG_TYPE')
  // @ts-expect-error wrong arguments, on purpose
  t.is(codeOf(t.throws(() => rng.randrange(10n, null, 1), { instanceOf: TypeError })), 'ERR_INVALID_ARG_TYPE')
})

test('the index map of sparse samples spreads over several Maps, each under V8\'s limit', (t) => {
  // V8 caps a Map at 2**24 entries; indexMap splits at 2**23 by default. With 2 entries a Map,
  // 50 keys span 25 Maps: every key must still read back what was set, and unset keys themselves.
  const map = indexMap(50, 2)
  const reference = new Map()
  for (let i = 0; i < 50; i++) {
    const key = (i * 7919) % 101
    map.set(key, i)
    reference.set(key, i)
  }
  for (let key = 0; key < 101; key++) t.is(map.get(key), reference.has(key) ? reference.get(key) : key)
})

test('options: a key the method does not know is refused, naming it', (t) => {
  // Ignored, a misspelt `weight` would give unweighted picks and a misspelt `count` an unweighted
  // sample: both look plausible and are wrong, so they are errors, as Python's keywords are.
  throwsNodeError(t, () => looseRng.choices([1, 2], { weight: [1, 0] }), valueError(/'options' has an unknown key 'weight'/))
  throwsNodeError(t, () => looseRng.sample([1, 2], 2, { count: [1, 1] }), valueError(/'options' has an unknown key 'count'/))
  throwsNodeError(t, () => looseRng.choices([1, 2], { k: 2, K: 3 }), valueError(/unknown key 'K': the keys are 'weights', 'cumWeights', 'k'/))
  // The right keys, in a plain object of any origin, are taken; null and undefined mean none.
  t.deepEqual(rng.choices([1, 2], { weights: [0, 1], k: 2 }), [2, 2])
  t.deepEqual(rng.choices([1, 2], Object.assign(Object.create(null) as object, { weights: [0, 1] })), [2])
  t.is(rng.choices([1, 2], null).length, 1)
  t.is(rng.sample([1, 2], 2, undefined).length, 2)
})

test('options: only plain objects are options', (t) => {
  // A Date or a Map has no option keys of its own; taking it as `{}` would hide the mistake.
  for (const options of [new Date(), new Map([['k', 2]]), new (class Options {})(), [], /k/]) {
    throwsNodeError(t, () => looseRng.choices([1, 2], options), typeError(/"options" argument must be a plain object/))
    throwsNodeError(t, () => looseRng.sample([1, 2], 1, options), typeError(/"options" argument must be a plain object/))
  }
})

test('weights, cumWeights and counts longer than any TypedArray of totals are refused before any work', (t) => {
  // Once "Invalid typed array length" or "Array buffer allocation failed", with no code. From
  // Node.js 22 on, MAX_LENGTH is 2**53 - 1, so 2**32 passes the length check and is refused when
  // its totals cannot be allocated, still before any draw.
  for (const n of [2 ** 32, MAX_SAFE]) {
    throwsNodeError(t, () => rng.choices({ length: n }, { weights: { length: n } }), rangeError(/"options\.weights\.length" is out of range\. It must be (<= \d+|small enough to allocate)/))
    throwsNodeError(t, () => rng.choices({ length: n }, { cumWeights: { length: n } }), rangeError(/"options\.cumWeights\.length" is out of range/))
    throwsNodeError(t, () => rng.sample({ length: n }, 1, { counts: { length: n } }), rangeError(/"options\.counts\.length" is out of range/))
  }
})

test('a bigint range whose width passes 2**30 bits is a RangeError with a code', (t) => {
  // The largest bigint: 2**30 bits, all ones. Its width from a negative start, and b + 1, have
  // no bigint; V8 threw "Maximum BigInt size exceeded" with no code.
  const most = BigInt.asUintN(2 ** 30, -1n)
  throwsNodeError(t, () => rng.randint(0n, most), rangeError(/"b" is out of range.*Received \(a 1073741824-bit bigint\)/))
  throwsNodeError(t, () => rng.randrange(-most, most), rangeError(/"stop" is out of range\. It must be such that stop - start fits/))
  t.true(rng.randrange(most) < most)
})

test('strings as populations: code points without an Array of them, even at the longest', (t) => {
  const text = 'a\u{1F600}b\ud800\udc00\udc00\ud800x'
  const points = Array.from(text)
  t.deepEqual(rng.sample(text, points.length).sort(), [...points].sort())
  t.true(rng.choices(text, { k: 200 }).every((c) => points.includes(c)))
  t.true(rng.choices(text, { k: 20, weights: points.map(() => 1) }).every((c) => points.includes(c)))
  // A string of 2**27 code points: Array.from grew an Array past V8's limit (exit 133).
  t.deepEqual(codeInChild(`if (new s.SystemRandom().choices('a'.repeat(2 ** 27), { k: 2 }).join('') !== 'aa') throw 0`), {
    status: 0,
    signal: null,
    stdout: 'made',
    stderr: '',
  })
})
