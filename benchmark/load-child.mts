// The load of `npm run bench:server` (server.mts starts it, pinned to the core the servers do not
// use): autocannon on the URL each message names, until the next message asks it to stop; then
// autocannon's count of errors, timeouts and non-2xx responses goes back as a message. Stopped
// by its parent rather than by a duration, it cannot end before a window does on a busy machine.
// It ends with its parent.

import { createRequire } from 'node:module'

interface Result {
  errors: number
  timeouts: number
  non2xx: number
}
type Autocannon = (options: object, done: (error: Error | null, result: Result) => void) => { stop(): void }
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

let load: { stop(): void } | undefined
process.on('message', (message: { url: string; connections: number } | 'stop') => {
  if (message === 'stop') return load?.stop()
  // The duration only bounds a load nobody stops; autocannon checks for a stop every sampleInt ms.
  load = autocannon({ url: message.url, connections: message.connections, duration: 600, sampleInt: 50 }, (error, result) => {
    process.send!(error === null ? { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx } : { error: error.message })
  })
})
process.on('disconnect', () => process.exit(0))
process.send!('ready')
