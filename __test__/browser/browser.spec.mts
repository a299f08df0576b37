// The browser build in a real headless Chromium: esbuild bundles the package for
// `platform: 'browser'` with no configuration (so the exports map's `browser` condition must serve
// code that imports no Node.js built-in), and the page checks every export there.

import ava from 'ava'
import { build } from 'esbuild'
import { existsSync, readFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer, { type Browser, type Page } from 'puppeteer-core'

import * as node from 'napi-secrets'
import './globals.mjs'

type Secrets = typeof node

// Where people have a Chromium-based browser: CHROMIUM, else a command on PATH, else the usual
// install folders of macOS and Windows.
const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'msedge', 'chrome']
const programFiles = [process.env.PROGRAMFILES, process.env['PROGRAMFILES(X86)'], process.env.LOCALAPPDATA].filter((d) => d !== undefined)
const INSTALLED = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  ...programFiles.flatMap((d) => [join(d, 'Google', 'Chrome', 'Application', 'chrome.exe'), join(d, 'Microsoft', 'Edge', 'Application', 'msedge.exe'), join(d, 'Chromium', 'Application', 'chrome.exe')]),
]

function findBrowser(): string | undefined {
  if (process.env.CHROMIUM) return process.env.CHROMIUM
  const suffixes = process.platform === 'win32' ? ['.exe'] : ['']
  for (const name of COMMANDS) {
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      for (const suffix of suffixes) {
        const file = join(dir, name + suffix)
        if (existsSync(file)) return file
      }
    }
  }
  return INSTALLED.find((file) => existsSync(file))
}

// With no browser, the suite is skipped with one line saying how to run it, so that `npm test`
// passes on a machine without one; CI (which sets CI) installs one and requires it.
const executablePath = findBrowser()
if (executablePath === undefined) {
  const how = 'install Chromium, Chrome or Edge, or set CHROMIUM to a browser\'s path'
  if (process.env.CI) throw new Error(`the browser test needs a browser under CI: ${how}`)
  console.warn(`\n  SKIPPED: the browser test found no browser (${how} to run it).\n`)
}
const test = executablePath === undefined ? ava.skip : ava

let browser: Browser
let page: Page
let bundle: { text: string; inputs: string[]; imports: string[] }

ava.before(async () => {
  if (executablePath === undefined) return
  const result = await build({
    entryPoints: [fileURLToPath(new URL('page.mts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  bundle = {
    text: result.outputFiles[0].text,
    inputs: Object.keys(result.metafile.inputs),
    imports: Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((i) => i.path)),
  }
  browser = await puppeteer.launch({ executablePath, headless: true, args: ['--no-sandbox'] })
  page = await browser.newPage()
  page.on('pageerror', (error) => console.error('page error:', error))
  // The functions below run in the page as their source text, which the TypeScript loader has
  // compiled with esbuild's keepNames: give the page the helper those names call.
  await page.evaluateOnNewDocument('globalThis.__name = (target) => target')
  // Before any script of the page: count every draw from WebCrypto.
  await page.evaluateOnNewDocument(() => {
    globalThis.randomCalls = 0
    const original = Crypto.prototype.getRandomValues
    Crypto.prototype.getRandomValues = function <T extends ArrayBufferView | null>(this: Crypto, array: T): T {
      globalThis.randomCalls++
      return original.call(this, array as unknown as Uint8Array<ArrayBuffer>) as unknown as T
    }
  })
  // A cross-origin isolated page, served by the test itself, so SharedArrayBuffer exists there.
  // It also serves the README's chart, benchmark/chart.svg, at /chart.svg (same origin, so the
  // page's embedder policy lets it load).
  await page.setRequestInterception(true)
  const chart = readFileSync(new URL('../../benchmark/chart.svg', import.meta.url), 'utf8')
  page.on('request', (request) =>
    request.url().endsWith('/chart.svg')
      ? request.respond({ status: 200, contentType: 'image/svg+xml', body: chart })
      : request.respond({
          status: 200,
          contentType: 'text/html',
          headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
          body: '<!doctype html><title>napi-secrets</title>',
        }),
  )
  await page.goto('https://napi-secrets.test/')
  await page.addScriptTag({ content: bundle.text, type: 'module' })
  await page.waitForFunction(() => globalThis.secrets !== undefined)
})

ava.after.always(async () => {
  await browser?.close()
})

test('the bundle is the browser build: no Node.js built-in, no Buffer, no addon loader', (t) => {
  t.true(bundle.inputs.some((input) => input.includes('dist/browser/')), bundle.inputs.join('\n'))
  t.false(bundle.inputs.some((input) => /binding\.js|dist\/(?!browser\/)/.test(input)), bundle.inputs.join('\n'))
  t.deepEqual(bundle.imports, [], 'the bundle imports nothing from outside')
  // Error messages say "Buffer" as Node's do; code that uses one would call it.
  t.false(/\bnode:|\brequire\(|\bBuffer\.|\bprocess\./.test(bundle.text))
})

test('nothing is drawn while the module loads, and the first token draws', async (t) => {
  t.is(await page.evaluate(() => globalThis.drawsAtLoad), 0)
  const after = await page.evaluate(() => {
    globalThis.secrets.tokenHex()
    return globalThis.randomCalls
  })
  t.true(after > 0)
})

test('every export is there, the same as under Node.js, with the js backend', async (t) => {
  const names = await page.evaluate(() => ({
    named: Object.keys(globalThis.secrets)
      .filter((key) => key !== 'default')
      .sort(),
    fromDefault: Object.keys(globalThis.secretsDefault).sort(),
    backend: globalThis.secrets.backend,
    sameObjects: Object.keys(globalThis.secretsDefault).every(
      (key) => (globalThis.secrets as Record<string, unknown>)[key] === (globalThis.secretsDefault as Record<string, unknown>)[key],
    ),
    hasBuffer: 'Buffer' in globalThis,
  }))
  const expected = Object.keys(node).filter((key) => key !== 'default').sort()
  t.deepEqual(names.named, expected)
  t.deepEqual(names.fromDefault, expected)
  t.true(names.sameObjects)
  t.is(names.backend, 'js')
  t.false(names.hasBuffer)
})

test('bytes are Uint8Arrays, and requests over 65536 bytes work', async (t) => {
  const r = await page.evaluate(() => {
    const s: Secrets = globalThis.secrets
    const kind = (value: unknown) => Object.prototype.toString.call(value)
    const big = s.tokenBytes(200_001)
    const filled = s.fillRandom(new Uint8Array(300_000))
    const rng = new s.SystemRandom()
    return {
      small: kind(s.tokenBytes(16)),
      smallLength: s.tokenBytes(16).length,
      bigKind: kind(big),
      bigLength: big.length,
      // Every 65536-byte chunk was filled: all zeros in one has probability 2**-(8 * 65536).
      chunksFilled: [0, 1, 2, 3].map((i) => big.subarray(i * 65536, (i + 1) * 65536).some((b) => b !== 0)),
      filledTail: filled.subarray(262_144).some((b) => b !== 0),
      shared: s.fillRandom(new Uint8Array(new SharedArrayBuffer(70_000))).some((b) => b !== 0),
      randbytes: kind(rng.randbytes(100_000)),
      hex: s.tokenHex(100_000).length,
      url: s.tokenUrlsafe(100_000).length,
      bits: s.randbits(1_000_000) < 2n ** 1_000_000n,
      below: typeof s.randbelow(10n ** 40n),
      batch: s.tokenHexBatch(3, 70_000).map((token) => token.length),
    }
  })
  t.deepEqual(r, {
    small: '[object Uint8Array]',
    smallLength: 16,
    bigKind: '[object Uint8Array]',
    bigLength: 200_001,
    chunksFilled: [true, true, true, true],
    filledTail: true,
    shared: true,
    randbytes: '[object Uint8Array]',
    hex: 200_000,
    url: 133_334,
    bits: true,
    below: 'bigint',
    batch: [140_000, 140_000, 140_000],
  })
})

test('the async functions yield to the event loop between slices', async (t) => {
  const r = await page.evaluate(async () => {
    const s: Secrets = globalThis.secrets
    // Counts event-loop turns while the Promise is pending: a single synchronous fill would
    // leave no turn for the message round trips.
    let turns = 0
    let pending = true
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      turns++
      if (pending) channel.port2.postMessage(null)
    }
    channel.port2.postMessage(null)
    const bytes = await s.tokenBytesAsync(8 * 2 ** 20 + 5)
    const view = await s.fillRandomAsync(new Uint32Array(3 * 2 ** 18))
    pending = false
    channel.port1.close()
    return {
      kind: Object.prototype.toString.call(bytes),
      length: bytes.length,
      viewLength: view.length,
      viewFilled: view.some((w) => w !== 0),
      turns,
      rejected: await s.tokenBytesAsync(-1).then(
        () => 'resolved',
        (error: { code?: string }) => error.code,
      ),
    }
  })
  t.is(r.kind, '[object Uint8Array]')
  t.is(r.length, 8 * 2 ** 20 + 5)
  t.is(r.viewLength, 3 * 2 ** 18)
  t.true(r.viewFilled)
  t.true(r.turns >= 9, `${r.turns} event-loop turns while 12 slices were made`)
  t.is(r.rejected, 'ERR_OUT_OF_RANGE')
})

test('errors carry Node\'s classes and codes', async (t) => {
  const r = await page.evaluate(() => {
    const s: Secrets = globalThis.secrets
    const outcome = (f: () => unknown) => {
      try {
        f()
        return 'no error'
      } catch (error) {
        const e = error as Error & { code?: string }
        return `${e.constructor.name} ${e.code}`
      }
    }
    const rng = new s.SystemRandom()
    const loose = s as unknown as Record<string, (...args: unknown[]) => unknown>
    const looseRng = rng as unknown as Record<string, (...args: unknown[]) => unknown>
    return [
      outcome(() => loose.tokenHex('32')),
      outcome(() => s.tokenHex(-1)),
      outcome(() => s.tokenBytes(2 ** 40)),
      outcome(() => s.randbelow(0)),
      outcome(() => s.randbelow(2 ** 60)),
      outcome(() => s.choice('')),
      outcome(() => loose.compareDigest('a', new Uint8Array(1))),
      outcome(() => looseRng.choices(['a'], { weight: [1] })),
      outcome(() => rng.getstate()),
    ]
  })
  t.deepEqual(r, [
    'TypeError ERR_INVALID_ARG_TYPE',
    'RangeError ERR_OUT_OF_RANGE',
    'RangeError ERR_OUT_OF_RANGE',
    'RangeError ERR_OUT_OF_RANGE',
    'RangeError ERR_OUT_OF_RANGE',
    'RangeError ERR_OUT_OF_RANGE',
    'TypeError ERR_INVALID_ARG_TYPE',
    'TypeError ERR_INVALID_ARG_VALUE',
    'Error ERR_METHOD_NOT_IMPLEMENTED',
  ])
})

test('every function works in the page', async (t) => {
  const r = await page.evaluate(() => {
    const s: Secrets = globalThis.secrets
    const rng = new s.SystemRandom()
    const key = s.tokenBytes(32)
    return {
      entropy: s.DEFAULT_ENTROPY,
      hex: /^[0-9a-f]{64}$/.test(s.tokenHex()),
      url: /^[\w-]{43}$/.test(s.tokenUrlsafe()),
      aliases: s.token_hex === s.tokenHex && s.token_bytes === s.tokenBytes && s.token_urlsafe === s.tokenUrlsafe && s.compare_digest === s.compareDigest,
      below: s.randbelow(6) < 6,
      bits: s.randbits(0) === 0n,
      choice: ['a', '😀'].includes(s.choice('a😀')),
      equal: s.compareDigest(key, key.slice()) && !s.compareDigest('ab', 'ac') && !s.compareDigest('a', 'ab'),
      urlBatch: s.tokenUrlsafeBatch(2).map((token) => token.length),
      random: rng.random() < 1,
      randint: rng.randint(1n, 6n) <= 6n,
      sample: rng.sample('abcdef', 3).length,
      choices: rng.choices([1, 2], { weights: [0, 1], k: 3 }),
      gauss: Number.isFinite(rng.gauss(0, 1)),
      instance: rng instanceof s.SystemRandom,
      // A policy rarely met: the exact method, over bigints, draws it.
      password: s.password({ length: 8, minDigits: 6 }).replace(/[^0-9]/g, '').length >= 6,
      passphrase: s.passphrase({ words: 3 }).split(' ').length,
    }
  })
  t.deepEqual(r, {
    entropy: 32,
    hex: true,
    url: true,
    aliases: true,
    below: true,
    bits: true,
    choice: true,
    equal: true,
    urlBatch: [43, 43],
    random: true,
    randint: true,
    sample: 3,
    choices: [2, 2, 2],
    gauss: true,
    instance: true,
    password: true,
    passphrase: 3,
  })
})

// The README shows benchmark/chart.svg as an image: it must decode as one (a malformed SVG shows
// as a broken image, with naturalWidth 0), say what it is to screen readers, and, read into the
// page's DOM, have a bar of non-zero width for each alternative, longer for slower ones.
test('the README\'s chart renders, with its bars', async (t) => {
  const r = await page.evaluate(async () => {
    const img = new Image()
    img.src = '/chart.svg'
    await img.decode()
    const text = await (await fetch('/chart.svg')).text()
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml')
    const host = document.createElement('div')
    host.append(document.importNode(doc.documentElement, true))
    document.body.append(host)
    const svg = host.querySelector('svg')!
    const rows = Array.from(svg.querySelectorAll<SVGGElement>('g.row'), (g) => ({
      label: g.dataset.label ?? '',
      ns: Number(g.dataset.ns),
      width: g.querySelector<SVGRectElement>('rect.bar')?.getBBox().width ?? 0,
      text: g.querySelector('text.value')?.textContent ?? '',
    }))
    const result = {
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      parseError: doc.querySelector('parsererror') !== null,
      role: svg.getAttribute('role'),
      title: svg.querySelector(':scope > title')?.textContent ?? '',
      rows,
    }
    host.remove()
    return result
  })
  t.true(r.naturalWidth > 0 && r.naturalHeight > 0, 'the chart does not decode as an image')
  t.false(r.parseError)
  t.is(r.role, 'img')
  t.regex(r.title, /token/)
  const labels = r.rows.map((row) => row.label).join('\n')
  for (const name of ['napi-secrets tokenHex(32)', 'nanoid()', 'crypto.randomUUID()', 'randomBytes(32)', 'pooled']) t.true(labels.includes(name), `no bar for ${name}:\n${labels}`)
  for (const row of r.rows) {
    t.true(row.width > 0 && Number.isFinite(row.ns) && row.ns > 0, `${row.label}: width ${row.width}, ${row.ns} ns`)
    t.regex(row.text, /\d/, `${row.label} has no figure`)
  }
  for (const a of r.rows) for (const b of r.rows) if (a.ns < b.ns) t.true(a.width <= b.width, `${a.label} (${a.ns} ns) is drawn longer than ${b.label} (${b.ns} ns)`)
})
