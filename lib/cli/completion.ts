// `napi-secrets completion bash|zsh|fish`: completion scripts made from the command table, so
// they offer exactly the commands and options the parser takes, and file names after -w and
// --wordlist.

import { COMMANDS, HELP } from './commands.js'
import type { Option } from './parse.js'

const names = Object.keys(COMMANDS)
const TOP = ['help', '-h', '--help', '-V', '--version']

/** Every spelling of a command's options, help included. */
function spellings(options: readonly Option[]): string[] {
  return [...options, HELP].flatMap((o) => [...(o.short ? [`-${o.short}`] : []), `--${o.long}`])
}

/** The spellings of options that take a value other than a file (nothing to complete after them). */
function valued(options: readonly Option[]): string[] {
  return spellings(options.filter((o) => o.value !== undefined && o.long !== 'wordlist'))
}

function bash(): string {
  const cases = names
    .filter((n) => n !== 'compare' && n !== 'completion')
    .map((n) => `    ${n}) opts='${spellings(COMMANDS[n].options).join(' ')}' values='${valued(COMMANDS[n].options).join(' ')}' ;;`)
  return `# napi-secrets completion for bash. Load it with
#   source <(napi-secrets completion bash)
# in ~/.bashrc, or save it as ~/.local/share/bash-completion/completions/napi-secrets
_napi_secrets() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} opts='' values=''
  COMPREPLY=()
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=($(compgen -W '${[...names, ...TOP].join(' ')}' -- "$cur"))
    return 0
  fi
  case \${COMP_WORDS[1]} in
    help) (( COMP_CWORD == 2 )) && COMPREPLY=($(compgen -W '${names.join(' ')}' -- "$cur")); return 0 ;;
    completion) (( COMP_CWORD == 2 )) && COMPREPLY=($(compgen -W 'bash zsh fish' -- "$cur")); return 0 ;;
    compare) return 0 ;;
${cases.join('\n')}
    *) return 0 ;;
  esac
  # A file after -w or --wordlist (bash splits --wordlist=FILE at the '='); names may have spaces.
  if [[ $prev == -w || $prev == --wordlist || ( $prev == = && \${COMP_WORDS[COMP_CWORD-2]} == --wordlist ) ]]; then
    compopt -o filenames 2>/dev/null
    local IFS=$'\\n'
    COMPREPLY=($(compgen -f -- "$cur"))
    return 0
  fi
  # Nothing to offer for a number or a separator.
  [[ " $values " == *" $prev "* ]] && return 0
  [[ $cur == -* ]] && COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  return 0
}
complete -F _napi_secrets napi-secrets
`
}

function zsh(): string {
  const cases = names
    .filter((n) => n !== 'compare' && n !== 'completion')
    .map((n) => `    ${n}) compadd -- ${spellings(COMMANDS[n].options).join(' ')} ;;`)
  return `#compdef napi-secrets
# napi-secrets completion for zsh. Save it as _napi-secrets in a directory of $fpath, or load it
# with  source <(napi-secrets completion zsh)  in ~/.zshrc after compinit.
_napi_secrets() {
  if (( CURRENT == 2 )); then
    compadd -- ${[...names, ...TOP].join(' ')}
    return
  fi
  case \${words[CURRENT-1]} in
    -w|--wordlist) _files; return ;;
    ${[...new Set(names.flatMap((n) => valued(COMMANDS[n].options)))].join('|')}) return ;;
  esac
  case \${words[2]} in
    help) (( CURRENT == 3 )) && compadd -- ${names.join(' ')} ;;
    completion) (( CURRENT == 3 )) && compadd -- bash zsh fish ;;
${cases.join('\n')}
  esac
}
if [[ $funcstack[1] == _napi-secrets ]]; then
  _napi_secrets "$@"
else
  compdef _napi_secrets napi-secrets
fi
`
}

/** A fish string literal. */
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`

function fish(): string {
  const out = [
    '# napi-secrets completion for fish. Save it as ~/.config/fish/completions/napi-secrets.fish',
    'complete -c napi-secrets -f',
    `complete -c napi-secrets -n __fish_use_subcommand -a help -d ${fishQuote('show a command\'s help')}`,
    `complete -c napi-secrets -n __fish_use_subcommand -s h -l help -d ${fishQuote('show the help')}`,
    `complete -c napi-secrets -n __fish_use_subcommand -s V -l version -d ${fishQuote('show the version')}`,
    `complete -c napi-secrets -n '__fish_seen_subcommand_from help' -a ${fishQuote(names.join(' '))}`,
    `complete -c napi-secrets -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'`,
  ]
  for (const name of names) {
    const { about, options } = COMMANDS[name]
    out.push(`complete -c napi-secrets -n __fish_use_subcommand -a ${name} -d ${fishQuote(about.split(/[;,(]/)[0].trim())}`)
    if (name === 'compare') continue
    for (const o of [...options, HELP]) {
      const parts = ['complete -c napi-secrets', `-n ${fishQuote(`__fish_seen_subcommand_from ${name}`)}`]
      if (o.short) parts.push(`-s ${o.short}`)
      parts.push(`-l ${o.long}`)
      if (o.value !== undefined) parts.push(o.long === 'wordlist' ? '-r -F' : '-x')
      parts.push(`-d ${fishQuote(o.about)}`)
      out.push(parts.join(' '))
    }
  }
  return `${out.join('\n')}\n`
}

export const SHELLS: Record<string, () => string> = { bash, zsh, fish }
