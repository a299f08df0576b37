// scripts/check-binary.ts, which stops a platform package that holds another platform's binary
// (a glibc build as the musl package above all) from being packed or published. Synthetic
// headers here, so the spec runs on every CI platform, and the addons built in this checkout.

import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import { checkBinary, kind } from '../scripts/check-binary.js'
import test from './helpers/test.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * A 64-bit little-endian ELF shared object, headers only: PT_INTERP (where `interp` is given),
 * PT_DYNAMIC with a DT_NEEDED per name, and the PT_LOAD that maps its string table, which
 * starts at address 0x10000 so that file offsets and addresses differ, as in a real file.
 */
function elf(machine: number, needed: string[], interp?: string): Buffer {
  const strings = Buffer.from(`\0${needed.join('\0')}\0${interp ?? ''}\0`, 'latin1')
  const phoff = 64
  const phnum = 3
  const dynamic = phoff + phnum * 56
  const entries = needed.length + 2
  const strtab = dynamic + entries * 16
  const file = Buffer.alloc(strtab + strings.length)
  file.writeUInt32BE(0x7f454c46, 0)
  file[4] = 2 // ELFCLASS64
  file[5] = 1 // little-endian
  file[6] = 1
  file.writeUInt16LE(3, 16) // ET_DYN
  file.writeUInt16LE(machine, 18)
  file.writeBigUInt64LE(BigInt(phoff), 0x20)
  file.writeUInt16LE(56, 0x36)
  file.writeUInt16LE(phnum, 0x38)
  const segment = (i: number, type: number, offset: number, vaddr: number, size: number) => {
    const at = phoff + i * 56
    file.writeUInt32LE(type, at)
    file.writeBigUInt64LE(BigInt(offset), at + 8)
    file.writeBigUInt64LE(BigInt(vaddr), at + 16)
    file.writeBigUInt64LE(BigInt(size), at + 32)
  }
  const address = 0x10000
  segment(0, 1, 0, address, file.length) // PT_LOAD: the whole file at `address`
  segment(1, 2, dynamic, address + dynamic, entries * 16) // PT_DYNAMIC
  if (interp === undefined) segment(2, 6, phoff, address + phoff, phnum * 56) // PT_PHDR
  else segment(2, 3, strtab + strings.length - interp.length - 1, 0, interp.length + 1) // PT_INTERP
  let at = dynamic
  let name = 1
  for (const library of needed) {
    file.writeBigUInt64LE(1n, at) // DT_NEEDED
    file.writeBigUInt64LE(BigInt(name), at + 8)
    name += library.length + 1
    at += 16
  }
  file.writeBigUInt64LE(5n, at) // DT_STRTAB
  file.writeBigUInt64LE(BigInt(address + strtab), at + 8)
  strings.copy(file, strtab)
  return file
}

const X64 = 62
const ARM64 = 183
const gnuX64 = elf(X64, ['libgcc_s.so.1', 'libc.so.6'], '/lib64/ld-linux-x86-64.so.2')
const muslArm64 = elf(ARM64, ['libgcc_s.so.1', 'libc.so'])

/** `tsx scripts/check-binary.ts platform file`, with `bytes` as the file. */
function cli(platform: string, bytes: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-check-'))
  try {
    const file = join(dir, `napi-secrets.${platform}.node`)
    writeFileSync(file, bytes)
    return spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'check-binary.ts'), platform, file], { encoding: 'utf8' })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test('ELF: class, machine, and the C library from DT_NEEDED and the interpreter', (t) => {
  t.deepEqual(kind(gnuX64), { format: 'elf', bits: 64, cpu: 'x64', libc: 'gnu' })
  t.deepEqual(kind(muslArm64), { format: 'elf', bits: 64, cpu: 'arm64', libc: 'musl' })
  t.deepEqual(kind(elf(X64, ['libc.musl-x86_64.so.1'], '/lib/ld-musl-x86_64.so.1')).libc, 'musl')
  t.deepEqual(kind(elf(X64, [], '/lib/ld-musl-x86_64.so.1')).libc, 'musl')
  t.is(kind(elf(X64, ['libm.so.6'])).libc, undefined)
  t.throws(() => kind(elf(X64, ['libc.so', 'libc.so.6'])), { message: /both C libraries/ })
})

test('a glibc binary planted in the musl package fails the check, and the command exits 1', (t) => {
  t.notThrows(() => {
    const dir = mkdtempSync(join(tmpdir(), 'napi-secrets-check-'))
    try {
      writeFileSync(join(dir, 'a.node'), gnuX64)
      checkBinary('linux-x64-gnu', join(dir, 'a.node'))
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
  const planted = cli('linux-x64-musl', gnuX64)
  t.is(planted.status, 1, planted.stderr)
  t.regex(planted.stderr, /is elf 64-bit x64 gnu, where linux-x64-musl needs elf 64-bit x64 musl/)
  t.is(cli('linux-x64-gnu', gnuX64).status, 0)
})

test('a binary of another machine or with no C library fails, as does a file that is no binary', (t) => {
  t.is(cli('linux-arm64-musl', muslArm64).status, 0)
  t.regex(cli('linux-x64-musl', muslArm64).stderr, /is elf 64-bit arm64 musl, where linux-x64-musl needs elf 64-bit x64 musl/)
  t.regex(cli('linux-arm64-gnu', muslArm64).stderr, /where linux-arm64-gnu needs elf 64-bit arm64 gnu/)
  t.regex(cli('linux-x64-gnu', elf(X64, ['libm.so.6'])).stderr, /is elf 64-bit x64 with no C library/)
  t.regex(cli('linux-x64-gnu', Buffer.from('PLACEHOLDER\n'.repeat(8))).stderr, /not an ELF, Mach-O or PE binary/)
})

test('Mach-O and PE: the CPU', (t) => {
  const macho = (cputype: number) => Buffer.from(new Uint32Array([0xfeedfacf, cputype, 0, 6]).buffer)
  t.is(cli('darwin-arm64', macho(0x0100000c)).status, 0)
  t.regex(cli('darwin-x64', macho(0x0100000c)).stderr, /is mach-o 64-bit arm64, where darwin-x64 needs mach-o 64-bit x64/)
  const pe = (machine: number) => {
    const file = Buffer.alloc(0x86)
    file.write('MZ', 0, 'latin1')
    file.writeUInt32LE(0x80, 0x3c)
    file.write('PE\0\0', 0x80, 'latin1')
    file.writeUInt16LE(machine, 0x84)
    return file
  }
  t.is(cli('win32-x64-msvc', pe(0x8664)).status, 0)
  t.regex(cli('win32-arm64-msvc', pe(0x8664)).stderr, /is pe 64-bit x64, where win32-arm64-msvc needs pe 64-bit arm64/)
})

test('each addon built in this checkout is of the platform its name says, and no other', (t) => {
  const built = readdirSync(root).filter((f) => /^napi-secrets\..+\.node$/.test(f))
  t.true(built.length > 0, 'no addon is built: run `npm run build`')
  for (const file of built) {
    const platform = file.slice('napi-secrets.'.length, -'.node'.length)
    t.notThrows(() => checkBinary(platform, join(root, file)), file)
    if (!platform.startsWith('linux-')) continue
    const other = platform.endsWith('-gnu') ? platform.replace(/-gnu$/, '-musl') : platform.replace(/-musl$/, '-gnu')
    t.throws(() => checkBinary(other, join(root, file)), { message: new RegExp(`where ${other} needs`) }, `${file} as ${other}`)
  }
})
