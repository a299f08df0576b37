// The command line's argument parser: options as getopt and getopt_long take them (`-c 3`, `-c3`,
// `-yc3`, `--count 3`, `--count=3`, `--` ending options, options before or after arguments), with
// one difference: an argument that starts with a dash and a digit is a value, never an option,
// so `--count -1` and `hex -1` reach the number checks and get the allowed range, not a parser's
// hint. util.parseArgs cannot do that (it calls `--count -1` ambiguous).

/** Bad input: printed as `napi-secrets: COMMAND: message`, exit status 2. */
export class Usage extends Error {}

/** One option of a command: its long name, short letter, and its value's name (none: a flag). */
export interface Option {
  long: string
  short?: string
  value?: string
  about: string
}

export interface Parsed {
  positionals: string[]
  /** The value of each option given (the last, if given twice); `''` for a flag. */
  values: Map<string, string>
  /** Each option as the user typed it (`-c`, `--count`), for messages. */
  typed: Map<string, string>
}

/** `args` parsed against `options`; an unknown option, or one without its value, is Usage. */
export function parse(args: readonly string[], options: readonly Option[]): Parsed {
  const parsed: Parsed = { positionals: [], values: new Map(), typed: new Map() }
  const set = (option: Option, typed: string, value: string) => {
    parsed.values.set(option.long, value)
    parsed.typed.set(option.long, typed)
  }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1))
      break
    }
    // Plain arguments, `-` (stdin, by convention) and negative numbers.
    if (!arg.startsWith('-') || arg === '-' || /^-[\d.]/.test(arg)) {
      parsed.positionals.push(arg)
      continue
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq === -1 ? arg : arg.slice(0, eq)
      const option = options.find((o) => `--${o.long}` === name)
      if (option === undefined) throw new Usage(`unknown option ${quote(name)}`)
      if (option.value === undefined) {
        if (eq !== -1) throw new Usage(`${name} takes no value`)
        set(option, name, '')
      } else if (eq !== -1) {
        set(option, name, arg.slice(eq + 1))
      } else {
        if (i + 1 >= args.length) throw new Usage(`${name} needs a value (${option.value})`)
        set(option, name, args[++i])
      }
      continue
    }
    // One or more short options: flags, then at most one that takes a value, which is the rest
    // of the argument or else the next one (`-yc3`, `-yc 3`).
    for (let j = 1; j < arg.length; j++) {
      const letter = arg[j]
      const option = options.find((o) => o.short === letter)
      if (option === undefined) throw new Usage(`unknown option ${quote(`-${letter}`)}${arg.length > 2 ? ` (in ${quote(arg)})` : ''}`)
      if (option.value === undefined) {
        set(option, `-${letter}`, '')
        continue
      }
      if (j + 1 < arg.length) set(option, `-${letter}`, arg.slice(j + 1))
      else if (i + 1 < args.length) set(option, `-${letter}`, args[++i])
      else throw new Usage(`-${letter} needs a value (${option.value})`)
      break
    }
  }
  return parsed
}

/** A string as messages show it: quoted, cut at 40 characters, control characters escaped. */
export function quote(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}...` : text)
}

/**
 * A decimal whole number in `[min, max]`; anything else (a sign, a fraction, an exponent, too
 * large) is Usage that names `what` as typed and says the range.
 */
export function whole(text: string, what: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new Usage(`${what} must be a whole number from ${min} to ${max}, not ${quote(text)}`)
  }
  return Number(text)
}
