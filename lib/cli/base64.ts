// `openssl rand -base64`'s text: standard base64 (RFC 4648 section 4) with `=` padding, each
// digit computed with branch-free arithmetic as RustCrypto's base64ct does, never looked up in a
// table (which cache line a lookup touches can be observed from another process).

import { MAX_STRING_LENGTH, ascii } from '../platform.js'
import { tokenBytes } from '../secrets.js'

/** The most bytes whose padded base64 fits in a string. */
export const MAX_BASE64_BYTES = Math.floor(MAX_STRING_LENGTH / 4) * 3

export const base64Length = (n: number): number => 4 * Math.ceil(n / 3)

/** The base64 digit of a 6-bit value: A-Z, a-z, 0-9, '+', '/' by arithmetic shifts of the value. */
function digit(v: number): number {
  let c = v + 65
  c += ((25 - v) >> 8) & 6
  c -= ((51 - v) >> 8) & 75
  c -= ((61 - v) >> 8) & 15
  c += ((62 - v) >> 8) & 3
  return c
}

/** `bytes` as padded base64. */
export function encode(bytes: Uint8Array): string {
  const out = new Uint8Array(base64Length(bytes.length))
  try {
    let o = 0
    const whole = bytes.length - (bytes.length % 3)
    for (let i = 0; i < whole; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2]
      out[o++] = digit(n >>> 18)
      out[o++] = digit((n >>> 12) & 63)
      out[o++] = digit((n >>> 6) & 63)
      out[o++] = digit(n & 63)
    }
    // The last one or two bytes, padded with '=' (which of the two cases is public: the length).
    const left = bytes.length - whole
    if (left > 0) {
      const n = (bytes[whole] << 16) | (left === 2 ? bytes[whole + 1] << 8 : 0)
      out[o++] = digit(n >>> 18)
      out[o++] = digit((n >>> 12) & 63)
      out[o++] = left === 2 ? digit((n >>> 6) & 63) : 61
      out[o++] = 61
    }
    return ascii(out, 0, out.length)
  } finally {
    out.fill(0)
  }
}

/** `n` random bytes as padded base64; the bytes are zeroed once encoded. */
export function tokenBase64(n: number): string {
  const bytes = tokenBytes(n)
  try {
    return encode(bytes)
  } finally {
    bytes.fill(0)
  }
}
