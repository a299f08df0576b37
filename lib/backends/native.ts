// The Rust addon, through the loader napi-rs generates (`binding.js`). Its functions are plain
// N-API callbacks that napi-rs does not type, so their types are the Backend interface, stated
// once. When the loader fails, its error lists every place it looked, WebAssembly builds this
// package does not publish included; `missingAddon` says instead which one thing is wrong.

import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { withCode } from '../errors.js'
import { byteLength } from '../views.js'
import type { Backend } from './backend.js'
import { sameBytes } from './js/compare.js'

const ROOT = join(__dirname, '..', '..')

/** The platforms with a prebuilt binary: package.json's `napi.targets`, as napi-rs names them. */
export const PREBUILT: readonly string[] = [
  'linux-x64-gnu',
  'linux-arm64-gnu',
  'linux-x64-musl',
  'linux-arm64-musl',
  'darwin-x64',
  'darwin-arm64',
  'win32-x64-msvc',
  'win32-arm64-msvc',
]

interface Report {
  header?: { glibcVersionRuntime?: string }
}

/** This process's target as napi-rs names it: platform, arch and, where it varies, the C library. */
export function target(): string {
  const { platform, arch } = process
  if (platform === 'win32') return `${platform}-${arch}-msvc`
  if (platform !== 'linux') return `${platform}-${arch}`
  const report = process.report?.getReport() as Report | undefined
  return `${platform}-${arch}-${report?.header?.glibcVersionRuntime === undefined ? 'musl' : 'gnu'}`
}

/** What `require(id)` throws, or `undefined` if `id` cannot be found at all. */
function loadError(id: string): unknown {
  try {
    require.resolve(id)
  } catch {
    return undefined
  }
  try {
    require(id)
    return new Error(`${id} loaded, but the generated loader did not take it`)
  } catch (error) {
    return error
  }
}

/** The error for a native addon that cannot load, saying why; `cause` is the real failure only. */
export function missingAddon(name = target(), root = ROOT): Error {
  const pkg = `napi-secrets-${name}`
  const head = `napi-secrets has no native addon for ${name}`
  const cause = loadError(join(root, `napi-secrets.${name}.node`)) ?? loadError(pkg)
  let why: string
  if ((cause as { code?: unknown } | undefined)?.code === 'ERR_DLOPEN_DISABLED') {
    why = 'loading native addons is disabled in this process (node --no-addons, or the permission model)'
  } else if (cause !== undefined) {
    why = `the addon failed to load (${(cause as Error).message})`
  } else if (!PREBUILT.includes(name)) {
    why = `no prebuilt binary is published for this platform (there are for ${PREBUILT.join(', ')})`
  } else if (existsSync(join(root, 'Cargo.toml'))) {
    why = 'this source checkout has not been built: run `npm run build`'
  } else {
    why = `the package ${pkg} is not installed: install without --omit=optional, or add ${pkg} to your dependencies`
  }
  const error = withCode(new Error(`${head}: ${why}. Unset NAPI_SECRETS_BACKEND to use the js backend.`), 'ERR_NAPI_SECRETS_NO_ADDON')
  if (cause !== undefined) error.cause = cause
  return error
}

/**
 * An async native failure with its code where the sync ones carry it: napi-rs sets `code` to its
 * own status, so the addon leads the message with the code instead.
 */
export function codedAsync(error: unknown): unknown {
  const match = error instanceof Error ? /^(ERR_[A-Z_]+): /.exec(error.message) : null
  if (match === null) return error
  return withCode(new Error((error as Error).message.slice(match[0].length)), match[1])
}

// Up to this many bytes, the JavaScript loop compares faster than the N-API call, whose reads of
// two views cost about 40 ns on the benchmark machine; past it, the native loop wins (it reads
// eight bytes a step). Both take time set by the lengths alone, and the length picks the path.
const JS_COMPARE_BYTES = 32

// The size of the addon's tokenHexDefault and tokenUrlsafeDefault: DEFAULT_ENTROPY, the size most
// tokens have. Reading a size argument costs a sixth of such a token's time (src/raw.rs says how).
const DEFAULT_BYTES = 32

/** The addon's exports: the Backend, and tokens of the default size made without an argument. */
interface Binding extends Backend {
  tokenHexDefault(): string
  tokenUrlsafeDefault(): string
}

/** Loads the addon for this platform, or throws `missingAddon`'s error. */
export function loadNative(): Backend {
  let binding: Binding
  try {
    binding = require('../../binding.js') as Binding
  } catch {
    throw missingAddon()
  }
  const { compareBytes: compareNative, randomBytesAsync, tokenHex, tokenHexDefault, tokenUrlsafe, tokenUrlsafeDefault } = binding
  return {
    ...binding,
    tokenHex: (n) => (n === DEFAULT_BYTES ? tokenHexDefault() : tokenHex(n)),
    tokenUrlsafe: (n) => (n === DEFAULT_BYTES ? tokenUrlsafeDefault() : tokenUrlsafe(n)),
    randomBytesAsync: (n) =>
      randomBytesAsync(n).catch((error: unknown) => {
        throw codedAsync(error)
      }),
    compareBytes(a, b) {
      const n = byteLength(a)
      return n > JS_COMPARE_BYTES ? compareNative(a, b) : n === byteLength(b) && sameBytes(a, b, n)
    },
  }
}
