// Writes a benchmark's report into benchmark/README.md, between `<!-- marker:start -->` and
// `<!-- marker:end -->`, for the benchmarks' `--readme` option.

import { readFileSync, writeFileSync } from 'node:fs'

export function writeReadme(marker: string, report: string): void {
  const readme = new URL('./README.md', import.meta.url)
  const text = readFileSync(readme, 'utf8')
  const start = `<!-- ${marker}:start -->`
  const end = `<!-- ${marker}:end -->`
  if (!text.includes(start) || !text.includes(end)) throw new Error(`benchmark/README.md has no ${start} ... ${end} section`)
  const before = text.slice(0, text.indexOf(start) + start.length)
  const after = text.slice(text.indexOf(end))
  writeFileSync(readme, `${before}\n${report}\n${after}`)
}
