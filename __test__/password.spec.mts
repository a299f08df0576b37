// password(): policies hold, every password that meets a policy is equally likely on both the
// rejection and the exact path, the exact method's weights are the true counts, and every bad
// option or impossible policy is a RangeError or TypeError before any drawing.

import { constants } from 'node:buffer'

import { password } from 'napi-secrets'
import { countTables, drawCounts, MAX_EXACT_LENGTH, policyOf, shareMeeting } from '../lib/password.js'
import { codeInChild } from './helpers/child.mjs'
import { rangeError, throwsNodeError, typeError } from './helpers/errors.mjs'
import { assertFits, histogram } from './helpers/stats.mjs'
import test from './helpers/test.mjs'

const LETTERS_DIGITS = /^[a-zA-Z0-9]*$/
const PRINTABLE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length
const lower = (s: string) => count(s, /[a-z]/g)
const upper = (s: string) => count(s, /[A-Z]/g)
const digits = (s: string) => count(s, /[0-9]/g)

/** Every string of `length` characters of `alphabet` (code points), in order. */
function allStrings(alphabet: string[], length: number): string[] {
  let out = ['']
  for (let i = 0; i < length; i++) out = out.flatMap((s) => alphabet.map((c) => s + c))
  return out
}

test('by default, 20 ASCII letters and digits', (t) => {
  for (let i = 0; i < 200; i++) {
    const p = password()
    t.is(p.length, 20)
    t.regex(p, LETTERS_DIGITS)
  }
  t.is(password(null).length, 20)
  t.is(password({ length: null, alphabet: null, minDigits: null }).length, 20)
  t.is(password({ length: 0 }), '')
  t.is(password({ length: 100_000 }).length, 100_000)
})

test('policies hold over many draws, on the rejection path and the exact one', (t) => {
  const policies = [
    { length: 12, minDigits: 2, minUpper: 1, minLower: 1 },
    // Met by under one password in 10**5: the exact method draws these.
    { length: 8, minDigits: 6 },
    { length: 16, minLower: 4, minUpper: 4, minDigits: 4, minSymbols: 4, alphabet: PRINTABLE },
    { length: 6, minLower: 2, minUpper: 2, minDigits: 2 },
  ]
  for (const policy of policies) {
    for (let i = 0; i < 300; i++) {
      const p = password(policy)
      t.is(p.length, policy.length)
      t.true(lower(p) >= (policy.minLower ?? 0) && upper(p) >= (policy.minUpper ?? 0) && digits(p) >= (policy.minDigits ?? 0))
      t.true([...p].filter((c) => !/[a-zA-Z0-9]/.test(c)).length >= (policy.minSymbols ?? 0))
      t.true([...p].every((c) => (policy.alphabet ?? PRINTABLE).includes(c)))
    }
  }
  // All four classes at their minimums: only their arrangement and members are left to chance.
  const tight = password({ length: 4, minLower: 1, minUpper: 1, minDigits: 1, minSymbols: 1, alphabet: 'aB3!' })
  t.is([...tight].sort().join(''), '!3Ba')
})

test('a code point is one character, of any plane', (t) => {
  const p = password({ length: 50, alphabet: '\u{1F600}\u{1F601}é', minSymbols: 50 })
  t.is([...p].length, 50)
  t.true([...p].every((c) => ['\u{1F600}', '\u{1F601}', 'é'].includes(c)))
})

// Over 'abC1' at length 3 with a 'C' and a '1', 18 of the 64 strings are valid. 18000 draws
// expect 1000 each; the chi-square on 17 degrees of freedom fails at p <= 1e-6 (about 62).
// Placing 'C' and '1', drawing the third character and shuffling (the biased method several
// password managers use) gives 'CC1' and '1C1' arrangements 1/12 each and the others 1/24,
// which scores about 2250: run once against this test, it failed it.
const SMALL = { length: 3, alphabet: 'abC1', minUpper: 1, minDigits: 1 }

test('every password of a small policy is equally likely', (t) => {
  const valid = allStrings([...SMALL.alphabet], 3).filter((s) => s.includes('C') && s.includes('1'))
  t.is(valid.length, 18)
  const counts = histogram(18000, valid.length, () => password(SMALL), (p) => valid.indexOf(p))
  assertFits(t, counts, undefined, 'passwords of length 3 over abC1')
})

test('the exact path is uniform too, over every password of a rarely met policy', (t) => {
  // Length 4 over 26 lowercase letters, 'A' and '1', with two 'A' and one '1': 322 of 28**4
  // strings (one in 1900), so whole-password rejection gives up and the exact method draws.
  // 32200 draws, 100 each expected; the threshold on 321 degrees of freedom is about 450.
  const alphabet = 'abcdefghijklmnopqrstuvwxyzA1'
  const policy = { length: 4, alphabet, minUpper: 2, minDigits: 1 }
  t.true(shareMeeting(policyOf(policy)) < 0.5)
  const valid = allStrings([...alphabet], 4).filter((s) => upper(s) >= 2 && digits(s) >= 1)
  t.is(valid.length, 322)
  const index = new Map(valid.map((s, i) => [s, i]))
  const counts = histogram(32200, valid.length, () => password(policy), (p) => index.get(p) ?? -1)
  assertFits(t, counts, undefined, 'passwords of a rare policy')
})

test('the exact method counts and draws class counts with their true weights', (t) => {
  // Length 7 over 'ab' (a class of 2), 'C' and '12', at least 2 'C' and 3 digits: the tables
  // must equal a census of all 5**7 strings, and the counts drawn must fit it. 20000 draws over
  // the 3 possible vectors; dropping the binomial factor from the weights scores in the
  // thousands.
  const policy = policyOf({ length: 7, alphabet: 'abC12', minUpper: 2, minDigits: 3 })
  const census = new Map<string, number>()
  let valid = 0
  for (const s of allStrings([...'abC12'], 7)) {
    if (upper(s) < 2 || digits(s) < 3) continue
    valid++
    const key = [upper(s), digits(s), lower(s)].join()
    census.set(key, (census.get(key) ?? 0) + 1)
  }
  t.is(countTables(policy)[0][7], BigInt(valid))
  const keys = [...census.keys()]
  const counts = histogram(20000, keys.length, () => drawCounts(policy).join(), (k) => keys.indexOf(k))
  assertFits(t, counts, keys.map((k) => (census.get(k) ?? 0) / valid), 'class counts')
})

test('the share that decides the method is a lower bound on the true share', (t) => {
  for (const options of [SMALL, { length: 4, alphabet: 'abcA1', minUpper: 2, minDigits: 1 }, { length: 5, alphabet: 'aB1', minLower: 1, minUpper: 1 }]) {
    const policy = policyOf(options)
    const alphabet = [...options.alphabet]
    const share = Number(countTables(policy)[0][options.length]) / alphabet.length ** options.length
    t.true(shareMeeting(policy) <= share + 1e-12, JSON.stringify(options))
  }
})

test('demanding policies finish, and long ones that the exact method cannot serve are refused', (t) => {
  const hard = { length: MAX_EXACT_LENGTH, minDigits: 128, minLower: 1, minUpper: 1, minSymbols: 1, alphabet: PRINTABLE }
  const p = password(hard)
  t.is(p.length, MAX_EXACT_LENGTH)
  t.true(digits(p) >= 128)
  t.is(digits(password({ length: 40, minDigits: 40 })), 40)
  // A million characters, a sixth of them digits: met by most passwords, so rejection serves it.
  t.true(digits(password({ length: 1_000_000, minDigits: 160_000 })) >= 160_000)
  t.throws(() => password({ ...hard, length: MAX_EXACT_LENGTH + 1 }), {
    instanceOf: RangeError,
    code: 'ERR_OUT_OF_RANGE',
    message: /"options\.length".*<= 512 .*Received 513/,
  })
})

test('bad options are errors with Node\'s codes, naming the option and showing its value', (t) => {
  // @ts-expect-error options of every kind, on purpose
  const call = (options: unknown) => () => password(options)
  const range = (options: unknown, pattern: RegExp) => throwsNodeError(t, call(options), rangeError(pattern), JSON.stringify(options))
  const type = (options: unknown, pattern: RegExp) => throwsNodeError(t, call(options), typeError(pattern), String(options))
  range({ length: 5, minDigits: 3, minUpper: 3 }, /"options\.length".*>= 6, the sum of the minimums\. Received 5$/)
  range({ minSymbols: 1 }, /"options\.minSymbols".*no symbols\. Received 1$/)
  range({ alphabet: 'abc', minDigits: 1 }, /"options\.minDigits".*no ASCII digits/)
  range({ alphabet: 'abca' }, /"options\.alphabet".*"a" is\)\. Received 'abca'$/)
  range({ alphabet: '\u{1F600}x\u{1F600}' }, /no character twice/)
  range({ alphabet: '' }, /"options\.alphabet".*non-empty/)
  range({ length: -1 }, /"options\.length".*Received -1$/)
  range({ length: 2.5 }, /"options\.length".*an integer\. Received 2\.5$/)
  range({ length: Number.NaN }, /Received NaN$/)
  range({ minLower: -2 }, /"options\.minLower".*Received -2$/)
  range({ length: 2 ** 40 }, /"options\.length"/)
  type({ length: '20' }, /"options\.length".*type number.*'20'/)
  type({ alphabet: ['a', 'b'] }, /"options\.alphabet".*type string/)
  type({ minUpper: 1n }, /"options\.minUpper"/)
  type('abc', /"options".*plain object/)
  t.throws(() => password({ minSpecial: 1 } as never), { instanceOf: TypeError, code: 'ERR_INVALID_ARG_VALUE', message: /'minSpecial'/ })
})

test('the length is bounded by the longest string, at two units a character when one is astral', (t) => {
  const max = constants.MAX_STRING_LENGTH
  throwsNodeError(t, () => password({ length: max + 1 }), rangeError(new RegExp(`"options\\.length" is out of range\\. It must be <= ${max} `)))
  throwsNodeError(t, () => password({ length: max / 2 + 1, alphabet: 'ab\u{1F600}' }), rangeError(new RegExp(`It must be <= ${max / 2} `)))
})

test('an alphabet longer than any string without a repeat is refused before it is split', (t) => {
  throwsNodeError(t, () => password({ alphabet: 'ab'.repeat(2 ** 21) }), rangeError(/"options\.alphabet".*no character twice \(one of over 2162688 UTF-16 units repeats one\)/))
  // At the longest string, splitting it first took more than 30 seconds, or ended the process.
  t.deepEqual(codeInChild(`s.password({ alphabet: 'a'.repeat(${constants.MAX_STRING_LENGTH}) })`), {
    status: 0,
    signal: null,
    stdout: 'ERR_OUT_OF_RANGE',
    stderr: '',
  })
})

test('huge minimums are judged by a bound, in constant time, and the bound still decides rightly', (t) => {
  // Past 4096 terms the binomial tail is bounded by Chernoff's inequality instead of summed: a
  // sum of 2**27 terms took seconds before a refusal.
  const likely = policyOf({ length: 100_000, minDigits: 5_000 }) // 16_129 digits expected
  t.true(likely.often)
  t.true(shareMeeting(likely) > 0.999)
  t.true(digits(password({ length: 100_000, minDigits: 5_000 })) >= 5_000)
  // More than expected: the bound says nothing (share <= 0), and the length is past the exact method's.
  t.throws(() => policyOf({ length: 100_000, minDigits: 20_000 }), { instanceOf: RangeError, code: 'ERR_OUT_OF_RANGE', message: /<= 512/ })
  t.throws(() => password({ length: 2 ** 28, minDigits: 2 ** 27 }), { instanceOf: RangeError, code: 'ERR_OUT_OF_RANGE', message: /<= 512/ })
})
