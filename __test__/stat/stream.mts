// Writes `mib` MiB of tokenBytes output to `file`, drawn in call sizes that cross every internal
// path and pool boundary: the facade's word pool (up to 64 bytes), the native pool (up to 4 KiB,
// refilled every 4 KiB), keystream of its own (4 KiB and more, rekeyed every 64 KiB) and fills
// split across threads (from 4 MiB). `--planted` clears the low bit of every 64th byte, a bias the
// suite must catch (its test of the test).

import { closeSync, openSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const secrets = require('../..') as typeof import('napi-secrets')

const SIZES = [1, 7, 32, 63, 64, 65, 1000, 4095, 4096, 4097, 65535, 65536, 65537, 2 ** 20 + 3, 5 * 2 ** 20 + 1]

const [file, mib] = process.argv.slice(2)
const planted = process.argv.includes('--planted')
const fd = openSync(file, 'w')
let left = Number(mib) * 2 ** 20
for (let i = 0; left > 0; i++) {
  const bytes = secrets.tokenBytes(Math.min(left, SIZES[i % SIZES.length]))
  if (planted) for (let j = 0; j < bytes.length; j += 64) bytes[j] &= 0xfe
  writeSync(fd, bytes)
  left -= bytes.length
}
closeSync(fd)
