import { describe, expect, it } from 'vitest'
import { devServerPolicy, policyFor, productionPolicy } from '../../../../src/main/app/windows/content-security-policy'

const directive = (policy: string, name: string): string =>
  policy
    .split(';')
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `)) ?? ''

describe('the content security policy', () => {
  it('lets production pages run only their own scripts', () => {
    const policy = policyFor('file:///opt/Hark/resources/app.asar/out/renderer/index.html', undefined)
    expect(policy).toBe(productionPolicy)
    expect(directive(policy, 'script-src')).toBe("script-src 'self'")
    expect(policy).not.toContain('unsafe-eval')
  })

  it("lets the dev server's pages run React Refresh's inline preamble and reach the HMR socket", () => {
    const policy = policyFor('http://localhost:5173/index.html', 'http://localhost:5173')
    expect(directive(policy, 'script-src')).toContain("'unsafe-inline'")
    expect(directive(policy, 'connect-src')).toContain('ws://localhost:5173')
  })

  it('keeps the production policy for everything not served by the dev server, even in dev', () => {
    expect(policyFor('file:///repo/out/renderer/index.html', 'http://localhost:5173')).toBe(productionPolicy)
    expect(policyFor('http://localhost:5174/index.html', 'http://localhost:5173')).toBe(productionPolicy)
    expect(policyFor('https://evil.example/index.html', 'http://localhost:5173')).toBe(productionPolicy)
    expect(policyFor('not a url', 'http://localhost:5173')).toBe(productionPolicy)
  })

  it('never allows inline scripts or styles in production', () => {
    expect(directive(productionPolicy, 'script-src')).not.toContain('unsafe-inline')
    expect(directive(productionPolicy, 'style-src')).toBe("style-src 'self'")
    expect(devServerPolicy('http://127.0.0.1:5173')).toContain('ws://127.0.0.1:5173')
  })
})
