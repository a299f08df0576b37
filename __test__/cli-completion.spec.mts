// `napi-secrets completion bash|zsh|fish`: the bash script is sourced in bash and its function
// asked for completions, as bash's programmable completion would ask it (COMP_WORDS, COMP_CWORD,
// then COMPREPLY); the zsh and fish scripts must at least parse, where those shells are installed.

import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import test from './helpers/test.mjs'

const CLI = join(import.meta.dirname, '..', 'dist', 'cli.js')
const script = (shell: string) => spawnSync(process.execPath, [CLI, 'completion', shell], { encoding: 'utf8' }).stdout
const has = (shell: string) => spawnSync(shell, ['-c', 'exit 0']).status === 0

const BASH = script('bash')
const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-completion-'))
mkdirSync(join(dir, 'word lists'))
writeFileSync(join(dir, 'words.txt'), 'a\n')
writeFileSync(join(dir, 'word lists', 'eff.txt'), 'a\n')

/** What the bash completion offers for a command line whose last word is being typed. */
function complete(...words: string[]): string[] {
  const ask = 'source /dev/stdin <<< "$SCRIPT"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _napi_secrets; printf "%s\\n" "${COMPREPLY[@]}"'
  const r = spawnSync('bash', ['-c', ask, 'bash', ...words], { encoding: 'utf8', cwd: dir, env: { ...process.env, SCRIPT: BASH } })
  if (r.status !== 0) throw new Error(`bash failed: ${r.stderr}`)
  return r.stdout.split('\n').filter((l) => l !== '').sort()
}

test('the bash completion offers commands, then each command\'s options', (t) => {
  t.true(has('bash'), 'bash is required for this test')
  t.deepEqual(complete('napi-secrets', ''), ['--help', '--version', '-V', '-h', 'base64', 'bytes', 'compare', 'completion', 'help', 'hex', 'passphrase', 'password', 'randbelow', 'urlsafe'])
  t.deepEqual(complete('napi-secrets', 'pa'), ['passphrase', 'password'])
  t.deepEqual(complete('napi-secrets', 'hex', '-'), ['--count', '--help', '-c', '-h'])
  t.deepEqual(complete('napi-secrets', 'password', '--min-'), ['--min-digits', '--min-lower', '--min-symbols', '--min-upper'])
  t.deepEqual(complete('napi-secrets', 'password', '-'), ['--alphabet', '--count', '--help', '--length', '--min-digits', '--min-lower', '--min-symbols', '--min-upper', '--symbols', '-c', '-h', '-l', '-y'])
  t.deepEqual(complete('napi-secrets', 'passphrase', '--w'), ['--wordlist', '--words'])
  t.deepEqual(complete('napi-secrets', 'completion', ''), ['bash', 'fish', 'zsh'])
  t.deepEqual(complete('napi-secrets', 'help', 'passp'), ['passphrase'])
  // Nothing to offer for a number, or for a secret.
  t.deepEqual(complete('napi-secrets', 'hex', '-c', ''), [])
  t.deepEqual(complete('napi-secrets', 'compare', '-'), [])
})

test('the bash completion offers file names after -w and --wordlist, spaces and all', (t) => {
  t.deepEqual(complete('napi-secrets', 'passphrase', '-w', 'wo'), ['word lists', 'words.txt'])
  t.deepEqual(complete('napi-secrets', 'passphrase', '-n', '4', '--wordlist', 'word lists/'), ['word lists/eff.txt'])
  // bash splits --wordlist=FILE into --wordlist, = and FILE.
  t.deepEqual(complete('napi-secrets', 'passphrase', '--wordlist', '=', 'words'), ['words.txt'])
})

test('the bash completion is registered for napi-secrets', (t) => {
  const r = spawnSync('bash', ['-c', 'source /dev/stdin <<< "$SCRIPT"; complete -p napi-secrets'], { encoding: 'utf8', env: { ...process.env, SCRIPT: BASH } })
  t.is(r.stdout.trim(), 'complete -F _napi_secrets napi-secrets')
})

for (const [shell, check] of [['zsh', ['-n']], ['fish', ['--no-execute']]] as const) {
  test(`the ${shell} completion parses`, (t) => {
    if (!has(shell)) return t.log(`${shell} is not installed: its script is not checked (apt-get install ${shell})`)
    const file = join(dir, `completion.${shell}`)
    writeFileSync(file, script(shell))
    const r = spawnSync(shell, [...check, file], { encoding: 'utf8' })
    t.is(r.status, 0, r.stderr)
    t.true(script(shell).includes('--wordlist') || script(shell).includes('-l wordlist'))
  })
}

test('fish completes commands and options from the script', (t) => {
  if (!has('fish')) return t.log('fish is not installed: its completions are not checked')
  const ask = (line: string) =>
    spawnSync('fish', ['-c', `source ${JSON.stringify(join(dir, 'completion.fish'))}; complete -C ${JSON.stringify(line)}`], { encoding: 'utf8' })
      .stdout.split('\n')
      .map((l) => l.split('\t')[0])
      .filter((l) => l !== '')
      .sort()
  writeFileSync(join(dir, 'completion.fish'), script('fish'))
  t.deepEqual(ask('napi-secrets pass'), ['passphrase', 'password'])
  t.deepEqual(ask('napi-secrets passphrase --wo'), ['--wordlist', '--words'])
})
