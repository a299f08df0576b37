// `npm run bench:cli`: a million 32-byte hex tokens from the command line, against `openssl rand
// -hex 32` in a shell loop (one process a token, timed over 2000 and scaled) and against
// `node -e` with crypto.randomBytes. Rounds interleave the three; wall and CPU time (user +
// system, children included) come from GNU time, and each ratio is ours / theirs.

import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')
const TOKENS = 1_000_000
const LOOP = 2000
const node = `const { randomBytes } = require('node:crypto'); const out = []; for (let i = 0; i < ${TOKENS}; i++) out.push(randomBytes(32).toString('hex')); process.stdout.write(out.join('\\n') + '\\n')`
const sides = {
  'napi-secrets hex --count 1000000': { argv: [process.execPath, cli, 'hex', '--count', String(TOKENS)], scale: 1 },
  'openssl rand -hex 32, in a shell loop': { argv: ['bash', '-c', `for i in $(seq ${LOOP}); do openssl rand -hex 32; done`], scale: TOKENS / LOOP },
  'node -e with crypto.randomBytes': { argv: [process.execPath, '-e', node], scale: 1 },
}

/** Wall and CPU seconds of one run, its output thrown away. */
function measure(argv: string[]): { wall: number; cpu: number } {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S', 'bash', '-c', '"$@" > /dev/null', '_', ...argv], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`)
  const [wall, user, sys] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number)
  return { wall, cpu: user + sys }
}

const ROUNDS = 5
const best = Object.fromEntries(Object.keys(sides).map((name) => [name, { wall: Infinity, cpu: Infinity }]))
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, { argv, scale }] of Object.entries(sides)) {
    const { wall, cpu } = measure(argv)
    best[name].wall = Math.min(best[name].wall, wall * scale)
    best[name].cpu = Math.min(best[name].cpu, cpu * scale)
  }
}
const ours = best['napi-secrets hex --count 1000000']
console.log('| a million hex tokens | wall s | CPU s | ours / theirs, wall | CPU |\n|---|---:|---:|---:|---:|')
for (const [name, { wall, cpu }] of Object.entries(best)) {
  console.log(`| ${name} | ${wall.toFixed(2)} | ${cpu.toFixed(2)} | ${(ours.wall / wall).toPrecision(2)} | ${(ours.cpu / cpu).toPrecision(2)} |`)
}
console.log(`\nbest of ${ROUNDS} interleaved rounds; the openssl loop timed over ${LOOP} tokens and scaled`)
