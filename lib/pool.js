'use strict'

// Random 32-bit words for the number paths (randbelow, choice), taken from the native generator
// 4 KiB at a time. A draw then costs a few nanoseconds of JavaScript instead of an N-API call of
// about 25 ns. Each word is zeroed as it is taken: none is handed out twice or left behind.
// Module state, so each thread (each module instance) has its own.

const WORDS = 1024

function createPool(fill) {
  const words = new Uint32Array(WORDS)
  const bytes = new Uint8Array(words.buffer)
  let next = WORDS

  function word() {
    if (next === WORDS) {
      fill(bytes)
      next = 0
    }
    const w = words[next]
    words[next++] = 0
    return w
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

  return { word, below }
}

module.exports = { createPool }
