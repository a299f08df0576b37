// How the package loads: one instance under require and import, the backend NAPI_SECRETS_BACKEND
// asks for (each run of the suite forces one), worker threads with state of their own, and what
// a missing addon says.

import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

import esmDefault, * as esm from 'napi-secrets'
import { select } from '../lib/backends/load.js'
import { PREBUILT, missingAddon, target } from '../lib/backends/native.js'
import { js } from '../lib/backends/js/index.js'
import test from './helpers/test.mjs'

const require = createRequire(import.meta.url)
const cjs = require('napi-secrets') as typeof esm
const root = fileURLToPath(new URL('..', import.meta.url))
const requested = process.env.NAPI_SECRETS_BACKEND

const EXPORTS = [
  'backend', 'DEFAULT_ENTROPY', 'tokenBytes', 'tokenHex', 'tokenUrlsafe', 'randbelow', 'randbits',
  'choice', 'compareDigest', 'fillRandom', 'fillRandomAsync', 'tokenBytesAsync', 'tokenHexBatch',
  'tokenUrlsafeBatch', 'SystemRandom', 'password', 'passphrase', 'token_bytes', 'token_hex', 'token_urlsafe', 'compare_digest',
]

test('the backend NAPI_SECRETS_BACKEND asks for is loaded', (t) => {
  t.true(requested === 'native' || requested === 'js', 'the suite runs with a forced backend')
  t.is(cjs.backend, requested as 'native' | 'js')
})

test('require and import give the same objects, and exactly the exports', (t) => {
  const named = esm as unknown as Record<string, unknown>
  const fromDefault = esmDefault as unknown as Record<string, unknown>
  const required = cjs as unknown as Record<string, unknown>
  t.is(esmDefault, cjs)
  for (const name of EXPORTS) {
    t.true(name in required, `${name} exported`)
    t.is(named[name], required[name], name)
    t.is(fromDefault[name], required[name], name)
  }
  t.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), [...EXPORTS].sort())
  t.deepEqual(Object.keys(cjs).sort(), [...EXPORTS].sort())
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

interface WorkerResult {
  backend: string
  tokens: string[]
  below: bigint
}

function runInWorker(): Promise<WorkerResult> {
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
  t.is(a.backend, requested as string)
  t.is(typeof a.below, 'bigint')
  const mine = Array.from({ length: 2000 }, () => cjs.tokenHex(16))
  // Copied or shared generator state would repeat tokens across threads.
  t.is(new Set([...a.tokens, ...b.tokens, ...mine]).size, 6000)
})

function node(code: string, env: Record<string, string | undefined>, cwd = root, args: string[] = []) {
  return spawnSync(process.execPath, [...args, '-e', code], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
}

test('an unset or empty NAPI_SECRETS_BACKEND loads the native addon where it exists', (t) => {
  for (const value of [undefined, '']) {
    const run = node("console.log(require('.').backend)", { NAPI_SECRETS_BACKEND: value })
    t.is(run.stdout.trim(), 'native', run.stderr)
  }
})

test('an environment that may not be read counts as unset (Deno without --allow-env)', (t) => {
  // Deno throws NotCapable on the read; importing a package must not need a permission. The
  // addon's loader reads the environment too, so, as under Deno, the js backend loads; the
  // variable set here, which asks for native, is never seen.
  const code = [
    'const env = process.env',
    // Only the package's variables and the addon loader's are denied: Node.js's own loader
    // reads others (NODE_*) while it requires.
    "process.env = new Proxy(env, { get(target, key) { if (String(key).startsWith('NAPI_')) throw new Error('NotCapable: env access'); return target[key] } })",
    "const { backend } = require('.')",
    'process.env = env',
    'console.log(backend)',
  ].join('\n')
  const run = node(code, { NAPI_SECRETS_BACKEND: 'native' })
  t.is(run.stdout.trim(), 'js', run.stderr)
})

test('an unknown NAPI_SECRETS_BACKEND is an error naming the allowed values', (t) => {
  const run = node("try { require('.') } catch (e) { console.log(e.code, e.message) }", { NAPI_SECRETS_BACKEND: 'turbo' })
  t.is(run.status, 0, run.stderr)
  t.regex(run.stdout, /^ERR_INVALID_ARG_VALUE NAPI_SECRETS_BACKEND must be 'native' or 'js' \(or unset\); received "turbo"/)
})

test('select: unset falls back to js when the addon fails; forced names rethrow or load', (t) => {
  const failing = () => {
    throw new Error('no addon')
  }
  const fake = { ...js }
  t.is(select(undefined, { native: failing, js: () => js }).name, 'js')
  t.is(select('', { native: failing, js: () => js }).backend, js)
  t.is(select(undefined, { native: () => fake, js: () => js }).backend, fake)
  t.throws(() => select('native', { native: failing, js: () => js }), { message: 'no addon' })
  t.is(select('js', { native: failing, js: () => js }).name, 'js')
  t.throws(() => select('Native', { native: () => fake, js: () => js }), { message: /must be 'native' or 'js'/ })
})

test('PREBUILT lists the targets package.json builds, by napi-rs names', (t) => {
  const { napi } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { napi: { targets: string[] } }
  const arch: Record<string, string> = { x86_64: 'x64', aarch64: 'arm64' }
  const names = napi.targets.map((triple) => {
    const [cpu, , os, abi] = triple.split('-')
    const platform = { linux: 'linux', darwin: 'darwin', windows: 'win32' }[os] as string
    return [platform, arch[cpu], abi].filter(Boolean).join('-')
  })
  t.deepEqual([...PREBUILT].sort(), names.sort())
})

/** A copy of the package without its addon (and without Cargo.toml unless asked): an install gone wrong. */
function copyWithoutAddon(options: { cargo?: boolean; addon?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-'))
  for (const file of ['package.json', 'dist', 'binding.js']) cpSync(join(root, file), join(dir, file), { recursive: true })
  if (options.cargo) writeFileSync(join(dir, 'Cargo.toml'), '[package]\n')
  const addon = `napi-secrets.${target()}.node`
  if (options.addon) cpSync(join(root, addon), join(dir, addon))
  return dir
}

const report = "try { require('.') } catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message, cause: e.cause && String(e.cause.message) })) }"

test('a forced native backend with no addon names the exact package that is missing', (t) => {
  const dir = copyWithoutAddon()
  try {
    const run = node(report, { NAPI_SECRETS_BACKEND: 'native' }, dir)
    const error = JSON.parse(run.stdout) as { code: string; message: string; cause?: string }
    t.is(error.code, 'ERR_NAPI_SECRETS_NO_ADDON')
    t.true(error.message.includes(`for ${target()}`), error.message)
    t.true(error.message.includes(`the package napi-secrets-${target()} is not installed`), error.message)
    // Nothing that was never there: no placeholder, no WebAssembly package, no cause.
    t.false(/<platform>|wasm|wasi/.test(error.message), error.message)
    t.is(error.cause, undefined)
    t.true(target().startsWith(`${process.platform}-${process.arch}`))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('in a source checkout never built, the error says to run npm run build', (t) => {
  const dir = copyWithoutAddon({ cargo: true })
  try {
    const run = node(report, { NAPI_SECRETS_BACKEND: 'native' }, dir)
    t.regex(JSON.parse(run.stdout).message as string, /this source checkout has not been built: run `npm run build`/)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('with addons disabled, the error says so, and the default falls back to js', (t) => {
  const dir = copyWithoutAddon({ addon: true })
  try {
    const forced = node(report, { NAPI_SECRETS_BACKEND: 'native' }, dir, ['--no-addons'])
    const error = JSON.parse(forced.stdout) as { message: string; cause?: string }
    t.regex(error.message, /loading native addons is disabled in this process/)
    t.regex(error.cause ?? '', /addons/i, 'the cause is the real refusal')
    const fallback = node("console.log(require('.').backend)", { NAPI_SECRETS_BACKEND: undefined }, dir, ['--no-addons'])
    t.is(fallback.stdout.trim(), 'js', fallback.stderr)
    const loads = node("console.log(require('.').backend)", { NAPI_SECRETS_BACKEND: 'native' }, dir)
    t.is(loads.stdout.trim(), 'native', loads.stderr)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('with no addon the default loads js, and every function works there', (t) => {
  const dir = copyWithoutAddon()
  try {
    const code = `
      const s = require('.')
      const rng = new s.SystemRandom()
      console.log(JSON.stringify([s.backend, s.tokenHex(4).length, s.tokenUrlsafe(4).length, s.tokenBytes(5).length,
        typeof s.randbelow(10n ** 40n), s.randbelow(6) < 6, s.randbits(0) === 0n, s.choice('ab').length,
        s.compareDigest('a', 'a'), s.tokenHexBatch(2).length, rng.sample('abc', 2).length]))
    `
    const run = node(code, { NAPI_SECRETS_BACKEND: undefined }, dir)
    t.deepEqual(JSON.parse(run.stdout), ['js', 8, 6, 5, 'bigint', true, true, 1, true, 2, 2], run.stderr)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('missingAddon says when a platform has no prebuilt binary', (t) => {
  const error = missingAddon('freebsd-riscv64', root)
  t.regex(error.message, /no prebuilt binary is published for this platform/)
  t.regex(error.message, /napi-secrets has no native addon for freebsd-riscv64/)
})

test('nothing is drawn from the OS while the package loads', (t) => {
  // Edge runtimes refuse randomness at module scope; under Node.js the same rule keeps import
  // cheap. Every CSPRNG entry point of node:crypto is counted from before the first require.
  const code = `
    const crypto = require('node:crypto')
    let calls = 0
    for (const name of ['randomFillSync', 'randomFill', 'randomBytes', 'getRandomValues', 'randomInt', 'randomUUID']) {
      const original = crypto[name]
      crypto[name] = function (...args) { calls++; return original.apply(this, args) }
    }
    const web = globalThis.crypto
    const getRandomValues = web.getRandomValues
    web.getRandomValues = function (view) { calls++; return getRandomValues.call(web, view) }
    const s = require('.')
    const atLoad = calls
    s.tokenHex()
    s.randbelow(10)
    console.log(JSON.stringify({ backend: s.backend, atLoad, afterUse: calls }))
  `
  const run = node(code, {})
  const result = JSON.parse(run.stdout) as { backend: string; atLoad: number; afterUse: number }
  t.is(result.backend, requested as string)
  t.is(result.atLoad, 0)
  // The native backend draws from getrandom(2) directly, so only the js backend is seen here.
  if (requested === 'js') t.true(result.afterUse > 0, 'the first token did draw')
})
