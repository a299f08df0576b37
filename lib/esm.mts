// The ES module entry for Node.js re-exports the CommonJS build, so `import` and `require` share
// one module instance: the same functions, and the same SystemRandom class for `instanceof`. The
// names are listed, as `export *` would also pass on the compiler's `__esModule` marker.

import secrets from './index.js'

export {
  backend,
  DEFAULT_ENTROPY,
  tokenBytes,
  tokenHex,
  tokenUrlsafe,
  randbelow,
  randbits,
  choice,
  compareDigest,
  fillRandom,
  fillRandomAsync,
  tokenBytesAsync,
  tokenHexBatch,
  tokenUrlsafeBatch,
  SystemRandom,
  password,
  passphrase,
  token_bytes,
  token_hex,
  token_urlsafe,
  compare_digest,
} from './index.js'
export type {
  BackendName,
  BigIntTypedArray,
  BinaryLike,
  Bytes,
  ChoicesOptions,
  NumberTypedArray,
  PassphraseOptions,
  PasswordOptions,
  SampleOptions,
} from './index.js'
export default secrets
