// Hex and base64url digits computed with arithmetic only: no lookup table indexed by a secret,
// whose cache footprint could leak it, and no branch on one. Four digits are made at once, one in
// each byte lane of a 32-bit word (SWAR): a lane's flag `((v + 0x80 - k) >>> 7) & 1` is 1 iff its
// value v is at least k, and no lane's sum carries into the next one.

const LANES = 0x01010101

/** Lane flags: 1 in each byte lane of `v` whose value is at least `k` (lanes below 128 - k). */
const atLeast = (v: number, k: number): number => ((v + (0x80 - k) * LANES) >>> 7) & LANES

/** Four hex digits, '0'..'9' then 'a'..'f', from four nibbles, one a byte lane of `v`. */
export const hexLanes = (v: number): number => v + 0x30 * LANES + 39 * atLeast(v, 10)

/**
 * Four base64url digits, 'A'..'Z', 'a'..'z', '0'..'9', '-', '_', from four sextets, one a byte
 * lane of `v`. The additions come first and the subtractions last, so that no lane goes below 0.
 */
export const urlsafeLanes = (v: number): number =>
  v + 0x41 * LANES + 6 * atLeast(v, 26) + 49 * atLeast(v, 63) - 75 * atLeast(v, 52) - 13 * atLeast(v, 62)

/** `1` iff `c < k`, for `c` and `k` in `[0, 2**31)`. */
const below = (c: number, k: number): number => (c - k) >>> 31

/** The value of hex digit `c`. */
export const hexValue = (c: number): number => (c & 15) + 9 * (c >>> 6)

/** The hex digit of `v` in `[0, 16)`. */
export const hexDigit = (v: number): number => v + 48 + 39 * (1 - below(v, 10))

/** The value of base64url digit `c`. */
export const urlsafeValue = (c: number): number =>
  c - 65 + 69 * below(c, 65) + 13 * below(c, 48) - 6 * (1 - below(c, 97)) + 33 * (below(c, 96) - below(c, 95))

/** The base64url digit of `v` in `[0, 64)`. */
export const urlsafeDigit = (v: number): number => urlsafeLanes(v) & 0xff

/** Characters of unpadded base64url for `n` bytes. */
export const urlsafeLength = (n: number): number => Math.ceil((4 * n) / 3)
