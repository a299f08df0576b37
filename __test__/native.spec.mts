// The addon's own checks, called directly as a caller bypassing the facade would: sizes past
// 2**32 - 1 must not wrap, bounds below 1n must not pass as their magnitude, wrong types and
// impossible allocations are coded errors, and the process lives through all of it.

import { createRequire } from 'node:module'

import { backend } from 'napi-secrets'
import type { Backend } from '../lib/backends/backend.js'
import { codedAsync } from '../lib/backends/native.js'
import { rangeError, throwsNodeError, typeError } from './helpers/errors.mjs'
import test from './helpers/test.mjs'

const native = backend === 'native' ? test : test.skip
const binding = (): Backend => createRequire(import.meta.url)('../binding.js') as Backend

native('sizes are integers in [0, 2**32), never wrapped or truncated', (t) => {
  const { tokenHex, tokenUrlsafe, tokenHexBatch, randbits } = binding()
  for (const bad of [2 ** 32 + 3, 2 ** 32, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    throwsNodeError(t, () => tokenHex(bad), rangeError(/"nbytes".*Received/), `tokenHex(${bad})`)
    throwsNodeError(t, () => tokenUrlsafe(bad), rangeError(/"nbytes"/), `tokenUrlsafe(${bad})`)
    throwsNodeError(t, () => tokenHexBatch(bad, 1), rangeError(/"count"/), `tokenHexBatch(${bad}, 1)`)
  }
  throwsNodeError(t, () => tokenHex(2 ** 32 + 3), rangeError(/Received 4294967299$/))
  throwsNodeError(t, () => randbits(2 ** 30 + 1), rangeError(/"k".*2\*\*30/))
  t.is(tokenHex(3).length, 6)
})

native('bounds are bigints >= 1n; the sign is never dropped', (t) => {
  const { randbelowBig } = binding()
  throwsNodeError(t, () => randbelowBig(-5n), rangeError(/"n".*>= 1n.*negative/))
  throwsNodeError(t, () => randbelowBig(-(2n ** 200n)), rangeError(/"n"/))
  throwsNodeError(t, () => randbelowBig(0n), rangeError(/"n".*Received 0n$/))
  t.is(randbelowBig(1n), 0n)
})

native('arguments of the wrong type are TypeErrors with Node\'s code', (t) => {
  const { tokenHex, randbelowBig, compareBytes, compareStrings, fillRandom } = binding()
  const wrong = typeError(/wrong type/)
  throwsNodeError(t, () => tokenHex('32' as never), wrong)
  throwsNodeError(t, () => tokenHex(32n as never), wrong)
  throwsNodeError(t, () => randbelowBig(5 as never), wrong)
  throwsNodeError(t, () => compareBytes('a' as never, 'b' as never), wrong)
  throwsNodeError(t, () => compareStrings(new Uint8Array(1) as never, 'b'), wrong)
  throwsNodeError(t, () => fillRandom({} as never), wrong)
})

native('an allocation that cannot be had is an Error with a code, not an abort', (t) => {
  const { tokenHexBatch } = binding()
  // 2**30 tokens of 2**31 bytes: 2**62 characters, past any allocator.
  const error = t.throws(() => tokenHexBatch(2 ** 30, 2 ** 31)) as Error & { code?: string }
  t.is(error.code, 'ERR_MEMORY_ALLOCATION_FAILED')
  t.regex(error.message, /^4611686018427387904 bytes of memory could not be allocated$/)
  // 2**32 - 1 tokens of 2**32 - 1 bytes: more characters than a 64-bit size can count.
  throwsNodeError(t, () => tokenHexBatch(2 ** 32 - 1, 2 ** 32 - 1), rangeError(/"count".*fit in one string/))
  t.is(binding().tokenHex(2).length, 4)
})

test('async native failures get their code from the message napi-rs rejects with', (t) => {
  const coded = codedAsync(new Error('ERR_MEMORY_ALLOCATION_FAILED: 5 bytes of memory could not be allocated')) as Error & { code?: string }
  t.is(coded.code, 'ERR_MEMORY_ALLOCATION_FAILED')
  t.is(coded.message, '5 bytes of memory could not be allocated')
  const other = new Error('something else')
  t.is(codedAsync(other), other)
  t.is(codedAsync('not an error'), 'not an error')
})

native('the async path still resolves to random bytes', async (t) => {
  const bytes = await binding().randomBytesAsync(64)
  t.is(bytes.length, 64)
  t.true(bytes.some((b) => b !== 0))
})
