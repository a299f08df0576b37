// Random words and small runs of bytes for the paths where a call into the backend would cost
// more than the work (randbelow, choice, small tokenBytes), taken from the backend 4 KiB at a
// time. A draw then costs a few nanoseconds of JavaScript. Everything taken is zeroed at once: no
// byte is handed out twice or left behind. Module state, so each thread (each module instance)
// has its own; nothing is drawn until the first use.

import { fill as wipe, set } from './builtins.js'

const WORDS = 1024

/** The pool's draws: 32-bit words, byte runs and exact integers below a bound. */
export interface WordPool {
  /** A uniform 32-bit unsigned integer. */
  word(): number
  /** Fills the first `length` (at most 4 KiB) bytes of `target` and returns it. */
  copyTo<T extends Uint8Array>(target: T, length: number): T
  /** A uniform integer in `[0, n)` for a safe integer `n >= 1`. */
  below(n: number): number
}

/**
 * A pool refilled by `fill`, which must fill the whole view it is given with random bytes.
 *
 * `fill` may run code that is not ours (a getter someone put on a built-in it reads), and that
 * code may draw from this pool while the fill is under way. So a refill fills a buffer of its own
 * and only then copies it in: a draw made during the fill finds the pool as it was, exhausted,
 * and refills in turn, and the outer refill then overwrites all of that. No word is handed out
 * to both, and the outer draw never reads one that the inner one took and zeroed. (Swapping
 * buffers would spare the copy, but the hot paths run measurably slower when the words they read
 * are not fixed.)
 */
export function createPool(fill: (bytes: Uint8Array) => void): WordPool {
  const words = new Uint32Array(WORDS)
  const bytes = new Uint8Array(words.buffer)
  let next = WORDS
  let scratch: Uint8Array | undefined

  function refill(): void {
    const fresh = scratch ?? new Uint8Array(4 * WORDS)
    scratch = undefined
    try {
      fill(fresh)
      set(bytes, fresh, 0)
      next = 0
    } finally {
      wipe(fresh, 0)
      scratch = fresh
    }
  }

  function word(): number {
    if (next === WORDS) refill()
    const w = words[next]
    words[next++] = 0
    return w
  }

  function copyTo<T extends Uint8Array>(target: T, length: number): T {
    const count = (length + 3) >>> 2
    if (next + count > WORDS) refill()
    // Plain loops: for the few bytes this serves, making a subarray to copy from, or calling
    // fill, costs more than the copy itself.
    // Four bytes an iteration: V8 runs this about twice as fast as a byte an iteration.
    const start = next * 4
    let i = 0
    for (; i + 4 <= length; i += 4) {
      target[i] = bytes[start + i]
      target[i + 1] = bytes[start + i + 1]
      target[i + 2] = bytes[start + i + 2]
      target[i + 3] = bytes[start + i + 3]
    }
    for (; i < length; i++) target[i] = bytes[start + i]
    for (let j = next; j < next + count; j++) words[j] = 0
    next += count
    return target
  }

  /**
   * Draw the bits of `n - 1`, redraw when the draw is `>= n`: each try succeeds with probability
   * above one half, and every result in `[0, n)` is equally likely.
   */
  function below(n: number): number {
    if (n <= 2 ** 32) {
      if (n === 1) return 0
      const shift = Math.clz32(n - 1)
      for (;;) {
        const r = word() >>> shift
        if (r < n) return r
      }
    }
    const shift = Math.clz32(Math.floor((n - 1) / 2 ** 32))
    for (;;) {
      const r = (word() >>> shift) * 2 ** 32 + word()
      if (r < n) return r
    }
  }

  return { word, copyTo, below }
}
