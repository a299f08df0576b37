// `npm run bench -- --browser`: the browser build in headless Chromium (CHROMIUM, else
// `chromium` or `google-chrome` on PATH), bundled by esbuild as an application would bundle it,
// against the pooled design for browsers (browser-page.mts). Wall-clock ratios only.

import { build } from 'esbuild'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import puppeteer from 'puppeteer-core'

const ns = (x: number): string => `${x.toFixed(1)} ns`

function findBrowser(): string {
  if (process.env.CHROMIUM) return process.env.CHROMIUM
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
      if (existsSync(join(dir, name))) return join(dir, name)
    }
  }
  throw new Error('--browser needs Chromium or Chrome: put it on PATH or set CHROMIUM to its path')
}

/** The table of the browser races, and the browser's name. */
export async function browserReport(rounds: number, ms: number): Promise<string[]> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('browser-page.mts', import.meta.url))],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  })
  const browser = await puppeteer.launch({ executablePath: findBrowser(), headless: true, args: ['--no-sandbox'] })
  try {
    const page = await browser.newPage()
    await page.addScriptTag({ content: result.outputFiles[0].text, type: 'module' })
    await page.waitForFunction('typeof globalThis.race === "function"')
    const races = (await page.evaluate(`globalThis.race(${rounds}, ${ms})`)) as { op: string; baseline: string; a: number; b: number; ratio: number }[]
    const lines = [
      `Browser: ${await browser.version()}, headless; the \`js\` backend's browser build (no Buffer), bundled by esbuild.`,
      '',
      '| operation | napi-secrets | baseline | baseline time | ratio (wall) | target | |',
      '|---|---:|---|---:|---:|---:|---|',
    ]
    for (const { op, baseline, a, b, ratio } of races) {
      lines.push(`| \`${op}\` | ${ns(a)} | ${baseline} | ${ns(b)} | ${ratio.toFixed(2)} | <= 1 | ${ratio <= 1 ? 'met' : 'missed'} |`)
      console.error(lines.at(-1))
    }
    return lines
  } finally {
    await browser.close()
  }
}
