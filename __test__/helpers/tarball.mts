// The files of a gzipped tarball as `npm pack` writes it (ustar, with a pax header before any
// entry whose name does not fit), read without a `tar` command, which Windows may lack or
// (GNU tar from Git) may take a `C:` path for a remote host.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { gunzipSync } from 'node:zlib'

const BLOCK = 512

/** Each regular file's path (`package/...`) and contents, in the tarball's order. */
export function readTarball(path: string): Map<string, Buffer> {
  const tar = gunzipSync(readFileSync(path))
  const field = (header: Buffer, start: number, length: number) =>
    header.toString('utf8', start, start + length).replace(/\0.*$/s, '')
  const files = new Map<string, Buffer>()
  let paxPath: string | undefined
  for (let at = 0; at + BLOCK <= tar.length; ) {
    const header = tar.subarray(at, at + BLOCK)
    if (header.every((byte) => byte === 0)) break
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8)
    const type = String.fromCharCode(header[156] ?? 0)
    const data = tar.subarray(at + BLOCK, at + BLOCK + size)
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK
    if (type === 'x') {
      paxPath = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(data.toString('utf8'))?.[1]
      continue
    }
    const prefix = field(header, 345, 155)
    const name = paxPath ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100))
    paxPath = undefined
    if (type === '0' || type === '\0') files.set(name, Buffer.from(data))
  }
  return files
}

/** The tarball's files written under `dir`. */
export function extractTarball(path: string, dir: string): void {
  for (const [name, contents] of readTarball(path)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), contents)
  }
}
