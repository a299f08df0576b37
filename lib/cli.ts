#!/usr/bin/env node
// The `napi-secrets` command: tokens, passwords and passphrases for shells and scripts, one
// result a line. Bad input is one line on stderr, `napi-secrets: COMMAND: problem`, and exit
// status 2, never a stack trace; `compare` exits 0 or 1 and never shows its arguments. The
// commands are in cli/commands.ts, the parser in cli/parse.ts.

import { COMMANDS, HELP } from './cli/commands.js'
import { SHELLS } from './cli/completion.js'
import { help, helpOf, version } from './cli/help.js'
import { watchStdout } from './cli/output.js'
import { Usage, parse, quote } from './cli/parse.js'

/** Bad input with the command it was given to, for the message's prefix. */
class CommandUsage extends Usage {
  constructor(
    readonly command: string,
    message: string,
  ) {
    super(message)
  }
}

const HINT = "try 'napi-secrets --help'"

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) throw new Usage(`no command given; ${HINT}`)
  if (name === '--help' || name === '-h') return print(help())
  if (name === '--version' || name === '-V') return print(version())
  if (name === 'help') {
    if (rest.length === 0) return print(help())
    if (rest.length > 1) throw new CommandUsage('help', `takes one COMMAND, not ${rest.length}`)
    if (!Object.hasOwn(COMMANDS, rest[0])) throw new CommandUsage('help', `unknown command ${quote(rest[0])}; the commands are ${Object.keys(COMMANDS).join(', ')}`)
    return print(helpOf(rest[0]))
  }
  if (name.startsWith('-')) throw new Usage(`unknown option ${quote(name)} before a command; ${HINT}`)
  if (!Object.hasOwn(COMMANDS, name)) throw new Usage(`unknown command ${quote(name)}; the commands are ${Object.keys(COMMANDS).join(', ')}`)
  try {
    return await run(name, rest)
  } catch (error) {
    if (error instanceof Usage && !(error instanceof CommandUsage)) throw new CommandUsage(name, error.message)
    throw Object.assign(error as object, { command: name })
  }
}

async function run(name: string, rest: string[]): Promise<number> {
  const command = COMMANDS[name]
  if (name === 'compare') {
    // The arguments are secrets: never parsed as options, so never echoed in a message; two
    // arguments are always compared, even `--help`.
    if (rest.length === 1 && (rest[0] === '--help' || rest[0] === '-h')) return print(helpOf(name))
    const pair = rest.length === 3 && rest[0] === '--' ? rest.slice(1) : rest
    return (await command.run({ positionals: pair, values: new Map(), typed: new Map() })) ?? 0
  }
  const parsed = parse(rest, [...command.options, HELP])
  if (parsed.values.has('help')) return print(helpOf(name))
  if (parsed.positionals.length > command.most) {
    const extra = parsed.positionals[command.most]
    const most = command.most === 0 ? 'no arguments' : `at most ${command.most} argument${command.most > 1 ? 's' : ''}, ${command.args}`
    throw new Usage(`takes ${most}; ${quote(extra)} is one too many`)
  }
  if (name === 'completion') {
    const shell = parsed.positionals[0]
    if (shell === undefined) throw new Usage('which shell? give bash, zsh or fish')
    if (!Object.hasOwn(SHELLS, shell)) throw new Usage(`unknown shell ${quote(shell)}; the shells are bash, zsh and fish`)
    return print(SHELLS[shell]().trimEnd())
  }
  return (await command.run(parsed)) ?? 0
}

function print(text: string): number {
  process.stdout.write(`${text}\n`)
  return 0
}

/** One line on stderr, `napi-secrets: COMMAND: problem`; the exit status 2. */
function fail(error: unknown): number {
  const command = (error as { command?: unknown })?.command
  let message = error instanceof Error ? error.message : String(error)
  // Anything not worded for the command line (an allocation the machine refused, an OS error)
  // still comes out as one line.
  message = message.replace(/\s*\n\s*/g, ' ')
  process.stderr.write(`napi-secrets: ${typeof command === 'string' ? `${command}: ` : ''}${message}\n`)
  return 2
}

watchStdout((error) => {
  process.exitCode = fail(error)
})

main(process.argv.slice(2)).then(
  (status) => {
    process.exitCode = status
  },
  (error: unknown) => {
    process.exitCode = fail(error)
  },
)
