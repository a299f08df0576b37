'use strict'

// Random words and small runs of bytes for the paths where an N-API call would cost more than
// the work (randbelow, choice, small tokenBytes), taken from the native generator 4 KiB at a
// time. A draw then costs a few nanoseconds of JavaScript instead of a call of about 25 ns.
// Everything taken is zeroed at once: no byte is handed out twice or left behind. Module state,
// so each thread (each module instance) has its own.

const WORDS = 1024

function createPool(fill) {
  const words = new Uint32Array(WORDS)
  const bytes = new Uint8Array(words.buffer)
  let next = WORDS

  function refill() {
    fill(bytes)
    next = 0
  }

  function word() {
    if (next === WORDS) refill()
    const w = words[next]
    words[next++] = 0
    return w
  }

  /** Fills the first `length` (at most 4 KiB) bytes of `target`, a Uint8Array. */
  function copyTo(target, length) {
    const count = (length + 3) >>> 2
    if (next + count > WORDS) refill()
    // Plain loops: for the few bytes this serves, making a subarray to copy from, or calling
    // fill, costs more than the copy itself.
    const start = next * 4
    for (let i = 0; i < length; i++) target[i] = bytes[start + i]
    for (let i = next; i < next + count; i++) words[i] = 0
    next += count
    return target
  }

  /**
   * A uniform integer in `[0, n)` for a safe integer `n >= 1`: draw the bits of `n - 1`, redraw
   * when the draw is `>= n`. Each try succeeds with probability above one half.
   */
  function below(n) {
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

module.exports = { createPool }
