// The js backend's digit arithmetic (lib/backends/js/encode.ts, digits.ts), checked directly:
// every scalar value exhaustively, the four-lane forms against the scalar ones, and the digits'
// uniformity at every position of the blocks they are made in.

import { createRequire } from 'node:module'

import { hexDigit, hexLanes, hexValue, urlsafeDigit, urlsafeLanes, urlsafeValue } from '../lib/backends/js/encode.js'
import { digitPool, hexText, urlsafeRun, urlsafeText } from '../lib/backends/js/digits.js'
import { assertFits } from './helpers/stats.mjs'
import test from './helpers/test.mjs'

const require = createRequire(import.meta.url)

const HEX = '0123456789abcdef'
const URLSAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

test('every digit and value, both ways', (t) => {
  for (let v = 0; v < 16; v++) {
    t.is(hexDigit(v), HEX.charCodeAt(v))
    t.is(hexValue(HEX.charCodeAt(v)), v)
  }
  for (let v = 0; v < 64; v++) {
    t.is(urlsafeDigit(v), URLSAFE.charCodeAt(v))
    t.is(urlsafeValue(URLSAFE.charCodeAt(v)), v)
  }
})

test('four lanes at once give each lane its own digit', (t) => {
  // Every value in every lane, next to every other value: a carry or borrow between lanes shows.
  for (let v = 0; v < 64; v++) {
    for (let w = 0; w < 64; w++) {
      const x = v | (w << 8) | (v << 16) | (w << 24)
      const u = urlsafeLanes(x) >>> 0
      const expected = [v, w, v, w].map((lane) => URLSAFE.charCodeAt(lane))
      t.deepEqual([0, 8, 16, 24].map((shift) => (u >>> shift) & 0xff), expected)
      if (v < 16 && w < 16) {
        const h = hexLanes(x) >>> 0
        t.deepEqual([0, 8, 16, 24].map((shift) => (h >>> shift) & 0xff), [v, w, v, w].map((lane) => HEX.charCodeAt(lane)))
      }
    }
  }
})

/** Counts of each digit at each position modulo `period`, over `text`. */
function byPosition(text: string, alphabet: string, period: number): number[][] {
  const counts = Array.from({ length: period }, () => new Array<number>(alphabet.length).fill(0))
  for (let i = 0; i < text.length; i++) counts[i % period][alphabet.indexOf(text[i])]++
  return counts
}

// Digits are made 8 (hex) or 16 (base64url) at a time from one, or three, random words, each
// position of a block from different bits. A wrong shift or mask gives some position half or a
// quarter of its values, which moves its chi-square by thousands at these sizes.
test('hex digits are uniform at every position of a block, pooled and not', (t) => {
  for (const text of [Array.from({ length: 2000 }, () => hexText(64)).join(''), hexText(2 ** 18)]) {
    byPosition(text, HEX, 8).forEach((counts, at) => assertFits(t, counts, undefined, `hex position ${at} of 8`))
  }
})

test('base64url digits are uniform at every position of a block, pooled and not', (t) => {
  for (const text of [Array.from({ length: 2000 }, () => urlsafeText(48)).join(''), urlsafeText(3 * 2 ** 16), urlsafeRun(2000, 48)]) {
    byPosition(text, URLSAFE, 16).forEach((counts, at) => assertFits(t, counts, undefined, `base64url position ${at} of 16`))
  }
})

test('the last base64url digit carries only the bits its bytes fill', (t) => {
  // n = 1 leaves 2 bits for the last digit (A, Q, g, w); n = 2 leaves 4 bits (multiples of 4).
  for (const [n, values] of [[1, 4], [2, 16], [4, 4], [5, 16]] as const) {
    const counts = new Array<number>(values).fill(0)
    for (let i = 0; i < 4000; i++) {
      const last = URLSAFE.indexOf(urlsafeText(n).at(-1) as string)
      t.is(last % (64 / values), 0, `last digit of ${n} bytes`)
      counts[last / (64 / values)]++
    }
    assertFits(t, counts, undefined, `last digit of ${n} bytes`)
    t.is(Buffer.from(urlsafeText(n), 'base64url').toString('base64url').length, Math.ceil((4 * n) / 3))
  }
  const run = urlsafeRun(3000, 1)
  for (let i = 1; i < run.length; i += 2) t.is(URLSAFE.indexOf(run[i]) % 16, 0)
})

test('a token asked for from inside a refill gets digits of its own, and the outer token fresh ones', (t) => {
  // A fill that writes each block of 8 digits as the hex of a counter: every block of every fill
  // is distinct, and none holds a zero byte. It asks for a token from inside itself, before or
  // after writing: code it runs (a getter on a built-in) may do so at either point.
  for (const when of ['before', 'after']) {
    let counter = 0
    let reenter = true
    const inner: string[] = []
    const text = digitPool((digits) => {
      const again = reenter
      reenter = false
      if (again && when === 'before') inner.push(text(8, 0, 15))
      for (let i = 0; i < digits.length; i += 8) digits.set(Buffer.from((counter++).toString(16).padStart(8, '0')), i)
      if (again && when === 'after') inner.push(text(8, 0, 15))
    }, () => {}, 15)
    const outer = text(8, 0, 15)
    const rest = Array.from({ length: 10000 }, () => text(8, 0, 15))
    const all = [...inner, outer, ...rest]
    t.is(inner.length, 1)
    t.true(all.every((token) => /^[0-9a-f]{8}$/.test(token)), `re-entered ${when} the fill: a zeroed digit was handed out`)
    t.is(new Set(all).size, all.length, `re-entered ${when} the fill: digits were handed out twice`)
  }
})

test('tokens of every length from 0 to 300 bytes are canonical hex and base64url, as Buffer reads them', (t) => {
  // Three rounds, so each length is taken at different places in the pool, each start a multiple of 4.
  for (let round = 0; round < 3; round++) {
    for (let n = 0; n <= 300; n++) {
      const hex = hexText(2 * n)
      if (hex.length !== 2 * n || !/^[0-9a-f]*$/.test(hex) || Buffer.from(hex, 'hex').toString('hex') !== hex) t.fail(`hex of ${n} bytes: ${hex}`)
      const url = urlsafeText(n)
      const bytes = Buffer.from(url, 'base64url')
      if (!/^[\w-]*$/.test(url) || bytes.length !== n || bytes.toString('base64url') !== url) t.fail(`base64url of ${n} bytes: ${url}`)
    }
  }
  t.pass()
})

test('the digits handed out are zeroed at once, with the padding to the next word, and no others', (t) => {
  let pool: Uint8Array | undefined
  const text = digitPool((digits) => {
    pool ??= digits
    digits.fill(0x61)
  }, () => {}, 15)
  let used = 0
  for (const m of [1, 2, 3, 4, 5, 64, 43, 7, 8, 9, 300, 6]) {
    t.is(text(m, 0, 15), 'a'.repeat(m))
    used += (m + 3) & ~3
    const bytes = pool as Uint8Array
    t.true(bytes.subarray(0, used).every((b) => b === 0), `after ${m} digits: a digit handed out was left`)
    t.true(bytes.subarray(used).every((b) => b === 0x61), `after ${m} digits: a digit not handed out was zeroed`)
  }
})

test("the browser build's ascii is the latin1 text of any span, and gives fromCharCode one code only for a text of one", async (t) => {
  // A fresh instance of the module, loaded while fromCharCode counts its arguments: the module
  // takes fromCharCode at load, as every built-in it calls.
  const counts: number[] = []
  const real = String.fromCharCode
  String.fromCharCode = (...codes: number[]) => {
    counts.push(codes.length)
    return real(...codes)
  }
  // A fresh instance through require's cache (an import with a query string gives an empty
  // module under Node.js 22 and later), put back as it was after.
  const path = require.resolve('../lib/platform.browser.ts')
  const cached = require.cache[path]
  delete require.cache[path]
  let ascii: typeof import('../lib/platform.browser.js').ascii
  try {
    ;({ ascii } = require(path) as typeof import('../lib/platform.browser.js'))
  } finally {
    String.fromCharCode = real
    if (cached === undefined) delete require.cache[path]
    else require.cache[path] = cached
  }
  const codes = new Uint8Array(20000)
  for (let i = 0; i < codes.length; i++) codes[i] = (i * 7 + 3) & 0xff
  for (let start = 0; start < 18; start++) {
    for (let m = 0; m <= 300; m++) {
      counts.length = 0
      const text = ascii(codes, start, start + m)
      if (text !== Buffer.from(codes.subarray(start, start + m)).toString('latin1')) t.fail(`from ${start}, ${m} codes`)
      if (m > 1 && counts.includes(1)) t.fail(`from ${start}, ${m} codes: fromCharCode got one code`)
    }
  }
  t.is(ascii(codes, 5, 19999), Buffer.from(codes.subarray(5, 19999)).toString('latin1'))
  t.true(counts.length > 0)
})
