import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { policyFor, productionPolicy } from '../../src/main/app/windows/content-security-policy'
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

  test("the main process's CSP header for Hark's pages has no 'unsafe-inline'", () => {
    // The built main bundle carries the production policy as written; only the dev server's
    // pages (npm run dev) get the inline exception, which content-security-policy.test.ts pins.
    const main = readdirSync(join(out, 'main'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(out, 'main', f), 'utf8'))
      .join('\n')
    for (const directive of productionPolicy.split('; ')) expect(main).toContain(directive)
    expect(productionPolicy).toContain("style-src 'self'")
    expect(productionPolicy).not.toContain('unsafe-inline')
    expect(policyFor('file:///app/out/renderer/index.html', undefined)).toBe(productionPolicy)
  })
})
