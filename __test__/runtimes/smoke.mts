// A smoke test for runtimes that do not run AVA (Bun, Deno): every export once, with the backend
// NAPI_SECRETS_BACKEND asks for. Exits non-zero on the first failure.

import * as secrets from '../../dist/esm.mjs'

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`failed: ${what}`)
}

function throwsWith(fn: () => unknown, code: string, what: string): void {
  try {
    fn()
  } catch (error) {
    check((error as { code?: string }).code === code, `${what} threw ${String(error)}`)
    return
  }
  check(false, `${what} did not throw`)
}

// The backend expected: the first argument, else NAPI_SECRETS_BACKEND (Deno with no flags may
// not read the environment, and then the package must load the js backend).
const wanted = process.argv[2] ?? process.env.NAPI_SECRETS_BACKEND
check(secrets.backend === wanted, `backend is ${secrets.backend}, asked for ${wanted}`)
check(secrets.tokenBytes(16).length === 16, 'tokenBytes')
check(/^[0-9a-f]{64}$/.test(secrets.tokenHex()), 'tokenHex')
check(/^[\w-]{43}$/.test(secrets.tokenUrlsafe()), 'tokenUrlsafe')
check(secrets.randbelow(1) === 0 && secrets.randbelow(10n) < 10n, 'randbelow')
check(secrets.randbits(8) < 256n, 'randbits')
check('abc'.includes(secrets.choice('abc')), 'choice')
check(secrets.compareDigest('a', 'a') && !secrets.compareDigest(new Uint8Array(2), new Uint8Array(3)), 'compareDigest')
check(secrets.fillRandom(new Uint32Array(4)).length === 4, 'fillRandom')
check(secrets.tokenHexBatch(3, 4).every((t) => t.length === 8), 'tokenHexBatch')
check(secrets.tokenUrlsafeBatch(2).length === 2, 'tokenUrlsafeBatch')
check((await secrets.tokenBytesAsync(2 ** 21)).length === 2 ** 21, 'tokenBytesAsync')
check((await secrets.fillRandomAsync(new Uint8Array(100))).length === 100, 'fillRandomAsync')
const rng = new secrets.SystemRandom()
const die = rng.randint(1, 6)
check(die >= 1 && die <= 6 && rng.sample('abcdef', 3).length === 3 && rng.random() < 1, 'SystemRandom')
check(secrets.password({ length: 8, minDigits: 6 }).replace(/\D/g, '').length >= 6, 'password')
check(secrets.passphrase({ words: 3 }).split(' ').length === 3, 'passphrase')
// 512 MiB of batch runs, none kept: where the addon makes them external strings (not here, as
// these runtimes never gave them back: src/external.rs), or copies them, the memory must return.
const rss = process.memoryUsage.rss()
for (let i = 0; i < 2000; i++) secrets.tokenUrlsafeBatch(5958, 33)
const grew = (process.memoryUsage.rss() - rss) / 2 ** 20
check(grew < 256, `the process grew by ${grew.toFixed(0)} MiB over 512 MiB of dropped batches`)
throwsWith(() => secrets.tokenHex(-1), 'ERR_OUT_OF_RANGE', 'tokenHex(-1)')
// @ts-expect-error a wrong type, on purpose
throwsWith(() => secrets.randbelow('3'), 'ERR_INVALID_ARG_TYPE', "randbelow('3')")
console.log(`ok: ${secrets.backend}`)
