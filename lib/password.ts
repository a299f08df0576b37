// password(): uniform over every password that meets a policy of minimum counts per character
// class. Whole-password rejection is exactly uniform and cheap while it usually succeeds; when a
// policy makes it rare, the class counts are drawn with their exact weights instead (bigint
// counts), the classes arranged uniformly, and each character drawn within its class.
//
// Placing the required characters first and shuffling them in is not uniform, though several
// password managers do it: over 'abC1' at length 3 with one 'C' and one '1', it makes 'CC1' as
// likely as 'aC1', while only one arrangement of the first has two equal letters to choose from.

import { invalidArgType, outOfRange } from './errors.js'
import { ascii } from './platform.js'
import { randbelow } from './secrets.js'
import { equal, rank, runsOf, type Runs, shuffle, valueAt } from './select.js'
import { pool } from './source.js'
import { MAX_STRING_LENGTH } from './platform.js'
import { ensureHeap, integer, optionsOf } from './validate.js'

const MAX_SAFE = Number.MAX_SAFE_INTEGER

/** Options of {@link password}; `null` or `undefined` means the default. */
export interface PasswordOptions {
  /** How many characters (code points), default 20. */
  length?: number | null | undefined
  /** The characters to draw from, each once (default ASCII letters and digits). */
  alphabet?: string | null | undefined
  /** At least this many of ASCII a-z (default 0). */
  minLower?: number | null | undefined
  /** At least this many of ASCII A-Z (default 0). */
  minUpper?: number | null | undefined
  /** At least this many of ASCII 0-9 (default 0). */
  minDigits?: number | null | undefined
  /** At least this many characters of the alphabet that are none of the above (default 0). */
  minSymbols?: number | null | undefined
}

const DEFAULT_ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'

const KINDS = [
  { key: 'minLower', name: 'ASCII lowercase letters', has: (c: string) => c >= 'a' && c <= 'z' },
  { key: 'minUpper', name: 'ASCII uppercase letters', has: (c: string) => c >= 'A' && c <= 'Z' },
  { key: 'minDigits', name: 'ASCII digits', has: (c: string) => c >= '0' && c <= '9' },
  { key: 'minSymbols', name: 'symbols', has: () => true },
] as const

/** Characters of one class, and how many of them a password needs at least. */
export interface CharClass {
  chars: string[]
  min: number
}

/**
 * A checked policy: its length and classes. The classes with a minimum come first; the others
 * are merged into one (no rule tells them apart), so there are at most four.
 */
export interface Policy {
  length: number
  classes: CharClass[]
  /** The code point of every character, class after class, as runs; where each class ends. */
  codes: Int32Array
  runs: Runs
  ends: number[]
  /** Whether whole-password rejection alone will do: at least half of all passwords qualify. */
  often: boolean
}

// Whole-password rejection needs on average 1 / p tries for a policy met by a share p of all
// passwords. Where p may be small, it gets this many tries, after which the exact method is
// cheaper (a policy met by a quarter of all passwords reaches it once in 10**8 calls).
const TRIES = 64

// The exact method costs about (length - sum of minimums)**2 products of bigints of
// length * log2(alphabet size) bits: some 0.1 s at this length. Past it, a policy must be met by
// at least half of all passwords, which rejection then draws in two tries on average.
export const MAX_EXACT_LENGTH = 512

// The longest string with no code point twice: every BMP code point but the surrogates (63488),
// the 2048 surrogates alone, and the 2**20 astral code points at two units each. A longer
// alphabet repeats a character, and is refused before being split into an Array.
const MAX_ALPHABET = 63488 + 2048 + 2 * 2 ** 20

function alphabetOf(value: unknown): string[] {
  if (value === undefined || value === null) return Array.from(DEFAULT_ALPHABET)
  if (typeof value !== 'string') throw invalidArgType('options.alphabet', 'of type string', value)
  if (value.length > MAX_ALPHABET) {
    throw outOfRange('options.alphabet', `a string with no character twice (one of over ${MAX_ALPHABET} UTF-16 units repeats one)`, value)
  }
  const chars = Array.from(value)
  if (chars.length === 0) throw outOfRange('options.alphabet', 'a non-empty string', value)
  const seen = new Set<string>()
  for (const c of chars) {
    if (seen.has(c)) throw outOfRange('options.alphabet', `a string with no character twice (${JSON.stringify(c)} is)`, value)
    seen.add(c)
  }
  return chars
}

/** The policy of `options`, or the error that says why it is wrong or cannot be met. */
export function policyOf(options: unknown): Policy {
  const given = optionsOf(options, ['length', 'alphabet', 'minLower', 'minUpper', 'minDigits', 'minSymbols'])
  const length = given.length === undefined || given.length === null ? 20 : integer(given.length, 'options.length', 0, MAX_SAFE)
  const chars = alphabetOf(given.alphabet)
  // The password is a string: at most MAX_STRING_LENGTH units, two a character if any is astral.
  const widest = chars.some((c) => c.length === 2) ? 2 : 1
  if (length * widest > MAX_STRING_LENGTH) {
    throw outOfRange('options.length', `<= ${Math.floor(MAX_STRING_LENGTH / widest)} (the longest string, at ${widest} UTF-16 units a character)`, length)
  }
  const kinds = KINDS.map(({ key, name, has }) => {
    const value = given[key]
    const min = value === undefined || value === null ? 0 : integer(value, `options.${key}`, 0, MAX_SAFE)
    return { key, name, has, min, chars: [] as string[] }
  })
  for (const c of chars) kinds.find((kind) => kind.has(c))?.chars.push(c)
  let needed = 0
  for (const { key, name, min, chars: members } of kinds) {
    if (min > 0 && members.length === 0) throw outOfRange(`options.${key}`, `0, as the alphabet has no ${name}`, min)
    needed += min
  }
  if (needed > length) {
    throw outOfRange('options.length', `>= ${needed}, the sum of the minimums`, length)
  }
  // The password and its chunks, at up to two bytes a code unit and two code units a character.
  ensureHeap(8 * length, 'options.length', length)
  const classes: CharClass[] = kinds.filter((kind) => kind.min > 0).map(({ min, chars: members }) => ({ min, chars: members }))
  const free = kinds.filter((kind) => kind.min === 0).flatMap((kind) => kind.chars)
  if (free.length > 0) classes.push({ min: 0, chars: free })
  const ends: number[] = []
  classes.reduce((end, c) => (ends.push(end + c.chars.length), end + c.chars.length), 0)
  const often = shareMeeting({ length, classes }) >= 0.5
  if (!often && length > MAX_EXACT_LENGTH) {
    throw outOfRange('options.length', `<= ${MAX_EXACT_LENGTH} for minimums that fewer than half of all passwords of that length meet`, length)
  }
  const codes = Int32Array.from(classes.flatMap((c) => c.chars), (c) => c.codePointAt(0)!)
  return { length, classes, codes, runs: runsOf(codes), ends, often }
}

/** Where a password's characters go before they become a string: latin-1 codes or code points. */
function codesFor({ codes }: Policy, length: number): Uint8Array | Int32Array {
  return codes.every((c) => c < 0x100) ? new Uint8Array(length) : new Int32Array(length)
}

/**
 * The text of `codes`, which are then wiped. Latin-1 codes (every ASCII alphabet) are copied as
 * they are; other code points go through String.fromCodePoint, whose work depends on which
 * planes the characters are in (SECURITY.md).
 */
function textOf(codes: Uint8Array | Int32Array): string {
  try {
    if (codes instanceof Uint8Array) return ascii(codes, 0, codes.length)
    const parts: string[] = []
    for (let i = 0; i < codes.length; i += CHUNK) {
      parts.push(String.fromCodePoint(...codes.subarray(i, i + CHUNK)))
    }
    return parts.join('')
  } finally {
    codes.fill(0)
  }
}

// String.fromCodePoint takes its code points as arguments; engines cap the count of those.
const CHUNK = 4096

/** `length` characters drawn uniformly from the union of `classes`, or undefined if a minimum fails. */
function drawWhole(policy: Policy): string | undefined {
  const { length, classes, codes: table, runs, ends } = policy
  const counts = new Array<number>(classes.length).fill(0)
  const codes = codesFor(policy, length)
  for (let i = 0; i < length; i++) {
    const index = pool.below(table.length)
    codes[i] = valueAt(runs, index)
    // Every class counted by arithmetic, with no branch on which one the character is in.
    for (let j = 0, start = 0; j < ends.length; start = ends[j++]) {
      counts[j] += +(index >= start) & +(index < ends[j])
    }
  }
  if (classes.every((c, j) => counts[j] >= c.min)) return textOf(codes)
  codes.fill(0)
  return undefined
}

/** `sums[j]`: the sum of the minimums of classes `j` on (`sums[classes.length]` is 0). */
function minimumsFrom(classes: readonly CharClass[]): number[] {
  const sums = new Array<number>(classes.length + 1).fill(0)
  for (let j = classes.length - 1; j >= 0; j--) sums[j] = sums[j + 1] + classes[j].min
  return sums
}

/**
 * For each class `j` and each length `r` the classes from `j` on can be left to fill, how many
 * strings of `r` characters of those classes meet their minimums:
 * `G[j][r] = sum over k of C(r, k) * size_j ** k * G[j + 1][r - k]`, for `k` from class `j`'s
 * minimum to what leaves the later classes theirs. Only lengths that can occur are filled.
 */
export function countTables({ length, classes }: Policy): bigint[][] {
  const after = minimumsFrom(classes)
  const last = classes.length - 1
  const tables: bigint[][] = classes.map(() => new Array<bigint>(length + 1).fill(0n))
  const top = (j: number) => length - (after[0] - after[j])
  const size = BigInt(classes[last].chars.length)
  for (let r = after[last], p = size ** BigInt(r); r <= top(last); r++, p *= size) tables[last][r] = p
  // The first class is left all the characters, so its table needs one entry.
  for (let j = last - 1; j >= 0; j--) {
    for (let r = j === 0 ? length : after[j]; r <= top(j); r++) tables[j][r] = weights(classes[j], r, after[j + 1], tables[j + 1], lastAfter(classes, j), () => {})
  }
  return tables
}

/**
 * `sum over k of C(r, k) * size ** k * next[r - k]` over the counts `k` that class `c` can take
 * of `r` characters when the classes after it need `rest`, passing each weight to `visit` in
 * order of `k`. When `next` is the powers of one last class, each weight follows from the one
 * before by small factors alone.
 */
function weights(
  c: CharClass,
  r: number,
  rest: number,
  next: readonly bigint[],
  last: CharClass | undefined,
  visit: (weight: bigint) => unknown,
): bigint {
  const size = BigInt(c.chars.length)
  const lastSize = BigInt(last?.chars.length ?? 1)
  let term = binomial(r, c.min) * size ** BigInt(c.min) * (last ? next[r - c.min] : 1n)
  let sum = 0n
  for (let k = c.min; k <= r - rest; k++) {
    const weight = last ? term : term * next[r - k]
    visit(weight)
    sum += weight
    // C(r, k) * (r - k) is C(r, k + 1) * (k + 1), so these divisions are exact.
    term = last
      ? (term * BigInt(r - k) * size) / (BigInt(k + 1) * lastSize)
      : (term * BigInt(r - k) * size) / BigInt(k + 1)
  }
  return sum
}

/** The class after `j` when it is the last one, whose table holds plain powers. */
function lastAfter(classes: readonly CharClass[], j: number): CharClass | undefined {
  return j + 2 === classes.length ? classes[j + 1] : undefined
}

function binomial(n: number, k: number): bigint {
  let c = 1n
  for (let i = 0; i < k; i++) c = (c * BigInt(n - i)) / BigInt(i + 1)
  return c
}

/**
 * How many characters of each class, drawn with the weight of the passwords that have those
 * counts: exact, whatever the policy. The count is how many running sums of the weights the draw
 * has passed, every sum compared whatever the draw, so no loop's length shows it.
 */
export function drawCounts(policy: Policy): number[] {
  const { classes } = policy
  const tables = countTables(policy)
  const after = minimumsFrom(classes)
  const counts: number[] = []
  let r = policy.length
  for (let j = 0; j < classes.length - 1; j++) {
    const pick = randbelow(tables[j][r])
    const list: bigint[] = []
    weights(classes[j], r, after[j + 1], tables[j + 1], lastAfter(classes, j), (weight) => list.push(weight))
    const k = classes[j].min + rank(pick, list)
    counts.push(k)
    r -= k
  }
  counts.push(r)
  return counts
}

/**
 * A password with these class counts: the classes arranged uniformly, then each character drawn
 * from its class. The arrangement is secret, so it is shuffled with swaps that touch every
 * slot, and each character's class chooses its index by arithmetic: one draw per class, kept or
 * dropped by mask, so neither a draw's bound nor an address shows the class.
 */
function arrange(policy: Policy, counts: number[]): string {
  const { length, classes, runs, ends } = policy
  const labels = new Int32Array(length)
  let at = 0
  counts.forEach((count, j) => {
    labels.fill(j, at, at + count)
    at += count
  })
  // Every order of the labels equally likely, so every arrangement of the classes.
  shuffle(labels, (n) => pool.below(n))
  const codes = codesFor(policy, length)
  for (let i = 0; i < length; i++) {
    let index = 0
    for (let j = 0, start = 0; j < classes.length; start = ends[j++]) {
      index |= (start + pool.below(ends[j] - start)) & -equal(labels[i], j)
    }
    codes[i] = valueAt(runs, index)
  }
  labels.fill(0)
  return textOf(codes)
}

/**
 * A lower bound on the share of all passwords of the policy's length that meet it: one minus the
 * chance, summed over the classes, that a class falls short (a binomial tail, summed in logs).
 */
export function shareMeeting({ length, classes }: Pick<Policy, 'length' | 'classes'>): number {
  const total = classes.reduce((sum, c) => sum + c.chars.length, 0)
  let short = 0
  for (const { min, chars } of classes) {
    if (min === 0) continue
    const p = chars.length / total
    if (p === 1) continue
    short += min <= EXACT_TAIL ? tail(length, p, min) : chernoff(length, p, min)
  }
  return 1 - short
}

// Past this many terms the binomial tail is bounded rather than summed, so that a policy of
// huge minimums is judged (and refused, if it must be) in constant time.
const EXACT_TAIL = 4096

/** P(X < min) for X binomial with `length` trials of chance `p`: the terms summed in logs. */
function tail(length: number, p: number, min: number): number {
  // log of C(length, j) * p**j * (1 - p)**(length - j), from j = 0 up.
  let log = length * Math.log1p(-p)
  let sum = 0
  for (let j = 0; j < min; j++) {
    sum += Math.exp(log)
    log += Math.log((length - j) / (j + 1)) + Math.log(p / (1 - p))
  }
  return sum
}

/**
 * An upper bound on P(X < min), X as above: Chernoff's exp(-length * D(a || p)) with
 * a = (min - 1) / length, where a < p; else 1.
 */
function chernoff(length: number, p: number, min: number): number {
  const a = (min - 1) / length
  if (a >= p) return 1
  const divergence = (a === 0 ? 0 : a * Math.log(a / p)) + (1 - a) * Math.log((1 - a) / (1 - p))
  return Math.exp(-length * divergence)
}

/**
 * A random password: `length` characters (code points) of `alphabet`, uniform over all those
 * that have at least `minLower` ASCII lowercase letters, `minUpper` uppercase, `minDigits` digits
 * and `minSymbols` other characters of `alphabet`. The default, 20 letters and digits, carries
 * `20 * log2(62)`, about 119 bits; a policy's entropy is `log2` of the number of passwords it
 * allows.
 *
 * @throws {TypeError} `ERR_INVALID_ARG_TYPE` for options of the wrong type;
 *   `ERR_INVALID_ARG_VALUE` for an unknown option key.
 * @throws {RangeError} `ERR_OUT_OF_RANGE`, before any drawing, for a negative or non-integer
 *   length or minimum, an empty alphabet or one with a character twice, an impossible policy
 *   (minimums summing past `length`, or a minimum of a class the alphabet lacks), and a length
 *   over 512 with minimums that fewer than half of all passwords meet.
 * @example
 * password()                                          // 'q7CwVd0LxZ3mTf9RbN2s'
 * password({ length: 12, minDigits: 2, minUpper: 1 }) // 'x4hQz0pkw8ma'
 * password({ alphabet: 'abcdef0123456789!?', minSymbols: 1 })
 */
export function password(options?: PasswordOptions | null): string {
  return drawPassword(policyOf(options))
}

/** A password of a checked policy: {@link password} without the checks, for drawing many. */
export function drawPassword(policy: Policy): string {
  for (let i = 0; policy.often || i < TRIES; i++) {
    const drawn = drawWhole(policy)
    if (drawn !== undefined) return drawn
  }
  return arrange(policy, drawCounts(policy))
}
