import { describe, expect, it } from 'vitest'
import { isPageUrl } from '../../../../src/main/app/windows/renderer-location'

// what pathToFileURL gives for a __dirname with a lower-case drive (a shell that reports c:\)
const expected = 'file:///c:/Users/Ana/AppData/Local/Programs/Hark/resources/app.asar/out/renderer/index.html'

describe('isPageUrl', () => {
  it("accepts Chromium's capital drive letter on Windows, where the path is the same file", () => {
    const chromium = 'file:///C:/Users/Ana/AppData/Local/Programs/Hark/resources/app.asar/out/renderer/index.html'
    expect(isPageUrl(chromium, expected, 'win32')).toBe(true)
    expect(isPageUrl(chromium.replace('/Ana/', '/ana/'), expected, 'win32')).toBe(true)
  })

  it('keeps file paths case-sensitive where the file system is', () => {
    expect(
      isPageUrl(
        'file:///home/Ana/hark/out/renderer/index.html',
        'file:///home/ana/hark/out/renderer/index.html',
        'linux'
      )
    ).toBe(false)
  })

  it('ignores the query and fragment the page uses for itself', () => {
    expect(isPageUrl(`${expected}?view=settings#c1`, expected, 'win32')).toBe(true)
  })

  it('refuses another page, a file that merely starts with the page path, and other origins', () => {
    expect(isPageUrl(expected.replace('index.html', 'quick.html'), expected, 'win32')).toBe(false)
    expect(isPageUrl(expected.replace('renderer/index.html', 'renderer/index.html.evil.html'), expected, 'win32')).toBe(
      false
    )
    expect(
      isPageUrl(
        'file://evil-host/c:/Users/Ana/AppData/Local/Programs/Hark/resources/app.asar/out/renderer/index.html',
        expected,
        'win32'
      )
    ).toBe(false)
    expect(isPageUrl('http://127.0.0.1:5173/index.html', 'http://localhost:5173/index.html', 'linux')).toBe(false)
    expect(isPageUrl('http://localhost:5173/index.html', 'http://localhost:5173/index.html', 'linux')).toBe(true)
    expect(isPageUrl('http://user@localhost:5173/index.html', 'http://localhost:5173/index.html', 'linux')).toBe(false)
  })

  it('refuses what is not a URL, or not one that decodes', () => {
    expect(isPageUrl(undefined, expected, 'win32')).toBe(false)
    expect(isPageUrl('not a url', expected, 'win32')).toBe(false)
    expect(isPageUrl('file:///c:/%E0%A4%A/index.html', expected, 'win32')).toBe(false)
  })
})
