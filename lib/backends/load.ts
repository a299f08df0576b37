// Picks the backend behind the facade: the native addon when this platform's loads, else `js`,
// unless NAPI_SECRETS_BACKEND names one. The browser build swaps in `load.browser.ts`.

import { withCode } from '../errors.js'
import type { Backend, BackendName } from './backend.js'
import { js } from './js/index.js'
import { loadNative } from './native.js'

const NAMES: readonly BackendName[] = ['native', 'js']

/** The loaded backend and its name. */
export interface Loaded {
  name: BackendName
  backend: Backend
}

/** How to load each backend: parameters, so tests can plant a loader that fails. */
export interface Loaders {
  native: () => Backend
  js: () => Backend
}

const defaultLoaders: Loaders = { native: loadNative, js: () => js }

/**
 * The backend `requested` names (`undefined` or `''`: the native one if it loads, else `js`).
 * A forced `native` that cannot load throws what `loadNative` threw; an unknown name throws
 * `ERR_INVALID_ARG_VALUE` naming the allowed ones.
 */
export function select(requested: string | undefined, loaders: Loaders = defaultLoaders): Loaded {
  if (requested === undefined || requested === '') {
    try {
      return { name: 'native', backend: loaders.native() }
    } catch {
      // No addon for this platform, or addons are disabled: the same API in TypeScript.
      return { name: 'js', backend: loaders.js() }
    }
  }
  if (!(NAMES as readonly string[]).includes(requested)) {
    const allowed = NAMES.map((n) => `'${n}'`).join(' or ')
    const shown = JSON.stringify(requested.length > 40 ? `${requested.slice(0, 40)}...` : requested)
    throw withCode(new Error(`NAPI_SECRETS_BACKEND must be ${allowed} (or unset); received ${shown}`), 'ERR_INVALID_ARG_VALUE')
  }
  const name = requested as BackendName
  return { name, backend: loaders[name]() }
}

/**
 * NAPI_SECRETS_BACKEND, or undefined where the runtime will not let us read it: Deno without
 * `--allow-env` throws on the read, and importing a package must not need a permission.
 */
function requested(): string | undefined {
  try {
    return process.env.NAPI_SECRETS_BACKEND
  } catch {
    return undefined
  }
}

/** The backend for this process, as NAPI_SECRETS_BACKEND asks. */
export const load = (): Loaded => select(requested())
