// Node's argument errors, asserted as one: the class, the `code` and the message.

import type { ExecutionContext } from 'ava'

export interface Expected {
  type: typeof TypeError | typeof RangeError
  code: string
  message?: RegExp | undefined
}

export const typeError = (message?: RegExp): Expected => ({ type: TypeError, code: 'ERR_INVALID_ARG_TYPE', message })
export const rangeError = (message?: RegExp): Expected => ({ type: RangeError, code: 'ERR_OUT_OF_RANGE', message })
export const valueError = (message?: RegExp): Expected => ({ type: TypeError, code: 'ERR_INVALID_ARG_VALUE', message })

/** Asserts that `fn` throws the `expected` error; `what` names the case in a failure. */
export function throwsNodeError(t: ExecutionContext, fn: () => unknown, { type, code, message }: Expected, what?: string): void {
  const error = t.throws(fn, { instanceOf: type }, what) as (Error & { code?: unknown }) | undefined
  if (!error) return
  t.is(error.code, code, what)
  if (message) t.regex(error.message, message, what)
}
