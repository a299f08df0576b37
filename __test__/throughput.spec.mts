import { Buffer, constants } from 'node:buffer'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import {
  type BinaryLike,
  fillRandom,
  fillRandomAsync,
  tokenBytesAsync,
  tokenHexBatch,
  tokenUrlsafeBatch,
} from 'napi-secrets'
import { assertFits } from './helpers/stats.mjs'
import test from './helpers/test.mjs'

type CodedError = Error & { code: string }

const root = fileURLToPath(new URL('..', import.meta.url))
const HEX = /^[0-9a-f]*$/
const URLSAFE = /^[A-Za-z0-9_-]*$/

test('tokenHexBatch: count tokens of the right length and alphabet', (t) => {
  t.deepEqual(tokenHexBatch(0), [])
  t.deepEqual(tokenHexBatch(3, 0), ['', '', ''])
  for (const [count, nbytes] of [[1, 1], [5, 7], [3000, 16], [2, 40000], [1, 2 ** 20 + 3]] as const) {
    const tokens = tokenHexBatch(count, nbytes)
    t.true(Array.isArray(tokens))
    t.is(tokens.length, count)
    for (const token of tokens) {
      t.is(token.length, 2 * nbytes)
      t.regex(token, HEX)
    }
  }
  t.true(tokenHexBatch(4).every((token) => token.length === 64), 'nbytes defaults to 32')
  t.true(tokenHexBatch(4, null).every((token) => token.length === 64), 'null means the default')
})

test('tokenUrlsafeBatch: each token as tokenUrlsafe makes it', (t) => {
  for (const nbytes of [0, 1, 2, 3, 16, 32, 33, 1000]) {
    const tokens = tokenUrlsafeBatch(50, nbytes)
    t.is(tokens.length, 50)
    for (const token of tokens) {
      t.is(token.length, Math.ceil((4 * nbytes) / 3))
      t.regex(token, URLSAFE)
      // Encoded per token: the last character carries only the bits left over, as in
      // tokenUrlsafe, so each token decodes to exactly nbytes and re-encodes to itself.
      t.is(Buffer.from(token, 'base64url').toString('base64url'), token)
    }
  }
})

test('batch tokens never repeat, across runs and calls', (t) => {
  // 30000 tokens of 8 bytes span several native runs; a repeat has probability about 2**-35.
  const tokens = [...tokenHexBatch(20000, 8), ...tokenHexBatch(10000, 8)]
  t.is(new Set(tokens).size, 30000)
})

test('batch tokens are uniform over hex digits', (t) => {
  const counts = new Array<number>(16).fill(0)
  for (const token of tokenHexBatch(2500, 16)) for (const ch of token) counts[parseInt(ch, 16)]++
  assertFits(t, counts, undefined, 'batch hex digits')
})

test('batch arguments are validated like the single-token functions', (t) => {
  for (const fn of [tokenHexBatch, tokenUrlsafeBatch]) {
    for (const count of [undefined, null, '3', 3n]) {
      // @ts-expect-error wrong types, on purpose
      const error = t.throws(() => fn(count), { instanceOf: TypeError }) as CodedError
      t.is(error.code, 'ERR_INVALID_ARG_TYPE')
      t.regex(error.message, /"count" argument/)
    }
    for (const count of [-1, 1.5, NaN, 2 ** 32]) {
      const error = t.throws(() => fn(count), { instanceOf: RangeError }) as CodedError
      t.is(error.code, 'ERR_OUT_OF_RANGE')
      t.regex(error.message, /"count"/)
    }
    // @ts-expect-error a string size, on purpose
    t.is((t.throws(() => fn(1, '32'), { instanceOf: TypeError }) as CodedError).code, 'ERR_INVALID_ARG_TYPE')
    t.is((t.throws(() => fn(1, -1), { instanceOf: RangeError }) as CodedError).code, 'ERR_OUT_OF_RANGE')
  }
})

test('a batch past buffer.constants.MAX_LENGTH bytes is refused before any work', (t) => {
  // MAX_LENGTH is 2**32 on Node.js 20 and 2**53 - 1 from Node.js 22: just past it either way.
  const nbytes = 2 ** 27
  const count = Math.floor(constants.MAX_LENGTH / nbytes) + 1
  const error = t.throws(() => tokenHexBatch(count, nbytes), { instanceOf: RangeError }) as CodedError
  t.is(error.code, 'ERR_OUT_OF_RANGE')
  t.regex(error.message, new RegExp(`"count \\* nbytes" is out of range\\. It must be <= ${constants.MAX_LENGTH}`))
})

test('a batch too large for the JavaScript heap is a RangeError, not a crash', (t) => {
  const run = spawnSync(
    process.execPath,
    ['--max-old-space-size=64', '-e', "try { require('.').tokenHexBatch(5e6, 16) } catch (e) { console.log(e.code) }"],
    { cwd: root, encoding: 'utf8' },
  )
  t.is(run.status, 0, run.stderr)
  t.is(run.stdout.trim(), 'ERR_OUT_OF_RANGE')
})

test('a batch near the heap\'s limit is made or refused, never a crash', (t) => {
  // Found by fuzz.spec.mts (seed-dependent, about 1 run in 1000): tokenHexBatch(43215, 48069) on
  // a 4 GiB heap, about 96% of total_available_size, passed ensureHeap and then ended the process
  // ("Reached heap limit", in v8::String::NewFromOneByte). That free count includes the young
  // generation, where no run of a batch can go, and each run (a large object) takes about 8 KiB
  // of page more than its text. Here the same shape at 90% of the free count, on a small heap.
  // The native addon may make it: on Node.js from 20.4 its runs are external strings, outside
  // the heap (src/external.rs).
  for (const [name, nbytes] of [['tokenHexBatch', 48069], ['tokenUrlsafeBatch', 56103]] as const) {
    const code = `const free = require('node:v8').getHeapStatistics().total_available_size
      const w = ${name === 'tokenHexBatch' ? 'n => 2 * n' : 'n => Math.ceil((4 * n) / 3)'}
      const count = Math.floor((0.9 * free) / (w(${nbytes}) + 56))
      try { require('.').${name}(count, ${nbytes}); console.log('made') } catch (e) { console.log(e.code) }`
    const run = spawnSync(process.execPath, ['--max-old-space-size=256', '-e', code], { cwd: root, encoding: 'utf8' })
    t.is(run.status, 0, `${name}: ${run.stderr.slice(0, 300)}`)
    t.true(['ERR_OUT_OF_RANGE', 'made'].includes(run.stdout.trim()), `${name}: ${run.stdout}`)
  }
})

test('fillRandom of large views fills every part', (t) => {
  // 9 MiB crosses the size where the native fill is split across threads, and the js backend's
  // calls to the OS are chunked; each 64 KiB stretch must be random (a stretch left zero would be
  // a part nothing filled).
  const view = new Uint8Array(9 * 2 ** 20 + 5)
  fillRandom(view)
  for (let offset = 0; offset < view.length; offset += 2 ** 16) {
    const part = view.subarray(offset, offset + 2 ** 16)
    t.true(part.some((b) => b !== 0), `stretch at ${offset}`)
  }
  t.true(view.subarray(-5).some((b) => b !== 0))
})

test('large fills never repeat each other, whichever threads made them', (t) => {
  // Each 9 MiB fill is split between this thread and new ones, each keyed on its own from the
  // OS. Threads keyed alike (a shared or constant seed) would write the same bytes at the same
  // offsets of two fills: compare 16-byte blocks at 2304 offsets (a chance match: 2**-128 each).
  const size = 9 * 2 ** 20
  const a = fillRandom(new Uint8Array(size))
  const b = fillRandom(new Uint8Array(size))
  const same: number[] = []
  for (let offset = 0; offset + 16 <= size; offset += 4096) {
    let diff = 0
    for (let i = offset; i < offset + 16; i++) diff |= a[i] ^ b[i]
    if (diff === 0) same.push(offset)
  }
  t.deepEqual(same, [], 'blocks equal in two fills')
})

test('tokenBytesAsync resolves to a Buffer of random bytes', async (t) => {
  const small = await tokenBytesAsync()
  t.true(Buffer.isBuffer(small))
  t.is(small.length, 32)
  t.is((await tokenBytesAsync(0)).length, 0)
  const big = await tokenBytesAsync(3 * 2 ** 20 + 1)
  t.is(big.length, 3 * 2 ** 20 + 1)
  t.is(big.byteOffset, 0)
  // Every 64 KiB stretch, the last one ending at the last byte, holds a nonzero byte: one that
  // does not is left unfilled (random, it is all zeros with probability 2**-524288). The lone
  // last byte alone would be 0 one time in 256.
  for (let offset = 0; offset < big.length; offset += 2 ** 16) {
    const start = Math.min(offset, big.length - 2 ** 16)
    t.true(big.subarray(start, start + 2 ** 16).some((b) => b !== 0), `stretch at ${start}`)
  }
  const tokens = await Promise.all(Array.from({ length: 200 }, () => tokenBytesAsync(16)))
  t.is(new Set(tokens.map((b) => b.toString('hex'))).size, 200)
})

test('fillRandomAsync fills in place and resolves to the same view', async (t) => {
  for (const view of [new Uint32Array(8), new DataView(new ArrayBuffer(16)), new ArrayBuffer(16), Buffer.alloc(2 ** 21 + 3)] as BinaryLike[]) {
    const result = await fillRandomAsync(view)
    t.is(result, view)
    const bytes = ArrayBuffer.isView(view) ? new Uint8Array(view.buffer, view.byteOffset, view.byteLength) : new Uint8Array(view)
    t.false(bytes.every((b) => b === 0))
  }
})

test('the event loop keeps turning during a large async fill', async (t) => {
  // 64 MiB goes to libuv's pool in 1 MiB slices: timers fire between them.
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  await fillRandomAsync(new Uint8Array(64 * 2 ** 20))
  clearInterval(timer)
  t.true(ticks > 0, `${ticks} timer ticks during the fill`)
})

test('a view detached during an async fill stays empty, and nothing throws', async (t) => {
  const buffer = new ArrayBuffer(2 ** 21)
  const view = new Uint8Array(buffer)
  const pending = fillRandomAsync(view)
  structuredClone(buffer, { transfer: [buffer] })
  t.is(await pending, view)
  t.is(view.length, 0)
})

test('async functions reject, never throw, on bad arguments', async (t) => {
  for (const bad of ['1', -1, 1.5]) {
    // @ts-expect-error a string size, on purpose
    const pending = tokenBytesAsync(bad)
    t.true(pending instanceof Promise)
    const error = (await t.throwsAsync(pending)) as CodedError
    t.true(['ERR_INVALID_ARG_TYPE', 'ERR_OUT_OF_RANGE'].includes(error.code))
  }
  for (const bad of [null, 'abc', 5, {}]) {
    // @ts-expect-error not binary, on purpose
    const pending = fillRandomAsync(bad)
    t.true(pending instanceof Promise)
    const error = (await t.throwsAsync(pending, { instanceOf: TypeError })) as CodedError
    t.is(error.code, 'ERR_INVALID_ARG_TYPE')
  }
})

test('own properties cannot steer a fill outside the view or stop it', async (t) => {
  const backing = new ArrayBuffer(64)
  const view = new Float64Array(backing, 16, 2)
  Object.defineProperty(view, 'byteOffset', { value: 0 })
  Object.defineProperty(view, 'byteLength', { value: 'abc' })
  fillRandom(view)
  const all = new Uint8Array(backing)
  t.true(all.subarray(0, 16).every((b) => b === 0), 'nothing written before the view')
  t.true(all.subarray(32).every((b) => b === 0), 'nothing written after the view')
  t.false(all.subarray(16, 32).every((b) => b === 0))
  const throwing = Object.defineProperty(new Float64Array(4), 'buffer', {
    get() {
      throw new Error('getter')
    },
  })
  const pending = fillRandomAsync(throwing)
  t.true(pending instanceof Promise)
  t.is(await pending, throwing)
  // An own `set` must not receive the random bytes in place of the view.
  const view2 = new Uint8Array(2 ** 21 + 1)
  let intercepted = 0
  Object.defineProperty(view2, 'set', { value: () => intercepted++ })
  await fillRandomAsync(view2)
  t.is(intercepted, 0)
  t.false(view2.subarray(0, 64).every((b) => b === 0))
})
