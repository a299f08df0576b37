// Compile-time tests of the declarations the compiler generates into dist/ (this file imports the
// package by name, as users do): `npm run lint` runs `tsc --noEmit` over it, so a wrong overload
// or a lost export fails the build.
import secrets, {
  backend,
  choice,
  compareDigest,
  compare_digest,
  DEFAULT_ENTROPY,
  fillRandom,
  fillRandomAsync,
  tokenBytesAsync,
  passphrase,
  password,
  type PassphraseOptions,
  type PasswordOptions,
  tokenHexBatch,
  tokenUrlsafeBatch,
  randbelow,
  randbits,
  SystemRandom,
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
const either: number | bigint = randbelow(10 as number | bigint)
const bits: bigint = randbits(128)
const letter: string = choice('abc')
const word: 'a' | 'b' = choice(['a', 'b'] as const)
const byte: number = choice(new Uint8Array(4))
const equal: boolean = compareDigest('a', 'b') && compareDigest(buf, new Uint16Array(2))
const filled: Float64Array = fillRandom(new Float64Array(2))
const same: typeof tokenBytes = token_bytes
const viaDefault: string = secrets.tokenHex(8)
const phrase: string = passphrase({ words: 4, separator: '-', wordlist: ['a', 'b'] as const })
const phraseOptions: PassphraseOptions = { words: null }
// @ts-expect-error words is a number
passphrase({ words: '4' })
const pw: string = password({ length: 12, alphabet: 'abc1', minDigits: 1, minLower: null })
const pwOptions: PasswordOptions = { minSymbols: 2 }
// @ts-expect-error minDigits is a number
password({ minDigits: '2' })
// @ts-expect-error there is no minSpecial option
password({ minSpecial: 1 })
const alias: boolean = compare_digest(new ArrayBuffer(2), new DataView(new ArrayBuffer(2)))

// @ts-expect-error a number bound gives a number, not a bigint
const wrong: bigint = randbelow(10)
// @ts-expect-error strings and binary data do not mix
compareDigest('a', buf)
// @ts-expect-error nbytes is a number
tokenHex('32')

const rng = new SystemRandom()
const seeded = new SystemRandom(42)
const unit: number = rng.random()
const bigBits: bigint = rng.getrandbits(70)
const bytes: Buffer = rng.randbytes(8)
const below: number = rng.randbelow(6)
const bigBelow: bigint = rng.randbelow(6n)
const range: number = rng.randrange(10) + rng.randrange(0, 10) + rng.randrange(0, 10, 2) + rng.randrange(10, undefined, 1)
const bigRange: bigint = rng.randrange(10n) + rng.randrange(0n, 10n, 2n)
const die: number = rng.randint(1, 6)
const bigDie: bigint = rng.randint(1n, 6n)
const picked: 'x' | 'y' = rng.choice(['x', 'y'] as const)
const codePoint: string = rng.choice('abc')
const fromBig: bigint = rng.choice(new BigInt64Array(2))
const chosen: number[] = rng.choices([1, 2, 3], { weights: [1, 2, 3], k: 2 })
const chosenLetters: string[] = rng.choices('abc', { cumWeights: new Float64Array([1, 2, 3]), k: null })
const byDefault: string[] = rng.choices(['a'], null)
const deck = [1, 2, 3]
const shuffled: void = rng.shuffle(deck)
rng.shuffle(new Float64Array(3))
const drawn: number[] = rng.sample(deck, 2)
const counted: string[] = rng.sample(['red', 'blue'], 3, { counts: [2, 2] })
const letters: string[] = rng.sample('abcdef', 2, null)
const floats: number[] = [
  rng.uniform(0, 1), rng.triangular(), rng.triangular(0, 1, null), rng.normalvariate(), rng.gauss(0, 1),
  rng.lognormvariate(0, 1), rng.expovariate(), rng.vonmisesvariate(0, 1), rng.gammavariate(2, 1),
  rng.betavariate(2, 3), rng.paretovariate(2), rng.weibullvariate(1, 2), rng.binomialvariate(),
]
const isInstance: boolean = seeded instanceof secrets.SystemRandom
rng.seed()
const { randint } = rng
const detached: number = randint(1, 6)

// @ts-expect-error numbers and bigints do not mix
rng.randrange(1, 10n)
// @ts-expect-error numbers and bigints do not mix
rng.randint(1n, 6)
// @ts-expect-error a bigint bound gives a bigint
const notNumber: number = rng.randbelow(5n)
// @ts-expect-error distribution parameters are numbers
rng.gauss(0n, 1)
const frozen: readonly string[] = ['a', 'b']
// @ts-expect-error a readonly array cannot be shuffled in place
rng.shuffle(frozen)
// @ts-expect-error strings are immutable
rng.shuffle('abc')
// @ts-expect-error sample needs k
rng.sample(deck)
// @ts-expect-error choices takes an options object, not Python's positional weights
rng.choices(deck, [1, 2, 3])
// @ts-expect-error the option is cumWeights
rng.choices(deck, { cum_weights: [1, 2, 3] })
const unreachable: () => never = () => rng.getstate()

const later: Promise<Buffer> = tokenBytesAsync(16)
const laterView: Promise<Uint16Array> = fillRandomAsync(new Uint16Array(4))
const hexes: string[] = tokenHexBatch(3, 8)
const urls: string[] = tokenUrlsafeBatch(3)
// @ts-expect-error count is required
tokenHexBatch()

export const all = [
  later, laterView, hexes, urls,
  phrase, phraseOptions, pw, pwOptions, either, which, entropy, hex, url, small, big, bits, letter, word, byte, equal, filled, same, viaDefault, alias, wrong,
  unit, bigBits, bytes, below, bigBelow, range, bigRange, die, bigDie, picked, codePoint, fromBig, chosen,
  chosenLetters, byDefault, shuffled, drawn, counted, letters, floats, isInstance, detached, notNumber, unreachable,
]

// Under exactOptionalPropertyTypes (as `tsc --init` sets it), every optional option property
// still takes an explicit undefined, as it does at run time.
const maybe = (n: number): number | undefined => (n > 0 ? n : undefined)
password({ length: maybe(12), alphabet: undefined, minLower: undefined, minUpper: undefined, minDigits: undefined, minSymbols: undefined })
passphrase({ words: maybe(4), separator: undefined, wordlist: undefined })
new SystemRandom().choices([1, 2], { k: maybe(3), weights: undefined, cumWeights: undefined })
new SystemRandom().sample([1, 2], 1, { counts: undefined })
