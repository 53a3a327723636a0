import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { repoRoot } from '../support/harness-app'

/**
 * The built app's CSP, in every page's meta tag and in the header the main
 * process sets: no 'unsafe-inline' anywhere, so an answer's HTML can neither
 * run script nor style itself.
 */

const out = join(repoRoot, 'out')

describe('the built content security policy', () => {
  test("every built page has a CSP meta tag without 'unsafe-inline'", () => {
    const pages = readdirSync(join(out, 'renderer')).filter((f) => f.endsWith('.html'))
    expect(pages.sort()).toEqual(['index.html', 'indicator.html', 'quick.html'])
    for (const page of pages) {
      const html = readFileSync(join(out, 'renderer', page), 'utf8')
      const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
      expect(csp, page).toMatch(/style-src 'self'(;|$)/)
      expect(html, page).not.toContain('unsafe-inline')
      expect(html, page).not.toMatch(/<style|style="/)
    }
  })

  test("the main process's CSP header has no 'unsafe-inline'", () => {
    const main = readdirSync(join(out, 'main'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, 'main', f), 'utf8'))
      .join('\n')
    expect(main).toContain("style-src 'self'")
    expect(main).not.toContain('unsafe-inline')
  })
})
