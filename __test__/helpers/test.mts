// AVA's `test`, with every title prefixed by the backend under test: the suite runs once per
// backend (NAPI_SECRETS_BACKEND=native, then =js), and a failure names the one it failed on.

import anyTest, { type TestFn } from 'ava'
import { backend } from 'napi-secrets'

export const prefix = `[${backend}] `

const titled =
  (register: (...args: any[]) => unknown) =>
  (title: unknown, ...rest: unknown[]) =>
    typeof title === 'string' ? register(prefix + title, ...rest) : register(title, ...rest)

/** `test`, `test.serial`, `test.skip`, ... with prefixed titles. */
const test = new Proxy(anyTest, {
  apply: (target, _this, [title, ...rest]: unknown[]) => titled(target)(title, ...rest),
  get(target, key) {
    const value: unknown = Reflect.get(target, key)
    return typeof value === 'function' ? titled(value.bind(target) as (...args: any[]) => unknown) : value
  },
}) as TestFn

export default test
