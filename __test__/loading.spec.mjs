import test from 'ava'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import esmDefault, * as esm from 'napi-secrets'

const require = createRequire(import.meta.url)
const cjs = require('napi-secrets')
const root = fileURLToPath(new URL('..', import.meta.url))

const EXPORTS = [
  'backend', 'DEFAULT_ENTROPY', 'tokenBytes', 'tokenHex', 'tokenUrlsafe', 'randbelow', 'randbits',
  'choice', 'compareDigest', 'fillRandom', 'fillRandomAsync', 'tokenBytesAsync', 'tokenHexBatch',
  'tokenUrlsafeBatch', 'SystemRandom', 'token_bytes', 'token_hex', 'token_urlsafe', 'compare_digest',
]

test('the native backend is loaded', (t) => {
  t.is(cjs.backend, 'native')
})

test('require and import give the same objects', (t) => {
  t.is(esmDefault, cjs)
  for (const name of EXPORTS) {
    t.true(name in cjs, `${name} exported`)
    t.is(esm[name], cjs[name], name)
    t.is(esmDefault[name], cjs[name], name)
  }
  t.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), [...EXPORTS].sort())
})

test('results are the same kind under require and import', (t) => {
  t.is(typeof esm.randbelow(5n), typeof cjs.randbelow(5n))
  t.is(esm.tokenHex(8).length, cjs.tokenHex(8).length)
  t.true(Buffer.isBuffer(esm.tokenBytes(4)) && Buffer.isBuffer(cjs.tokenBytes(4)))
})

test('instanceof SystemRandom holds across require and import', (t) => {
  t.is(esm.SystemRandom, cjs.SystemRandom)
  t.true(new esm.SystemRandom() instanceof cjs.SystemRandom)
  t.true(new cjs.SystemRandom() instanceof esmDefault.SystemRandom)
})

test('Python aliases are the same function objects', (t) => {
  t.is(cjs.token_bytes, cjs.tokenBytes)
  t.is(cjs.token_hex, cjs.tokenHex)
  t.is(cjs.token_urlsafe, cjs.tokenUrlsafe)
  t.is(cjs.compare_digest, cjs.compareDigest)
})

function runInWorker() {
  const source = `
    const { parentPort } = require('node:worker_threads')
    const s = require(${JSON.stringify(root)})
    const tokens = Array.from({ length: 2000 }, () => s.tokenHex(16))
    parentPort.postMessage({ backend: s.backend, tokens, below: s.randbelow(10n ** 30n) })
  `
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true })
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}

test('loads in worker threads, whose generators share no state', async (t) => {
  const [a, b] = await Promise.all([runInWorker(), runInWorker()])
  t.is(a.backend, 'native')
  t.is(typeof a.below, 'bigint')
  const mine = Array.from({ length: 2000 }, () => cjs.tokenHex(16))
  // Copied or shared generator state would repeat tokens across threads.
  t.is(new Set([...a.tokens, ...b.tokens, ...mine]).size, 6000)
})

function node(code, env, cwd = root) {
  return spawnSync(process.execPath, ['-e', code], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
}

test('NAPI_SECRETS_BACKEND=native loads the addon', (t) => {
  const run = node("console.log(require('.').backend)", { NAPI_SECRETS_BACKEND: 'native' })
  t.is(run.stdout.trim(), 'native', run.stderr)
})

test('an unknown NAPI_SECRETS_BACKEND is an error naming the allowed values', (t) => {
  const run = node("require('.')", { NAPI_SECRETS_BACKEND: 'turbo' })
  t.not(run.status, 0)
  t.regex(run.stderr, /NAPI_SECRETS_BACKEND must be one of 'native'.*received 'turbo'/)
})

test('a missing addon under NAPI_SECRETS_BACKEND=native names the platform and arch', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-'))
  try {
    for (const file of ['package.json', 'index.js', 'binding.js', 'lib']) {
      cpSync(join(root, file), join(dir, file), { recursive: true })
    }
    const run = node("require('.')", { NAPI_SECRETS_BACKEND: 'native' }, dir)
    t.not(run.status, 0)
    t.true(run.stderr.includes(`${process.platform}-${process.arch}`), run.stderr)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})
