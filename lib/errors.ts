// Errors worded and coded as Node's own (lib/internal/errors.js), so callers handle them the way
// they handle Node's.

/** An Error carrying Node's `code` property. */
export type CodedError<E extends Error = Error> = E & { code: string }

export function withCode<E extends Error>(error: E, code: string): CodedError<E> {
  return Object.assign(error, { code })
}

// Node's addNumericalSeparator: 4294967297 -> 4_294_967_297.
function separated(digits: string): string {
  const sign = digits[0] === '-' ? '-' : ''
  let rest = sign ? digits.slice(1) : digits
  let out = ''
  while (rest.length > 3) {
    out = `_${rest.slice(-3)}${out}`
    rest = rest.slice(0, -3)
  }
  return `${sign}${rest}${out}`
}

function showBigint(value: bigint): string {
  const magnitude = value < 0n ? -value : value
  // Decimal conversion of a huge bigint is slow; past 1024 bits show its size instead.
  if (magnitude >= 1n << 1024n) {
    const hex = magnitude.toString(16)
    const bits = (hex.length - 1) * 4 + Number.parseInt(hex[0], 16).toString(2).length
    return `${value < 0n ? '-' : ''}(a ${bits}-bit bigint)`
  }
  const text = String(value)
  return `${magnitude > 2n ** 32n ? separated(text) : text}n`
}

/** A primitive as Node's messages show it: strings quoted and cut at 100 characters. */
export function show(value: unknown): string {
  switch (typeof value) {
    case 'string': {
      const quoted = `'${value.length > 100 ? `${value.slice(0, 100)}...` : value}'`
      return quoted.replace(/\n/g, '\\n')
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value)
    case 'bigint':
      return showBigint(value)
    case 'symbol':
      return value.toString()
    default:
      return String(value)
  }
}

function constructorName(value: object): string | undefined {
  try {
    const name: unknown = (value as { constructor?: { name?: unknown } }).constructor?.name
    return typeof name === 'string' && name !== '' ? name : undefined
  } catch {
    // A revoked Proxy, or a throwing getter.
    return undefined
  }
}

/** Node's "Received ..." tail: the type, and for primitives the value. */
function received(value: unknown): string {
  if (value === null || value === undefined) return `Received ${value}`
  if (typeof value === 'function') return `Received function ${value.name || '<anonymous>'}`
  if (typeof value === 'object') {
    const name = constructorName(value)
    return name ? `Received an instance of ${name}` : 'Received an object with no constructor'
  }
  let shown = show(value)
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`
  return `Received type ${typeof value} (${shown})`
}

/**
 * The "Received ..." tail for a secret: its type and, for strings and binary data, its length,
 * never any of its contents.
 */
export function receivedSecret(value: unknown, length: number | undefined): string {
  if (value === null || value === undefined) return `Received ${value}`
  const kind = typeof value === 'object' ? `an instance of ${constructorName(value) ?? 'Object'}` : `type ${typeof value}`
  return length === undefined ? `Received ${kind}` : `Received ${kind} of length ${length}`
}

/** `TypeError` `ERR_INVALID_ARG_TYPE`: `name` must be `expected` (e.g. "of type number"). */
export function invalidArgType(name: string, expected: string, value: unknown): CodedError<TypeError> {
  return withCode(new TypeError(`The "${name}" argument must be ${expected}. ${received(value)}`), 'ERR_INVALID_ARG_TYPE')
}

/** `invalidArgType` for a secret argument: the message shows no contents, only type and length. */
export function invalidSecretType(name: string, expected: string, value: unknown, length?: number): CodedError<TypeError> {
  return withCode(
    new TypeError(`The "${name}" argument must be ${expected}. ${receivedSecret(value, length)}`),
    'ERR_INVALID_ARG_TYPE',
  )
}

/** `TypeError` `ERR_INVALID_ARG_VALUE`: `name` is of an accepted type but its value is not. */
export function invalidArgValue(name: string, reason: string): CodedError<TypeError> {
  return withCode(new TypeError(`The argument '${name}' ${reason}`), 'ERR_INVALID_ARG_VALUE')
}

/** `RangeError` `ERR_OUT_OF_RANGE`: `name` must be `range` (e.g. ">= 0 && <= 10"). */
export function outOfRange(name: string, range: string, value: unknown): CodedError<RangeError> {
  const shown =
    typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > 2 ** 32
      ? separated(String(value))
      : show(value)
  return withCode(
    new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${shown}`),
    'ERR_OUT_OF_RANGE',
  )
}

/** A RangeError with Node's range code and a message of its own (Python's wording). */
export function rangeError(message: string): CodedError<RangeError> {
  return withCode(new RangeError(message), 'ERR_OUT_OF_RANGE')
}
