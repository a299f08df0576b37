'use strict'

// Errors worded and coded as Node's own (lib/internal/errors.js), so callers handle them the way
// they handle Node's.

function withCode(error, code) {
  error.code = code
  return error
}

// Node's addNumericalSeparator: 4294967297 -> 4_294_967_297.
function separated(digits) {
  const sign = digits[0] === '-' ? '-' : ''
  let rest = sign ? digits.slice(1) : digits
  let out = ''
  while (rest.length > 3) {
    out = `_${rest.slice(-3)}${out}`
    rest = rest.slice(0, -3)
  }
  return `${sign}${rest}${out}`
}

function showBigint(value) {
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

function show(value) {
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

function received(value) {
  if (value === null || value === undefined) return `Received ${value}`
  if (typeof value === 'function') return `Received function ${value.name || '<anonymous>'}`
  if (typeof value === 'object') {
    let name
    try {
      name = value.constructor && value.constructor.name
    } catch {
      name = undefined
    }
    return name ? `Received an instance of ${name}` : 'Received an object with no constructor'
  }
  let shown = show(value)
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`
  return `Received type ${typeof value} (${shown})`
}

/** `TypeError` `ERR_INVALID_ARG_TYPE`: `name` must be `expected` (e.g. "of type number"). */
function invalidArgType(name, expected, value) {
  return withCode(
    new TypeError(`The "${name}" argument must be ${expected}. ${received(value)}`),
    'ERR_INVALID_ARG_TYPE',
  )
}

/** `RangeError` `ERR_OUT_OF_RANGE`: `name` must be `range` (e.g. ">= 0 && <= 10"). */
function outOfRange(name, range, value) {
  let shown
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) > 2 ** 32) {
    shown = separated(String(value))
  } else {
    shown = show(value)
  }
  return withCode(
    new RangeError(`The value of "${name}" is out of range. It must be ${range}. Received ${shown}`),
    'ERR_OUT_OF_RANGE',
  )
}

/** A RangeError with Node's range code and a message of its own (Python's wording). */
function rangeError(message) {
  return withCode(new RangeError(message), 'ERR_OUT_OF_RANGE')
}

module.exports = { invalidArgType, outOfRange, rangeError, show, withCode }
