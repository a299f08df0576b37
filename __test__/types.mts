// Compile-time tests of index.d.ts: `npm test` runs `tsc --noEmit` over this file, so a wrong
// overload or a lost export fails the build.
import secrets, {
  backend,
  choice,
  compareDigest,
  compare_digest,
  DEFAULT_ENTROPY,
  fillRandom,
  randbelow,
  randbits,
  tokenBytes,
  tokenHex,
  tokenUrlsafe,
  token_bytes,
} from 'napi-secrets'

const which: 'native' | 'js' = backend
const entropy: 32 = DEFAULT_ENTROPY
const buf: Buffer = tokenBytes(16)
const hex: string = tokenHex()
const url: string = tokenUrlsafe(null)
const small: number = randbelow(10)
const big: bigint = randbelow(10n)
const bits: bigint = randbits(128)
const letter: string = choice('abc')
const word: 'a' | 'b' = choice(['a', 'b'] as const)
const byte: number = choice(new Uint8Array(4))
const equal: boolean = compareDigest('a', 'b') && compareDigest(buf, new Uint16Array(2))
const filled: Float64Array = fillRandom(new Float64Array(2))
const same: typeof tokenBytes = token_bytes
const viaDefault: string = secrets.tokenHex(8)
const alias: boolean = compare_digest(new ArrayBuffer(2), new DataView(new ArrayBuffer(2)))

// @ts-expect-error a number bound gives a number, not a bigint
const wrong: bigint = randbelow(10)
// @ts-expect-error strings and binary data do not mix
compareDigest('a', buf)
// @ts-expect-error nbytes is a number
tokenHex('32')

export const all = [which, entropy, hex, url, small, big, bits, letter, word, byte, equal, filled, same, viaDefault, alias, wrong]
