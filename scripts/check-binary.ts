// That a platform package's addon is a binary of that platform's kind, read from its headers:
// a glibc build shipped as the musl package (or an x64 one as arm64) installs without a word and
// fails only when loaded on the user's machine. Linux: the ELF class, machine, and the C library
// named by the DT_NEEDED entries and the interpreter (musl: libc.so, ld-musl-*; glibc:
// libc.so.6, ld-linux-*); macOS: a 64-bit Mach-O of the CPU; Windows: a PE of the machine.
//
// `tsx scripts/check-binary.ts <platform> <file>` checks one file; `tsx scripts/check-binary.ts
// npm` checks napi-secrets.<platform>.node in each of npm/<platform>/, all of which must be there
// (release.yml runs it before it publishes them). Exits non-zero on the first mismatch.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface Kind {
  format: 'elf' | 'mach-o' | 'pe'
  bits: 32 | 64
  cpu: string
  /** Linux only: the C library the binary is linked against, or undefined where it names none. */
  libc?: 'gnu' | 'musl'
}

const ELF_MACHINES: Record<number, string> = { 3: 'ia32', 40: 'arm', 62: 'x64', 183: 'arm64', 243: 'riscv64', 258: 'loong64' }
const MACHO_CPUS: Record<number, string> = { 0x01000007: 'x64', 0x0100000c: 'arm64' }
const PE_MACHINES: Record<number, string> = { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' }

const PT_LOAD = 1
const PT_DYNAMIC = 2
const PT_INTERP = 3
const DT_NULL = 0n
const DT_NEEDED = 1n
const DT_STRTAB = 5n

/** The C library an interpreter or needed library belongs to, if it is one. */
function libcOf(name: string): 'gnu' | 'musl' | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1)
  if (base === 'libc.so' || base.startsWith('ld-musl-') || base.startsWith('libc.musl-')) return 'musl'
  if (base === 'libc.so.6' || base.startsWith('ld-linux')) return 'gnu'
  return undefined
}

/** An ELF file's class, machine and C library, from its program headers and dynamic section. */
function elf(file: Buffer): Kind {
  if (file[5] !== 1) throw new Error('a big-endian ELF file')
  const bits = file[4] === 2 ? 64 : 32
  const wide = bits === 64
  const half = (at: number) => file.readUInt16LE(at)
  const word = (at: number) => (wide ? file.readBigUInt64LE(at) : BigInt(file.readUInt32LE(at)))
  const cpu = ELF_MACHINES[half(18)] ?? `e_machine ${half(18)}`
  const phoff = Number(word(wide ? 0x20 : 0x1c))
  const phentsize = half(wide ? 0x36 : 0x2a)
  const phnum = half(wide ? 0x38 : 0x2c)
  const segments = Array.from({ length: phnum }, (_, i) => {
    const at = phoff + i * phentsize
    // Elf64_Phdr: type, flags, offset, vaddr, paddr, filesz; Elf32_Phdr: type, offset, vaddr, paddr, filesz.
    return wide
      ? { type: file.readUInt32LE(at), offset: Number(word(at + 8)), vaddr: word(at + 16), size: Number(word(at + 32)) }
      : { type: file.readUInt32LE(at), offset: Number(word(at + 4)), vaddr: word(at + 8), size: Number(word(at + 16)) }
  })
  const names: string[] = []
  const cstring = (at: number) => file.toString('latin1', at, file.indexOf(0, at))
  for (const interp of segments.filter((s) => s.type === PT_INTERP)) names.push(cstring(interp.offset))
  const dynamic = segments.find((s) => s.type === PT_DYNAMIC)
  if (dynamic !== undefined) {
    const entry = wide ? 16 : 8
    const tags: [bigint, bigint][] = []
    for (let at = dynamic.offset; at + entry <= dynamic.offset + dynamic.size; at += entry) {
      const tag = word(at)
      if (tag === DT_NULL) break
      tags.push([tag, word(at + entry / 2)])
    }
    // DT_STRTAB is an address: the file offset is found through the PT_LOAD that maps it.
    const strtab = tags.find(([tag]) => tag === DT_STRTAB)?.[1]
    const load = segments.find((s) => s.type === PT_LOAD && strtab !== undefined && strtab >= s.vaddr && strtab < s.vaddr + BigInt(s.size))
    if (strtab !== undefined && load !== undefined) {
      const base = load.offset + Number(strtab - load.vaddr)
      for (const [tag, value] of tags) if (tag === DT_NEEDED) names.push(cstring(base + Number(value)))
    }
  }
  const libcs = new Set(names.map(libcOf).filter((libc) => libc !== undefined))
  if (libcs.size > 1) throw new Error(`links both C libraries: ${names.join(', ')}`)
  const [libc] = libcs
  return libc === undefined ? { format: 'elf', bits, cpu } : { format: 'elf', bits, cpu, libc }
}

/** What kind of binary `file` holds. */
export function kind(file: Buffer): Kind {
  if (file.length >= 64 && file.readUInt32BE(0) === 0x7f454c46) return elf(file)
  if (file.length >= 8 && file.readUInt32LE(0) === 0xfeedfacf) {
    const type = file.readUInt32LE(4)
    return { format: 'mach-o', bits: 64, cpu: MACHO_CPUS[type] ?? `cputype ${type.toString(16)}` }
  }
  if (file.length >= 64 && file.toString('latin1', 0, 2) === 'MZ') {
    const pe = file.readUInt32LE(0x3c)
    if (file.length >= pe + 6 && file.readUInt32BE(pe) === 0x50450000) {
      const machine = file.readUInt16LE(pe + 4)
      return { format: 'pe', bits: machine === 0x14c ? 32 : 64, cpu: PE_MACHINES[machine] ?? `machine ${machine.toString(16)}` }
    }
  }
  throw new Error('not an ELF, Mach-O or PE binary')
}

/** The kind a platform's addon must be, from napi-rs's name for the platform. */
export function expected(platform: string): Kind {
  const [os, cpu = '', abi] = platform.split('-')
  const bits = cpu === 'ia32' || cpu === 'arm' ? 32 : 64
  if (os === 'linux') {
    if (abi !== 'gnu' && abi !== 'musl') throw new Error(`${platform}: no C library named`)
    return { format: 'elf', bits, cpu, libc: abi }
  }
  if (os === 'darwin') return { format: 'mach-o', bits, cpu }
  if (os === 'win32') return { format: 'pe', bits, cpu }
  throw new Error(`${platform}: an unknown platform`)
}

const describe = (k: Kind) => `${k.format} ${k.bits}-bit ${k.cpu}${k.format === 'elf' ? ` ${k.libc ?? 'with no C library'}` : ''}`

/** Throws unless `path` holds an addon for `platform`. */
export function checkBinary(platform: string, path: string): void {
  let found: Kind
  try {
    found = kind(readFileSync(path))
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}, where ${platform} needs ${describe(expected(platform))}`)
  }
  const want = expected(platform)
  if (describe(found) !== describe(want)) throw new Error(`${path} is ${describe(found)}, where ${platform} needs ${describe(want)}`)
}

if (require.main === module) {
  const [first, file] = process.argv.slice(2)
  try {
    if (first === 'npm' && file === undefined) {
      const npm = join(__dirname, '..', 'npm')
      for (const platform of readdirSync(npm)) {
        const path = join(npm, platform, `napi-secrets.${platform}.node`)
        if (!existsSync(path)) throw new Error(`${path} is missing`)
        checkBinary(platform, path)
        console.log(`${platform}: ${describe(expected(platform))}`)
      }
    } else if (first !== undefined && file !== undefined) {
      checkBinary(first, file)
      console.log(`${file}: ${describe(expected(first))}`)
    } else {
      throw new Error('usage: check-binary.ts <platform> <file> | check-binary.ts npm')
    }
  } catch (error) {
    console.error((error as Error).message)
    process.exit(1)
  }
}
