// The server of `npm run bench:server` (server.mts starts it, pinned to one core): a node:http
// server whose paths each make tokens one way, one per response or 100 per response joined by
// newlines. The package loads once, on the backend NAPI_SECRETS_BACKEND names. GET /stats is
// the control endpoint: requests served so far, and the process's CPU and wall time, so the
// benchmark can time a window of steady load from the server's side. The port goes to the
// parent over IPC; when the parent goes away, so does the server.

import crypto from 'node:crypto'
import http from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'

import { nanoid } from 'nanoid'
import { v4 as uuidv4 } from 'uuid'

const require = createRequire(import.meta.url)
const secrets = require('..') as typeof import('napi-secrets')

const N = 100
const CONSTANT = 'f'.repeat(64)
const CONSTANTS = new Array<string>(N).fill(CONSTANT)

function times(make: () => string): string {
  const tokens = new Array<string>(N)
  for (let i = 0; i < N; i++) tokens[i] = make()
  return tokens.join('\n')
}

const handlers: Record<string, () => string> = {
  '/constant': () => CONSTANT,
  '/tokenHex': () => secrets.tokenHex(32),
  '/randomBytes': () => crypto.randomBytes(32).toString('hex'),
  '/randomUUID': () => crypto.randomUUID(),
  '/nanoid': () => nanoid(),
  '/uuidv4': () => uuidv4(),
  // The floor of the 100-token set joins its array per response, as every other handler does.
  '/100/constant': () => CONSTANTS.join('\n'),
  '/100/tokenHexBatch': () => secrets.tokenHexBatch(N, 32).join('\n'),
  '/100/tokenHex': () => times(() => secrets.tokenHex(32)),
  '/100/nanoid': () => times(() => nanoid()),
  '/100/randomBytes': () => times(() => crypto.randomBytes(32).toString('hex')),
  '/100/randomBytesSliced': () => {
    const bytes = crypto.randomBytes(N * 32)
    const tokens = new Array<string>(N)
    for (let i = 0; i < N; i++) tokens[i] = bytes.toString('hex', i * 32, i * 32 + 32)
    return tokens.join('\n')
  },
  '/100/randomUUID': () => times(() => crypto.randomUUID()),
}

let served = 0
const server = http.createServer((req, res) => {
  const handler = handlers[req.url!]
  if (handler !== undefined) {
    served++
    res.end(handler())
    return
  }
  if (req.url === '/stats') {
    const cpu = process.cpuUsage()
    res.end(JSON.stringify({ served, cpu: cpu.user + cpu.system, wall: Number(process.hrtime.bigint() / 1000n), backend: secrets.backend }))
    return
  }
  res.statusCode = 404
  res.end()
})

server.listen(0, '127.0.0.1', () => {
  process.send!({ port: (server.address() as AddressInfo).port })
})
process.on('disconnect', () => process.exit(0))
