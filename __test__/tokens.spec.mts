import type { ExecutionContext } from 'ava'
import { Buffer } from 'node:buffer'

import { DEFAULT_ENTROPY, tokenBytes, tokenHex, tokenUrlsafe, fillRandom, fillRandomAsync } from 'napi-secrets'
import { assertFits } from './helpers/stats.mjs'
import test from './helpers/test.mjs'

const HEX = /^[0-9a-f]*$/
const URLSAFE = /^[A-Za-z0-9_-]*$/

test('DEFAULT_ENTROPY is 32 and is the default for undefined and null', (t) => {
  t.is(DEFAULT_ENTROPY, 32)
  for (const arg of [[], [undefined], [null]] as const) {
    t.is(tokenBytes(...arg).length, 32)
    t.is(tokenHex(...arg).length, 64)
    t.is(tokenUrlsafe(...arg).length, 43)
  }
})

/** Every token function at `n` bytes: exact lengths and alphabets, and base64url decoding back. */
function assertTokens(t: ExecutionContext, n: number): void {
  const bytes = tokenBytes(n)
  t.true(Buffer.isBuffer(bytes))
  t.is(bytes.length, n)
  const hex = tokenHex(n)
  t.is(hex.length, 2 * n)
  t.regex(hex, HEX)
  const url = tokenUrlsafe(n)
  t.is(url.length, Math.ceil((4 * n) / 3))
  t.regex(url, URLSAFE)
  t.is(Buffer.from(url, 'base64url').length, n, `base64url of ${n} bytes decodes back to ${n} bytes`)
}

test('exact lengths and alphabets for nbytes 0..70', (t) => {
  for (let n = 0; n <= 70; n++) assertTokens(t, n)
})

test('large sizes, on every path: pool, heap and all cores', (t) => {
  for (const n of [255, 256, 257, 4097, 2 ** 20 - 1, 3 * 2 ** 20 + 1]) assertTokens(t, n)
})

test('tokenBytes returns a Buffer that owns its memory', (t) => {
  // A slice of Node's shared pool would let any other pooled Buffer read the secret via `.buffer`.
  const token = tokenBytes(16)
  t.is(token.byteOffset, 0)
  t.is(token.buffer.byteLength, 16)
})

test('tokens never repeat', (t) => {
  // 20000 tokens of 16 bytes: a repeat has probability about 2**-100 unless bytes are reused.
  const seen = new Set<string>()
  for (let i = 0; i < 20000; i++) seen.add(tokenHex(16))
  t.is(seen.size, 20000)
})

test('consecutive tokens share no bytes at any offset', (t) => {
  // Handing the same pool bytes out twice would show up as a repeated 8-byte window: every
  // window of every token, at every offset, is distinct (a chance repeat has probability about
  // 5e-11 among these 42000 windows).
  const windows = new Set<string>()
  let total = 0
  for (let i = 0; i < 3000; i++) {
    const bytes = tokenBytes(1 + (i % 40))
    for (let j = 0; j + 8 <= bytes.length; j++) {
      windows.add(bytes.toString('hex', j, j + 8))
      total++
    }
  }
  t.is(windows.size, total)
})

// The uniformity tests below target a wrong table or a stuck byte: one symbol at double or zero
// weight moves the statistic by hundreds of standard deviations at these sample sizes.
test('tokenBytes: every byte value equally likely', (t) => {
  const counts = new Array<number>(256).fill(0)
  for (const b of tokenBytes(256 * 400)) counts[b]++
  assertFits(t, counts, undefined, 'byte values')
})

test('small tokenBytes (from the JavaScript pool): every byte value at every position', (t) => {
  // Odd sizes, so tokens start at every offset within the pool's words; a byte lost or repeated at
  // a word edge would skew its position's counts.
  const counts = Array.from({ length: 7 }, () => new Array<number>(256).fill(0))
  for (let i = 0; i < 25600; i++) {
    tokenBytes(7).forEach((b, at) => counts[at][b]++)
  }
  counts.forEach((c, at) => assertFits(t, c, undefined, `byte ${at} of tokenBytes(7)`))
})

test('tokenHex: every digit equally likely', (t) => {
  const text = tokenHex(40000)
  const counts = new Array<number>(16).fill(0)
  for (const ch of text) counts[parseInt(ch, 16)]++
  assertFits(t, counts, undefined, 'hex digits')
})

test('tokenUrlsafe: every letter equally likely', (t) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  // A multiple of 3 bytes, so every character carries six full random bits.
  const text = tokenUrlsafe(3 * 20000)
  const counts = new Array<number>(64).fill(0)
  for (const ch of text) counts[alphabet.indexOf(ch)]++
  assertFits(t, counts, undefined, 'base64url letters')
})

test('tokenHex and tokenUrlsafe of 16 bytes and of the default 32: every character equally likely at every position', (t) => {
  // 20000 tokens a case: each position's counts fit the uniform distribution over the values it
  // can take (about 312 a cell for 64). The last base64url character carries the bits left over:
  // two of 16 bytes (A, Q, g or w), four of 32. The native backend makes default-size tokens
  // through entries of their own (lib/backends/native.ts), so both sizes are checked. Each fit is
  // tested at ALPHA; 161 of them give a false-alarm rate of about 161 * ALPHA. A character a
  // position cannot hold fails at once (planted: the last character's values of 16 bytes given as
  // A, Q and g only).
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const lastOf = (bits: number) => [...alphabet].filter((_, i) => i % 2 ** (6 - bits) === 0).join('')
  const urlsafe = (length: number, last: string) => (ch: string, at: number) =>
    at === length - 1 ? last.indexOf(ch) : alphabet.indexOf(ch)
  const cases: [string, () => string, (ch: string, at: number) => number, (at: number) => number][] = [
    ['tokenHex(16)', () => tokenHex(16), (ch) => parseInt(ch, 16), () => 16],
    ['tokenUrlsafe(16)', () => tokenUrlsafe(16), urlsafe(22, lastOf(2)), (at) => (at === 21 ? 4 : 64)],
    ['tokenHex()', () => tokenHex(), (ch) => parseInt(ch, 16), () => 16],
    ['tokenUrlsafe()', () => tokenUrlsafe(), urlsafe(43, lastOf(4)), (at) => (at === 42 ? 16 : 64)],
  ]
  for (const [name, make, value, values] of cases) {
    const tokens = Array.from({ length: 20000 }, make)
    for (let at = 0; at < tokens[0].length; at++) {
      const counts = new Array<number>(values(at)).fill(0)
      let outside = 0
      for (const token of tokens) {
        const v = value(token[at], at)
        if (v < 0) outside++
        else counts[v]++
      }
      t.is(outside, 0, `${name}: characters a position cannot hold, at ${at}`)
      assertFits(t, counts, undefined, `${name}, position ${at}`)
    }
  }
})

test('fillRandom fills every kind of view in place and returns it', (t) => {
  for (const view of [
    new Uint8Array(64),
    new Float64Array(8),
    new BigUint64Array(8),
    new DataView(new ArrayBuffer(64), 8, 32),
    Buffer.alloc(64),
    new Uint16Array(new ArrayBuffer(64), 2, 8),
    new ArrayBuffer(16),
    new SharedArrayBuffer(16),
  ]) {
    const bytes = ArrayBuffer.isView(view)
      ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength)
      : new Uint8Array(view)
    t.is(fillRandom(view), view)
    // All zero after a fill: probability 2**-(8 * 16) at the smallest size here.
    t.false(bytes.every((b) => b === 0), `${view.constructor.name} was filled`)
  }
})

test('fillRandom touches only the view, not the rest of its buffer', (t) => {
  // Sizes for every path: the word pool (up to 64 bytes), the backend's pool, keystream of its
  // own (4 KiB and more), and a fill split across threads (from 4 MiB), each inside a larger
  // buffer at an odd offset. A fill that ran past the view, or started before it, leaves
  // nonzero bytes in the margins (each margin byte is random with probability 255/256).
  for (const size of [16, 65, 4099, 9 * 2 ** 20 + 3]) {
    const margin = 37
    const buffer = new ArrayBuffer(size + 2 * margin)
    fillRandom(new Uint8Array(buffer, margin, size))
    const all = new Uint8Array(buffer)
    t.true(all.subarray(0, margin).every((b) => b === 0), `before a view of ${size}`)
    t.true(all.subarray(margin + size).every((b) => b === 0), `after a view of ${size}`)
    // Its first and last 16 bytes are filled (all zero by chance with probability 2**-128).
    t.false(all.subarray(margin, margin + 16).every((b) => b === 0), `start of a view of ${size}`)
    t.false(all.subarray(margin + size - 16, margin + size).every((b) => b === 0), `end of a view of ${size}`)
  }
})

test('fillRandom of an empty view', (t) => {
  const empty = new Uint8Array(0)
  t.is(fillRandom(empty), empty)
  t.is(fillRandom(new ArrayBuffer(0)).byteLength, 0)
})

test('fillRandom of a detached buffer fills nothing and returns it', (t) => {
  const buffer = new ArrayBuffer(8)
  const view = new Uint32Array(buffer)
  structuredClone(buffer, { transfer: [buffer] })
  t.is(fillRandom(buffer), buffer)
  t.is(fillRandom(view), view)
})

test('fillRandom fills the real view, whatever its own length or subarray say', async (t) => {
  // Large enough to reach the backend, not the word pool. Own properties shadow the built-ins:
  // code that trusted them would fill 2 bytes, or hand the bytes to a planted method.
  for (const fill of [fillRandom, fillRandomAsync]) {
    const view = new Uint8Array(4096)
    Object.defineProperty(view, 'length', { value: 2 })
    Object.defineProperty(view, 'byteLength', { value: 2 })
    Object.defineProperty(view, 'subarray', { value: () => t.fail('subarray was called') })
    Object.defineProperty(view, 'set', { value: () => t.fail('set was called') })
    await fill(view)
    const bytes = new Uint8Array(view.buffer)
    // Zeros in the last 64 bytes after a fill: probability 2**-512.
    t.true(bytes.subarray(4032).some((b) => b !== 0), `${fill.name} filled the whole view`)
  }
})
