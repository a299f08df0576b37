// The pooled pure-JavaScript design where there is no Buffer: nanoid's pool (one
// getRandomValues into 16 KiB, tokens taken from it) with the encoders browser libraries use,
// a table of the 256 two-digit hex strings (as uuid's stringify) and nanoid's base64url alphabet,
// both indexed by secret bytes.

const POOL = 16384
const pool = new Uint8Array(POOL)
let offset = POOL

function take(n: number): number {
  if (offset + n > POOL) {
    crypto.getRandomValues(pool)
    offset = 0
  }
  const start = offset
  offset += n
  return start
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
const URLSAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

export function tokenHex(nbytes: number): string {
  const start = take(nbytes)
  let out = ''
  for (let i = start; i < start + nbytes; i++) out += HEX[pool[i]]
  return out
}

export function tokenUrlsafe(nbytes: number): string {
  const start = take(nbytes)
  const end = start + nbytes
  let out = ''
  let i = start
  for (; i + 3 <= end; i += 3) {
    const v = (pool[i] << 16) | (pool[i + 1] << 8) | pool[i + 2]
    out += URLSAFE[v >>> 18] + URLSAFE[(v >>> 12) & 63] + URLSAFE[(v >>> 6) & 63] + URLSAFE[v & 63]
  }
  if (end - i === 1) out += URLSAFE[pool[i] >>> 2] + URLSAFE[(pool[i] & 3) << 4]
  if (end - i === 2) {
    const v = (pool[i] << 8) | pool[i + 1]
    out += URLSAFE[v >>> 10] + URLSAFE[(v >>> 4) & 63] + URLSAFE[(v & 15) << 2]
  }
  return out
}

/** Uniform bigint in [0, n) by rejection over whole bytes of the pool. */
export function randbelowBig(n: bigint): bigint {
  const bits = (n - 1n).toString(2).length
  const nbytes = Math.ceil(bits / 8)
  const excess = BigInt(nbytes * 8 - bits)
  for (;;) {
    const r = BigInt(`0x${tokenHex(nbytes)}`) >> excess
    if (r < n) return r
  }
}
