// Writing to stdout: waiting when the pipe is full, and stopping quietly once its reader has gone
// (`| head -1`), whether that shows as EPIPE or, on Windows, as EOF.

// Set when the reader of stdout has gone. process.stdout cannot be destroyed (its `destroy`
// does nothing and `destroyed` stays false), so the writers watch this instead.
let readerGone = false

/** Watches stdout for its reader going; other write errors go to `fail`. */
export function watchStdout(fail: (error: unknown) => void): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'EOF' && !readerGone) fail(error)
    readerGone = true
  })
}

/** Writes `text`, waiting when the pipe is full; false once the reader has gone. */
export async function write(text: string | Uint8Array): Promise<boolean> {
  if (readerGone) return false
  const out = process.stdout
  if (out.write(text)) {
    // Writes to a pipe or file are synchronous and may succeed without end: yield to the event
    // loop, or the error of a reader gone away (`| head -c 10`) never arrives and output never ends.
    await new Promise<void>((resolve) => setImmediate(resolve))
  } else {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('drain', done)
        out.off('close', done)
        resolve()
      }
      out.on('drain', done)
      out.on('close', done)
    })
  }
  return !readerGone
}

/**
 * `count` lines of up to `width` characters, made by `make(n)` about a megabyte at a time: one
 * line a write when a line is that long, and its newline written apart, so a line of the longest
 * string never makes a longer one.
 */
export async function lines(count: number, width: number, make: (n: number) => string[]): Promise<void> {
  const per = Math.max(1, Math.floor(2 ** 20 / Math.max(width, 1)))
  for (let done = 0; done < count; ) {
    const n = Math.min(per, count - done)
    if (!(await write(make(n).join('\n'))) || !(await write('\n'))) return
    done += n
  }
}

export const repeat = (make: () => string) => (n: number) => Array.from({ length: n }, make)
