import { describe, expect, it } from 'vitest'
import { isOpenFence, LIMITS } from '../../../../src/renderer/src/shared/markdown/markdown-limits'
import { highlightCode } from '../../../../src/renderer/src/shared/markdown/highlight'

describe('isOpenFence', () => {
  it('calls a fence open until a line closes it with the same mark', () => {
    expect(isOpenFence('```js')).toBe(true)
    expect(isOpenFence('```js\nconst a = 1\n')).toBe(true)
    expect(isOpenFence('```js\nconst a = 1\n~~~\n')).toBe(true)
    expect(isOpenFence('```js\nconst a = 1\n```')).toBe(false)
    expect(isOpenFence('~~~~\nx\n~~~~\n\n')).toBe(false)
    expect(isOpenFence('```\n```')).toBe(false)
  })

  it('does not call indented code a fence', () => {
    expect(isOpenFence('    const a = 1\n')).toBe(false)
  })
})

describe('highlightCode', () => {
  const code = 'const total = values.reduce((sum, v) => sum + v * 2, 0)\n'.repeat(100)

  it('colours code up to its limit and leaves longer code plain', () => {
    expect(code.length).toBeGreaterThan(LIMITS.openHighlightChars)
    expect(highlightCode(code, 'js')).toContain('hljs-keyword')
    expect(highlightCode(code, 'js', LIMITS.openHighlightChars)).not.toContain('<span')
  })
})
