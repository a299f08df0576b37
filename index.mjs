// The ES module entry re-exports the CommonJS module, so `import` and `require` share one
// instance: the same functions, and the same SystemRandom class for `instanceof`.
import secrets from './index.js'

export const {
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
  token_bytes,
  token_hex,
  token_urlsafe,
  compare_digest,
} = secrets

export default secrets
