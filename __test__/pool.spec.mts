// The JavaScript word pool, driven by a scripted fill so each draw is known in advance.
import { createPool } from '../lib/pool.js'
import test from './helpers/test.mjs'

/** A pool whose refills write `words` (then zeros) and record the buffers they were given. */
function scripted(words: number[]) {
  const fills: Uint8Array[] = []
  const pool = createPool((bytes) => {
    fills.push(bytes)
    new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4).set(words.splice(0, bytes.length / 4))
  })
  return { pool, fills }
}

test('below(n) rejects draws of n and above, keeping only the bits of n - 1', (t) => {
  // n = 5: three bits, the top three of each word. 7 << 29, 5 << 29 are rejected; 4 << 29 is kept.
  const { pool } = scripted([7 << 29, 5 << 29, (4 << 29) | 0x1fffffff])
  t.is(pool.below(5), 4)
})

test('below(1) draws nothing; powers of two never reject', (t) => {
  const { pool, fills } = scripted([0xffffffff])
  t.is(pool.below(1), 0)
  t.is(fills.length, 0)
  t.is(pool.below(2 ** 32), 0xffffffff)
})

test('below(n) above 2**32 joins two words exactly', (t) => {
  // n = 2**40: eight high bits from the first word's top, 32 low bits from the second.
  const { pool } = scripted([0xab000000, 0x12345678])
  t.is(pool.below(2 ** 40), 0xab * 2 ** 32 + 0x12345678)
  // n = 2**53 - 1: a draw of exactly n (all 53 bits set, less none) is rejected.
  const { pool: p2 } = scripted([0xfffff800, 0xffffffff, 0, 7])
  t.is(p2.below(2 ** 53 - 1), 7)
})

test('words are handed out once, and the buffer a refill filled is wiped once copied in', (t) => {
  const { pool, fills } = scripted([1, 2, 3, 4, 5])
  const seen = [pool.word(), pool.word(), pool.word()]
  t.deepEqual(seen, [1, 2, 3])
  t.true(fills[0].every((b: number) => b === 0))
  t.is(pool.word(), 4)
})

test('copyTo copies bytes and moves past the whole words they were in', (t) => {
  const { pool } = scripted([0x04030201, 0x08070605, 0x0c0b0a09])
  const out = pool.copyTo(new Uint8Array(5), 5)
  t.deepEqual([...out], [1, 2, 3, 4, 5])
  t.is(pool.word(), 0x0c0b0a09)
})

test('the pool refills when it runs out, and copyTo never straddles a refill', (t) => {
  const { pool, fills } = scripted(Array.from({ length: 2048 }, (_, i) => i + 1))
  for (let i = 0; i < 1022; i++) pool.word()
  t.is(fills.length, 1)
  // 12 bytes need three words; only two are left, so the pool refills first.
  const out = new Uint32Array(3)
  pool.copyTo(new Uint8Array(out.buffer), 12)
  t.is(fills.length, 2)
  t.deepEqual([...out], [1025, 1026, 1027])
})

test('a draw made from inside a refill gets words of its own, and the outer draw fresh ones', (t) => {
  // The fill numbers every word it writes, so each word of every fill is distinct and nonzero.
  // It draws once from inside itself, before or after writing: code it runs (a getter on a
  // built-in) may do so at either point.
  for (const when of ['before', 'after']) {
    for (const draw of ['word', 'copyTo'] as const) {
      let counter = 1
      let reenter = true
      const inner: number[] = []
      const take = (): number[] => (draw === 'word' ? [pool.word(), pool.word()] : [...new Uint32Array(pool.copyTo(new Uint8Array(8), 8).buffer)])
      const pool = createPool((bytes) => {
        const again = reenter
        reenter = false
        if (again && when === 'before') inner.push(...take())
        const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)
        for (let i = 0; i < words.length; i++) words[i] = counter++
        if (again && when === 'after') inner.push(...take())
      })
      const outer = take()
      const rest = Array.from({ length: 3000 }, () => pool.word())
      const all = [...inner, ...outer, ...rest]
      t.is(inner.length, 2)
      t.false(all.includes(0), `${draw}, re-entered ${when} the fill: a zeroed word was handed out`)
      t.is(new Set(all).size, all.length, `${draw}, re-entered ${when} the fill: a word was handed out twice`)
    }
  }
})
