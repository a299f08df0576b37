import test from './helpers/test.mjs'
import { Buffer } from 'node:buffer'

import { type BinaryLike, compareDigest, compare_digest, tokenBytes } from 'napi-secrets'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)

// Every binary kind API.md lists, each built over the same bytes.
const own = (u8: Uint8Array): ArrayBuffer => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.length) as ArrayBuffer
const kinds: Record<string, (u8: Uint8Array) => BinaryLike> = {
  Buffer: (u8) => Buffer.from(u8),
  Uint8Array: (u8) => new Uint8Array(u8),
  Uint8ClampedArray: (u8) => new Uint8ClampedArray(u8),
  Int8Array: (u8) => new Int8Array(own(u8)),
  Uint16Array: (u8) => new Uint16Array(own(u8)),
  Float64Array: (u8) => new Float64Array(own(u8)),
  BigUint64Array: (u8) => new BigUint64Array(own(u8)),
  DataView: (u8) => new DataView(own(u8)),
  ArrayBuffer: (u8) => own(u8),
  'offset view': (u8) => {
    const backing = new Uint8Array(u8.length + 11).fill(0xee)
    backing.set(u8, 5)
    return backing.subarray(5, 5 + u8.length)
  },
}

test('strings: equal iff the same UTF-16 code units', (t) => {
  t.true(compareDigest('', ''))
  t.true(compareDigest('secret', 'secret'))
  t.false(compareDigest('secret', 'secreT'))
  t.false(compareDigest('secret', 'Secret'))
  t.false(compareDigest('secret', 'secrets'))
  t.false(compareDigest('', 'a'))
  t.true(compareDigest('😀é', '😀é'))
  t.false(compareDigest('\uD83D\uDE00', '\uD83D\uDE01'))
  // Same text, different code units: NFC é against e + combining accent.
  t.false(compareDigest('\u00e9', 'e\u0301'))
  t.true(compareDigest('a\u0000b', 'a\u0000b'))
  t.false(compareDigest('a\u0000b', 'a\u0000c'))
})

test('every binary kind against every other, equal and unequal', (t) => {
  // Lengths that are multiples of 8 so every TypedArray can hold them.
  const a = bytes('0123456789abcdef')
  const b = bytes('0123456789abcdeF')
  for (const [nameA, makeA] of Object.entries(kinds)) {
    for (const [nameB, makeB] of Object.entries(kinds)) {
      t.true(compareDigest(makeA(a), makeB(a)), `${nameA} == ${nameB}`)
      t.false(compareDigest(makeA(a), makeB(b)), `${nameA} != ${nameB}`)
      t.false(compareDigest(makeA(b), makeB(a)), `${nameA} != ${nameB}, swapped`)
    }
  }
})

test('binary data is compared by bytes, whatever the element type', (t) => {
  const x = new Uint16Array([0x0102])
  const y = new Uint8Array(new Uint16Array([0x0102]).buffer)
  t.true(compareDigest(x, y))
  t.true(compareDigest(new Float64Array([NaN]), new Float64Array([NaN])), 'same NaN bits are equal bytes')
  t.false(compareDigest(new Float64Array([0]), new Float64Array([-0])), '0 and -0 differ in bytes')
})

test('unequal lengths are false, without throwing', (t) => {
  t.false(compareDigest(Buffer.from('abc'), Buffer.from('abcd')))
  t.false(compareDigest(new Uint8Array(0), new Uint8Array(1)))
  t.false(compareDigest(new Uint16Array(1), new Uint8Array(1)))
  t.false(compareDigest('abc', 'ab'))
  t.true(compareDigest(new Uint8Array(0), new ArrayBuffer(0)))
})

test('mixed kinds and other types are TypeErrors', (t) => {
  const cases: [unknown, unknown][] = [
    ['a', Buffer.from('a')],
    [Buffer.from('a'), 'a'],
    ['a', new ArrayBuffer(1)],
    [new Uint8Array(1), 1],
    [1, 1],
    [null, null],
    [undefined, 'a'],
    ['a', undefined],
    [[1], [1]],
    [{}, {}],
    [1n, 1n],
    [Symbol('a'), 'a'],
  ]
  for (const [a, b] of cases) {
    // @ts-expect-error mixed kinds and other types, on purpose
    const error = t.throws(() => compareDigest(a, b), { instanceOf: TypeError }) as TypeError & { code?: string }
    t.is(error.code, 'ERR_INVALID_ARG_TYPE')
    t.regex(error.message, /"[ab]" argument/)
  }
})

// The arguments are secrets (a signature, an API key): an error message that quoted one would
// carry it into logs. Node's usual "Received type string ('sk_live_...')" shows the value; these
// show its type and length only.
test('error messages show the type and length of an argument, never its contents', (t) => {
  const secret = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc'
  const bytesOfSecret = Buffer.from(secret)
  const cases: [unknown, unknown, RegExp][] = [
    [Buffer.alloc(3), secret, /"b" argument .*Received type string of length 32$/],
    [secret, bytesOfSecret, /"b" argument .*Received an instance of Buffer of length 32$/],
    [secret, 12345, /"b" argument .*Received type number$/],
    [98765, secret, /"a" argument .*Received type number$/],
    [{ key: secret }, secret, /"a" argument .*Received an instance of Object$/],
    [Symbol(secret), secret, /"a" argument .*Received type symbol$/],
    [10n ** 30n, 'x', /"a" argument .*Received type bigint$/],
  ]
  for (const [a, b, message] of cases) {
    // @ts-expect-error wrong types, on purpose
    const error = t.throws(() => compareDigest(a, b), { instanceOf: TypeError }) as TypeError & { code?: string }
    t.is(error.code, 'ERR_INVALID_ARG_TYPE')
    t.regex(error.message, message)
    for (const part of [secret.slice(0, 8), secret.slice(-8), '12345', '98765', '1000000']) {
      t.false(error.message.includes(part), `${error.message} shows ${part}`)
    }
  }
})

test('compare_digest is compareDigest', (t) => {
  t.is(compare_digest, compareDigest)
})

// Timing. An early-exit comparison returns after the first differing byte, so on 4 MiB inputs
// that differ at the start it is thousands of times faster than on inputs that differ at the end.
// The median time of interleaved rounds must stay within a factor 2 between those cases; for a
// constant-time loop the medians agree within a few percent, and scheduling noise would have to
// slow one case's median by 2x to raise a false alarm.
function medianRatio<T>(compare: (a: T, b: T) => boolean, a: T, early: T, late: T): number {
  const time = (b: T) => {
    const start = process.hrtime.bigint()
    compare(a, b)
    return Number(process.hrtime.bigint() - start)
  }
  const earlyTimes: number[] = []
  const lateTimes: number[] = []
  for (let i = 0; i < 41; i++) {
    earlyTimes.push(time(early))
    lateTimes.push(time(late))
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[xs.length >> 1]
  return median(earlyTimes) / median(lateTimes)
}

// Strings go through the same comparison once copied out of V8; for them the copy, not the
// comparison, dominates the time, so a timing test could not see a leak there: this one covers
// the shared code.
test('binary comparison time does not depend on where the inputs differ', (t) => {
  const n = 4 * 2 ** 20
  const a = tokenBytes(n)
  const early = Buffer.from(a)
  early[0] ^= 1
  const late = Buffer.from(a)
  late[n - 1] ^= 1
  const ratio = medianRatio(compareDigest, a, early, late)
  t.true(ratio > 0.5 && ratio < 2, `early/late median time ratio ${ratio.toFixed(3)}`)
  const equal = medianRatio(compareDigest, a, Buffer.from(a), late)
  t.true(equal > 0.5 && equal < 2, `equal/late median time ratio ${equal.toFixed(3)}`)
})

test('a detached buffer compares as empty', (t) => {
  const buffer = new ArrayBuffer(8)
  const view = new Float64Array(buffer)
  structuredClone(buffer, { transfer: [buffer] })
  t.true(compareDigest(buffer, new Uint8Array(0)))
  t.true(compareDigest(view, new ArrayBuffer(0)))
  t.false(compareDigest(view, new Uint8Array(1)))
})

test('a detached DataView compares as empty, with no uncoded error', (t) => {
  const buffer = new ArrayBuffer(8)
  const view = new DataView(buffer)
  structuredClone(buffer, { transfer: [buffer] })
  t.true(compareDigest(view, new Uint8Array(0)))
})

test('look-alikes of binary data are TypeErrors, never compared', (t) => {
  const fakes = [
    { [Symbol.toStringTag]: 'ArrayBuffer' },
    { [Symbol.toStringTag]: 'ArrayBuffer', byteLength: 3, length: 3, 0: 1, 1: 2, 2: 3 },
    new Proxy(new ArrayBuffer(3), {}),
    new Proxy(new Uint8Array(3), {}),
    (() => {
      const { proxy, revoke } = Proxy.revocable(new ArrayBuffer(3), {})
      revoke()
      return proxy
    })(),
  ]
  for (const fake of fakes) {
    // @ts-expect-error look-alikes, on purpose
    const error = t.throws(() => compareDigest(fake, Uint8Array.of(1, 2, 3)), { instanceOf: TypeError }) as TypeError & { code?: string }
    t.is(error.code, 'ERR_INVALID_ARG_TYPE')
  }
})

test('binary data from another realm compares by bytes', async (t) => {
  const { runInNewContext } = await import('node:vm')
  t.true(compareDigest(runInNewContext('new Uint8Array([1, 2])'), Uint8Array.of(1, 2)))
  t.true(compareDigest(runInNewContext('new Uint8Array([1, 2]).buffer'), Uint8Array.of(1, 2)))
  t.false(compareDigest(runInNewContext('new Uint8Array([1, 3]).buffer'), Uint8Array.of(1, 2)))
})

test('own buffer, byteOffset and byteLength properties cannot fake a view\'s bytes', (t) => {
  const a = new Float64Array([1, 2])
  const b = new Float64Array([1, 3])
  Object.defineProperty(b, 'buffer', { value: a.buffer })
  t.false(compareDigest(a, b))
  const c = Uint8Array.of(1, 2, 3)
  Object.defineProperty(c, 'length', { value: 2 })
  Object.defineProperty(c, 'byteLength', { value: 2 })
  t.false(compareDigest(c, Uint8Array.of(1, 2)))
  t.true(compareDigest(c, Uint8Array.of(1, 2, 3)))
})
