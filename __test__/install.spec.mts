// Installed as a user installs it: `npm run pack:local`, then the tarballs into fresh projects
// with cargo and rustc hidden. Every platform tarball packed (this machine's, and linux-arm64-gnu
// after `npm run build:arm64`) holds what it should; `npm run test:arm64` runs this file on arm64
// too, installing that one. Both tarballs give the native backend through require, import
// and a strict TypeScript consumer; the main tarball alone gives the js backend. The tarballs hold
// only what they should, and publint and arethetypeswrong find nothing wrong.

import type { ExecutionContext } from 'ava'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { backend } from 'napi-secrets'
import { target } from '../lib/backends/native.js'
import { npm } from '../scripts/npm.js'
import { extractTarball, readTarball } from './helpers/tarball.mjs'
import test from './helpers/test.mjs'
import { compiler, NEWEST, OLDEST } from './helpers/typescript.mjs'

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

// cargo and rustc hidden by commands of those names, first on PATH, that fail: nothing may be
// compiled on install. Dropping the folders that hold them instead would drop the shell too where
// Rust is a distribution's package in /usr/bin.
const hidden = mkdtempSync(join(tmpdir(), 'napi-secrets-no-rust-'))
for (const tool of ['cargo', 'rustc']) {
  const message = `${tool} is hidden by the install test: nothing may be compiled on install`
  if (process.platform === 'win32') writeFileSync(join(hidden, `${tool}.cmd`), `@echo ${message} 1>&2\r\n@exit /b 1\r\n`)
  else writeFileSync(join(hidden, tool), `#!/bin/sh\necho '${message}' >&2\nexit 1\n`, { mode: 0o755 })
}
process.on('exit', () => rmSync(hidden, { recursive: true, force: true }))
// Windows spells it Path.
const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH'
const env: Record<string, string | undefined> = { ...process.env, [pathKey]: [hidden, process.env[pathKey]].join(delimiter) }
for (const name of ['NAPI_SECRETS_BACKEND', 'CARGO', 'RUSTC']) delete env[name]

const run = (cwd: string, [command, ...args]: string[], extra: Record<string, string> = {}) =>
  spawnSync(command ?? '', args, { cwd, env: { ...env, ...extra }, encoding: 'utf8' })
const node = (cwd: string, args: string[], extra: Record<string, string> = {}) => run(cwd, [process.execPath, ...args], extra)

const tarballs = (() => {
  execFileSync(process.execPath, [cli('tsx', 'tsx'), join(root, 'scripts', 'pack-local.ts')], { cwd: root, stdio: 'ignore' })
  const files = readdirSync(join(root, 'pack'))
  // Every platform package packed: this machine's, and others whose addon was built here.
  const platforms = new Map<string, string>()
  for (const file of files) {
    const match = /^napi-secrets-([a-z0-9]+-[a-z0-9]+(?:-[a-z]+)?)-\d/.exec(file)
    if (match?.[1] !== undefined) platforms.set(match[1], join(root, 'pack', file))
  }
  return {
    main: join(root, 'pack', files.find((f) => /^napi-secrets-\d/.test(f)) ?? 'missing'),
    platform: platforms.get(target()) ?? join(root, 'pack', `${platformPackage}-missing`),
    platforms,
  }
})()

/** A fresh project with `tarballs` installed, removed when the test ends. */
function project(t: ExecutionContext, ...packages: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-install-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true }))
  const install = run(dir, npm('install', '--no-audit', '--no-fund', '--offline', ...packages))
  t.is(install.status, 0, install.stderr)
  t.notRegex(install.stderr, /npm warn/i, 'npm install printed a warning')
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
  // No scripts at all: a lifecycle script (prepare included) makes npm 11 warn on install.
  t.is(manifest.scripts, undefined)
})

once('each platform tarball holds its binary and metadata, with os, cpu and libc', (t) => {
  t.true(tarballs.platforms.has(target()), `no ${platformPackage} tarball`)
  for (const [name, tarball] of tarballs.platforms) {
    const [os, cpu, abi] = name.split('-')
    const { names, manifest } = contents(tarball)
    t.deepEqual(names, [`package/napi-secrets.${name}.node`, 'package/README.md', 'package/package.json'].sort(), name)
    t.is(manifest.name, `napi-secrets-${name}`)
    t.deepEqual(manifest.os, [os], name)
    t.deepEqual(manifest.cpu, [cpu], name)
    t.deepEqual(manifest.libc, abi === 'gnu' ? ['glibc'] : abi === 'musl' ? ['musl'] : undefined, name)
  }
})

once('cargo and rustc are hidden from what the tests install and run', (t) => {
  for (const tool of ['cargo', 'rustc']) {
    const found = process.platform === 'win32' ? run(root, ['cmd.exe', '/d', '/c', tool, '--version']) : run(root, ['sh', '-c', `${tool} --version`])
    t.not(found.status, 0, tool)
    t.true(found.stderr.includes('hidden by the install test'), found.stderr)
  }
})

// The loader napi-rs generates refuses, with NAPI_RS_ENFORCE_VERSION_CHECK set, a platform package
// of another version than the one written into it: `npm run build` writes package.json's.
once('binding.js and every platform package carry package.json\'s version', (t) => {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const loader = readFileSync(join(root, 'binding.js'), 'utf8')
  const accepted = new Set([...loader.matchAll(/bindingPackageVersion !== '([^']+)'/g)].map((m) => m[1]))
  t.deepEqual([...accepted], [version], 'binding.js: regenerate it with `npm run build`')
  for (const dir of readdirSync(join(root, 'npm'))) {
    t.is(JSON.parse(readFileSync(join(root, 'npm', dir, 'package.json'), 'utf8')).version, version, `npm/${dir}: run \`npx napi version\``)
  }
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
  const tsc = (args: string[]) => node(dir, [compiler(NEWEST), ...args])
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

// A consumer as `tsc --init` sets one up (types: [], exactOptionalPropertyTypes, skipLibCheck,
// nodenext), under TypeScript 7 and under 5.0, the oldest the README supports. Each line marked
// to expect an error fails to compile, as an unused directive, the moment a type decays to any.
const CONSUMER = [
  "import { tokenBytes, tokenHex, randbelow, password, passphrase, SystemRandom } from 'napi-secrets'",
  '// @ts-expect-error a Buffer is not a string',
  'export const a: string = tokenBytes()',
  '// @ts-expect-error a string is not a number',
  'export const b: number = tokenHex()',
  '// @ts-expect-error a bigint bound gives a bigint',
  'export const c: number = randbelow(6n)',
  'export const bytes: Buffer = tokenBytes(16)',
  'const maybe = (n: number): number | undefined => (n > 0 ? n : undefined)',
  'export const p: string = password({ length: maybe(12), alphabet: undefined })',
  'export const w: string = passphrase({ words: undefined })',
  'export const k: number[] = new SystemRandom().choices([1, 2], { k: maybe(2) })',
  '',
].join('\n')

once('TypeScript 7 with tsc --init\'s defaults, and TypeScript 5.0, see exact types', (t) => {
  const [seven, five] = [compiler(NEWEST), compiler(OLDEST)]
  const dir = project(t, tarballs.main, tarballs.platform)
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  writeFileSync(join(dir, 'consumer.ts'), CONSUMER)
  const init = node(dir, [seven, '--init'])
  t.is(init.status, 0, init.stdout)
  const checked7 = node(dir, [seven, '-p', '.', '--noEmit'])
  t.is(checked7.status, 0, `TypeScript 7:\n${checked7.stdout}`)
  const options = { strict: true, noEmit: true, module: 'node16', moduleResolution: 'node16', target: 'es2022', types: [], exactOptionalPropertyTypes: true, skipLibCheck: true }
  writeFileSync(join(dir, 'tsconfig.5.0.json'), JSON.stringify({ compilerOptions: options, files: ['consumer.ts'] }))
  const checked5 = node(dir, [five, '-p', 'tsconfig.5.0.json'])
  t.is(checked5.status, 0, `TypeScript 5.0:\n${checked5.stdout}`)
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
