import { build } from 'esbuild'
import fc from 'fast-check'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type Page } from 'playwright-core'
import { startChromium, type RunningChromium } from './harness/chromium-process'
import { createSegmenter } from '../../src/main/engine/segmenter/sentence-stream'
import { repoRoot } from '../support/harness-app'

/**
 * The exact highlight, as a property: for generated markdown answers
 * (headings, paragraphs, lists, emphasis, links, inline code), the text the
 * highlighter marks in the rendered DOM is exactly each utterance's text, as
 * the segmenter cut it for the voice. Runs the renderer's own markdown and
 * highlight code in a real Chromium page.
 */

let browserProcess: RunningChromium
let browser: Browser
let page: Page

beforeAll(async () => {
  const bundle = await build({
    entryPoints: [join(repoRoot, 'test/support/highlight-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser'
  })
  browserProcess = await startChromium()
  browser = await chromium.connectOverCDP(browserProcess.endpoint)
  page = await browser.contexts()[0]!.newPage()
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text })
})
afterAll(async () => {
  await browser?.close().catch(() => {})
  browserProcess?.stop()
})

const word = fc.constantFrom('river', 'town', 'boats', 'market', 'bread', 'cliffs', 'ferry', 'storm', 'quay', 'light')
const plain = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '))
const inline = fc.oneof(
  { weight: 4, arbitrary: plain },
  plain.map((t) => `**${t}**`),
  plain.map((t) => `_${t}_`),
  plain.map((t) => `\`${t}\``),
  fc.tuple(plain, fc.constantFrom('https://example.com/a.b', 'http://x.org/p?q=1')).map(([t, u]) => `[${t}](${u})`)
)
const sentence = fc
  .tuple(fc.array(inline, { minLength: 1, maxLength: 4 }), fc.constantFrom('.', '!', '?'))
  .map(([parts, end]) => {
    const s = parts.join(' ')
    return s.charAt(0).toUpperCase() + s.slice(1) + end
  })
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' '))
const block = fc.oneof(
  { weight: 3, arbitrary: paragraph },
  fc.tuple(fc.integer({ min: 1, max: 3 }), plain).map(([d, t]) => `${'#'.repeat(d)} ${t}`),
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.array(sentence, { minLength: 1, maxLength: 4 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n'))
)
const answer = fc.array(block, { minLength: 1, maxLength: 6 }).map((b) => b.join('\n\n'))

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()

describe('the spoken-sentence highlight', () => {
  it('marks exactly the utterance text for every utterance of a generated answer', async () => {
    await fc.assert(
      fc.asyncProperty(answer, async (markdown) => {
        const segmenter = createSegmenter({ firstFragment: false })
        const utterances = [...segmenter.push(markdown), ...segmenter.flush()]
        const marked = await page.evaluate(
          ({ md, ranges }) =>
            (window as unknown as { highlighted: (m: string, r: unknown) => string[] }).highlighted(md, ranges),
          { md: markdown, ranges: utterances.map((u) => u.range) }
        )
        expect(marked.map(squash)).toEqual(utterances.map((u) => squash(u.text)))
      }),
      { numRuns: 150 }
    )
  })
})
