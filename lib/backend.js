'use strict'

// Picks the implementation behind the facade. Each backend exports the same functions as the
// generated `binding.js`; the facade validates arguments before calling any of them.

const BACKENDS = ['native']

function loadNative() {
  try {
    return require('../binding.js')
  } catch (cause) {
    const error = new Error(
      `napi-secrets has no native addon for ${process.platform}-${process.arch}: ` +
        'install the matching napi-secrets-<platform> package',
    )
    error.code = 'ERR_NAPI_SECRETS_NO_ADDON'
    error.cause = cause
    throw error
  }
}

function load(requested = process.env.NAPI_SECRETS_BACKEND) {
  if (requested !== undefined && requested !== '' && !BACKENDS.includes(requested)) {
    const error = new Error(
      `NAPI_SECRETS_BACKEND must be one of ${BACKENDS.map((b) => `'${b}'`).join(', ')}; ` +
        `received '${requested}'`,
    )
    error.code = 'ERR_INVALID_ARG_VALUE'
    throw error
  }
  return { name: 'native', impl: loadNative() }
}

module.exports = { load }
