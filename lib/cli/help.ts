// `--help`, `help COMMAND` and `--version`, from the command table.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { COMMANDS, HELP } from './commands.js'
import type { Option } from './parse.js'

const spelled = (o: Option) => `${o.short ? `-${o.short}, ` : '    '}--${o.long}${o.value ? ` ${o.value}` : ''}`

export function helpOf(name: string): string {
  const { args, about, options, examples } = COMMANDS[name]
  const out = [`napi-secrets ${name}${args ? ` ${args}` : ''}${options.length > 0 ? ' [OPTIONS]' : ''}`, `  ${about}`]
  for (const o of name === 'compare' ? [] : [...options, HELP]) out.push(`    ${spelled(o).padEnd(22)} ${o.about}`)
  out.push(...examples.map((e, i) => `  ${i === 0 ? 'example: ' : '         '}${e}`))
  return out.join('\n')
}

export function help(): string {
  return [
    'napi-secrets: tokens, passwords and passphrases from the OS CSPRNG, one result a line,',
    'in place of openssl rand, pwgen and xkcdpass.',
    '',
    ...Object.keys(COMMANDS).flatMap((name) => [helpOf(name), '']),
    'napi-secrets help COMMAND | -h, --help | -V, --version',
    'Short options combine and take values attached (-yc3); -- ends the options.',
    'Numbers are decimal whole numbers. Bad input is one line on stderr and exit status 2.',
  ].join('\n')
}

export function version(): string {
  const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }
  return version
}
