// Installed as a user installs it: `npm run pack:local`, then the tarballs into fresh projects
// with no Rust toolchain on PATH. Both tarballs give the native backend through require, import
// and a strict TypeScript consumer; the main tarball alone gives the js backend. The tarballs hold
// only what they should, and publint and arethetypeswrong find nothing wrong.

import type { ExecutionContext } from 'ava'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { backend } from 'napi-secrets'
import { target } from '../lib/backends/native.js'
import { npm } from '../scripts/npm.js'
import { extractTarball, readTarball } from './helpers/tarball.mjs'
import test from './helpers/test.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const modules = join(root, 'node_modules')
/** The script behind a dev dependency's command, to run with this Node.js on every platform. */
const cli = (pkg: string, name: string): string => {
  const { bin } = JSON.parse(readFileSync(join(modules, pkg, 'package.json'), 'utf8'))
  return join(modules, pkg, typeof bin === 'string' ? bin : bin[name])
}
const platformPackage = `napi-secrets-${target()}`

// Once, in the native pass: the packages do not depend on the backend under test.
const once = backend === 'native' ? test.serial : test.skip

// PATH without any directory holding cargo or rustc: nothing may be compiled on install.
const PATH = (process.env.PATH ?? '')
  .split(delimiter)
  .filter((dir) => !['cargo', 'rustc', 'cargo.exe', 'rustc.exe'].some((tool) => existsSync(join(dir, tool))))
  .join(delimiter)
const env: Record<string, string | undefined> = { ...process.env, PATH }
delete env.NAPI_SECRETS_BACKEND

const run = (cwd: string, [command, ...args]: string[], extra: Record<string, string> = {}) =>
  spawnSync(command ?? '', args, { cwd, env: { ...env, ...extra }, encoding: 'utf8' })
const node = (cwd: string, args: string[], extra: Record<string, string> = {}) => run(cwd, [process.execPath, ...args], extra)

const tarballs = (() => {
  execFileSync(process.execPath, [cli('tsx', 'tsx'), join(root, 'scripts', 'pack-local.ts')], { cwd: root, stdio: 'ignore' })
  const files = readdirSync(join(root, 'pack'))
  return {
    main: join(root, 'pack', files.find((f) => /^napi-secrets-\d/.test(f)) ?? 'missing'),
    platform: join(root, 'pack', files.find((f) => f.startsWith(`${platformPackage}-`)) ?? 'missing'),
  }
})()

/** A fresh project with `tarballs` installed, removed when the test ends. */
function project(t: ExecutionContext, ...packages: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-install-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
  const install = run(dir, npm('install', '--no-audit', '--no-fund', '--offline', ...packages))
  t.is(install.status, 0, install.stderr)
  return dir
}

/** A tarball's file names, sorted, and its package.json, from one read. */
function contents(tarball: string) {
  const files = readTarball(tarball)
  return { names: [...files.keys()].sort(), manifest: JSON.parse(files.get('package/package.json')?.toString('utf8') ?? 'null') }
}

once('the main tarball holds the built package only: no Rust, no binary, no install script', (t) => {
  const { names: files, manifest } = contents(tarballs.main)
  const unexpected = files.filter(
    (f) => !/^package\/(package\.json|README\.md|LICENSE|binding\.js|binding\.d\.ts|dist\/.+\.(js|mjs|d\.ts|d\.mts|json))$/.test(f),
  )
  t.deepEqual(unexpected, [])
  t.true(files.includes('package/dist/index.js') && files.includes('package/dist/browser/browser.js'))
  for (const hook of ['preinstall', 'install', 'postinstall']) t.false(hook in manifest.scripts, hook)
})

once('the platform tarball holds its binary and metadata, with os, cpu and libc', (t) => {
  const binary = `package/napi-secrets.${target()}.node`
  const { names, manifest } = contents(tarballs.platform)
  t.deepEqual(names, [binary, 'package/README.md', 'package/package.json'].sort())
  t.is(manifest.name, platformPackage)
  t.deepEqual(manifest.os, [process.platform])
  t.deepEqual(manifest.cpu, [process.arch])
  if (target().endsWith('-gnu')) t.deepEqual(manifest.libc, ['glibc'])
  if (target().endsWith('-musl')) t.deepEqual(manifest.libc, ['musl'])
})

once('installed with its platform package: native through require, import and TypeScript', (t) => {
  const dir = project(t, tarballs.main, tarballs.platform)
  const cjs = node(dir, ['-e', "const s = require('napi-secrets'); console.log(s.backend, s.tokenHex(4).length)"])
  t.is(cjs.stdout.trim(), 'native 8', cjs.stderr)
  const esm = node(dir, [
    '--input-type=module',
    '-e',
    "import s, { backend, SystemRandom } from 'napi-secrets'; import { createRequire } from 'node:module'; " +
      "const r = createRequire(import.meta.url)('napi-secrets'); console.log(backend, s.randbelow(1), new SystemRandom() instanceof r.SystemRandom)",
  ])
  t.is(esm.stdout.trim(), 'native 0 true', esm.stderr)

  // Strict consumers, with the types found through the exports map: Node's, with @types/node,
  // and a bundler's browser build, with no Node.js types at all.
  writeFileSync(
    join(dir, 'node.mts'),
    "import { randbelow, tokenBytes } from 'napi-secrets'\nconst n: number = randbelow(6)\nconst b: bigint = randbelow(6n)\nconst bytes: Buffer = tokenBytes()\nexport { n, b, bytes }\n",
  )
  writeFileSync(
    join(dir, 'browser.ts'),
    "import { tokenBytes, choice } from 'napi-secrets'\nconst bytes: Uint8Array = tokenBytes()\nconst c: string = choice('abc')\nexport { bytes, c }\n",
  )
  const tsc = (args: string[]) => node(dir, [cli('typescript', 'tsc'), ...args])
  const nodeTypes = tsc(['--strict', '--noEmit', '--module', 'node16', '--typeRoots', join(modules, '@types'), '--types', 'node', 'node.mts'])
  t.is(nodeTypes.status, 0, nodeTypes.stdout)
  const options = { strict: true, noEmit: true, target: 'es2022', module: 'esnext', moduleResolution: 'bundler', customConditions: ['browser'], types: [], lib: ['es2022', 'dom'] }
  writeFileSync(join(dir, 'tsconfig.browser.json'), JSON.stringify({ compilerOptions: options, files: ['browser.ts'] }))
  const browser = tsc(['-p', 'tsconfig.browser.json'])
  t.is(browser.status, 0, browser.stdout)

  // The command, as npx finds it in the project: help, and a token from the native addon.
  const help = run(dir, npm('exec', '--offline', '--', 'napi-secrets', '--help'))
  t.is(help.status, 0, help.stderr)
  t.true(help.stdout.includes('napi-secrets password'), help.stdout)
  t.regex(run(dir, npm('exec', '--offline', '--', 'napi-secrets', 'hex', '4')).stdout, /^[0-9a-f]{8}\n$/)
})

once('installed alone: the js backend, and a forced native names the missing package', (t) => {
  const dir = project(t, tarballs.main)
  const js = node(dir, ['-e', "const s = require('napi-secrets'); console.log(s.backend, s.tokenUrlsafe(3))"])
  t.regex(js.stdout.trim(), /^js [\w-]{4}$/, js.stderr)
  const forced = node(dir, ['-e', "require('napi-secrets')"], { NAPI_SECRETS_BACKEND: 'native' })
  t.not(forced.status, 0)
  t.true(forced.stderr.includes(platformPackage), forced.stderr)
  t.true(forced.stderr.includes('ERR_NAPI_SECRETS_NO_ADDON'), forced.stderr)
})

once('publint and arethetypeswrong find nothing in the main tarball', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-lint-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  extractTarball(tarballs.main, dir)
  const publint = node(root, [cli('publint', 'publint'), '--strict', join(dir, 'package')])
  t.is(publint.status, 0, publint.stdout + publint.stderr)
  const attw = node(root, [cli('@arethetypeswrong/cli', 'attw'), tarballs.main, '--format', 'ascii'])
  t.is(attw.status, 0, attw.stdout + attw.stderr)
})
