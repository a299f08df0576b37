// passphrase(): words drawn uniformly from the EFF large wordlist or a custom one, with every
// argument checked.

import { constants } from 'node:buffer'
import { createHash } from 'node:crypto'

import { passphrase } from 'napi-secrets'
import { EFF_LARGE } from '../lib/wordlists/eff-large.js'
import { rangeError, throwsNodeError, typeError } from './helpers/errors.mjs'
import { codeInChild } from './helpers/child.mjs'
import { assertFits, histogram } from './helpers/stats.mjs'
import test from './helpers/test.mjs'

const EFF = EFF_LARGE.split('\n')

test('the EFF large wordlist is the EFF\'s: 7776 unique words, and a known hash', (t) => {
  t.is(EFF.length, 7776)
  t.is(new Set(EFF).size, 7776)
  t.true(EFF.every((w) => /^[a-z]+(-[a-z]+)?$/.test(w)))
  t.is(EFF[0], 'abacus')
  t.is(EFF.at(-1), 'zoom')
  // sha256 of the words, one a line, each line ending in a newline.
  t.is(createHash('sha256').update(`${EFF_LARGE}\n`).digest('hex'), '6d557f0693958fb5e650b68b5bee585eb82cf4da32965505c789e924743bc522')
})

test('by default, six EFF words separated by spaces', (t) => {
  for (let i = 0; i < 200; i++) {
    const words = passphrase().split(' ')
    t.is(words.length, 6)
    t.true(words.every((w) => EFF.includes(w)))
  }
  t.is(passphrase(null).split(' ').length, 6)
  t.is(passphrase({ words: null, separator: null, wordlist: null }).split(' ').length, 6)
})

test('words, separator and a custom wordlist', (t) => {
  t.is(passphrase({ words: 0 }), '')
  t.is(passphrase({ words: 1, wordlist: ['only'] }), 'only')
  t.is(passphrase({ words: 3, separator: '', wordlist: ['ab'] }), 'ababab')
  const dashed = passphrase({ words: 10, separator: '-', wordlist: ['x', 'y'] })
  t.regex(dashed, /^[xy](-[xy]){9}$/)
  t.is(passphrase({ words: 4, separator: ' + ' }).split(' + ').length, 4)
  t.true(passphrase({ words: 5, wordlist: ['äpfel', '日本', '\u{1F600}'] }).split(' ').length === 5)
})

test('every word and every pair of words is equally likely', (t) => {
  // 5 words, 2 a passphrase: 25 ordered pairs, 40000 draws, 1600 expected each; the chi-square
  // on 24 degrees of freedom fails at p <= 1e-6 (about 72). Drawing the second word from the
  // other four (no repeated word) scores about 10000.
  const list = ['a', 'b', 'c', 'd', 'e']
  const counts = histogram(40000, 25, () => passphrase({ words: 2, separator: '', wordlist: list }), (p) =>
    list.indexOf(p[0]) * 5 + list.indexOf(p[1]),
  )
  assertFits(t, counts, new Array(25).fill(1 / 25), 'pairs of 5 words')
})

test('bad options are errors with Node\'s codes, naming the option', (t) => {
  // @ts-expect-error options of every kind, on purpose
  const call = (options: unknown) => () => passphrase(options)
  const range = (options: unknown, pattern: RegExp) => throwsNodeError(t, call(options), rangeError(pattern), JSON.stringify(options))
  const type = (options: unknown, pattern: RegExp) => throwsNodeError(t, call(options), typeError(pattern), String(options))
  range({ words: -1 }, /"options\.words".*Received -1/)
  range({ words: 1.5 }, /"options\.words".*integer/)
  range({ words: NaN }, /"options\.words"/)
  range({ wordlist: [] }, /"options\.wordlist" Array must not be empty/)
  range({ wordlist: ['a', ''] }, /"options\.wordlist\[1\]".*non-empty string/)
  range({ wordlist: ['a', 'b', 'a'] }, /"options\.wordlist\[2\]".*not already in the list.*'a'/)
  type({ words: '6' }, /"options\.words"/)
  type({ separator: 1 }, /"options\.separator".*string/)
  type({ wordlist: 'abc' }, /"options\.wordlist".*Array/)
  type({ wordlist: new Set(['a']) }, /"options\.wordlist"/)
  type({ wordlist: ['a', 2] }, /"options\.wordlist\[1\]".*string/)
  type(5, /"options".*plain object/)
  type(new Date(), /"options".*plain object/)
  // @ts-expect-error a misspelt key, on purpose
  t.throws(() => passphrase({ word: 4 }), { instanceOf: TypeError, code: 'ERR_INVALID_ARG_VALUE', message: /'word'/ })
})

test('a passphrase that could pass the longest string is refused before any drawing', (t) => {
  // The worst case counts, every word the longest: 2**26 words of 64 characters drew for seconds
  // and then failed to join, with V8's "Invalid string length" and no code.
  const tooLong = rangeError(/"options\.words" is out of range\. It must be <= \d+, as \d+ words of up to \d+ characters/)
  throwsNodeError(t, () => passphrase({ words: 2 ** 26, wordlist: ['a'.repeat(64)] }), tooLong)
  throwsNodeError(t, () => passphrase({ words: 1024, separator: 'x'.repeat(2 ** 20) }), tooLong)
  throwsNodeError(t, () => passphrase({ words: 2, separator: 'x'.repeat(constants.MAX_STRING_LENGTH) }), tooLong)
  throwsNodeError(t, () => passphrase({ words: constants.MAX_STRING_LENGTH + 1, separator: '', wordlist: ['a'] }), tooLong)
  t.is(passphrase({ words: 3, separator: 'x'.repeat(2 ** 20), wordlist: ['a'] }).length, 3 + 2 * 2 ** 20)
})

test('words that an Array could not hold are a RangeError, not the end of the process', (t) => {
  // Gathered by push, 112_813_870 words passed V8's largest FixedArray while growing: exit 133.
  t.deepEqual(codeInChild('s.passphrase({ words: 112813870 })'), { status: 0, signal: null, stdout: 'ERR_OUT_OF_RANGE', stderr: '' })
})

test('passphrases of many words, past a run of the join, are whole', (t) => {
  const phrase = passphrase({ words: 5000, separator: '-', wordlist: ['ab', 'c'] })
  t.regex(phrase, /^(ab|c)(-(ab|c)){4999}$/)
})
