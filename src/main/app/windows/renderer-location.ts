import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { pageNames, type PageName } from '@shared/ipc/page-access'

/** Where the windows' pages and the preload live, in dev (vite server) and built. */

export type { PageName }

export function preloadPath(): string {
  return join(__dirname, '../preload/index.js')
}

/** The Vite dev server under `npm run dev`; only a loopback http URL counts. */
export function devServerUrl(): string | undefined {
  const url = process.env['ELECTRON_RENDERER_URL']
  return url && /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/?$/.test(url) ? url.replace(/\/$/, '') : undefined
}

export function pageFile(page: PageName): string {
  return join(__dirname, `../renderer/${page}.html`)
}

export function pageUrl(page: PageName): string {
  const dev = devServerUrl()
  return dev ? `${dev}/${page}.html` : pathToFileURL(pageFile(page)).href
}

/** A frame may talk to main, or a window navigate, only if it shows one of our pages. */
export function isOwnPageUrl(url: string | undefined): boolean {
  return pageNames.some((page) => isPageUrl(url, pageUrl(page)))
}

/**
 * Does `url`, as Chromium reports it, show the page at `expected` (what
 * pageUrl gave)? Parsed, not compared as text: the query and fragment are the
 * page's own business, and on Windows a file path is compared without regard
 * to case, because Chromium writes the drive letter in capitals (file:///C:/)
 * while __dirname keeps whatever case the launching shell used (c:\), and
 * NTFS paths are case-insensitive anyway.
 */
export function isPageUrl(
  url: string | undefined,
  expected: string,
  platform: NodeJS.Platform = process.platform
): boolean {
  const actual = parsed(url)
  const want = parsed(expected)
  if (!actual || !want || actual.protocol !== want.protocol || actual.host !== want.host) return false
  if (actual.username || actual.password) return false
  const caseless = want.protocol === 'file:' && platform === 'win32'
  const path = (u: URL): string | null => {
    const decoded = safeDecode(u.pathname)
    return decoded !== null && caseless ? decoded.toLowerCase() : decoded
  }
  const got = path(actual)
  return got !== null && got === path(want)
}

function parsed(url: string | undefined): URL | null {
  try {
    return url ? new URL(url) : null
  } catch {
    return null
  }
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}
