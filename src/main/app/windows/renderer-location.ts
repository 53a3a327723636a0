import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { PageName } from '@shared/ipc/page-access'

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

/** A frame may talk to main only if it shows one of our pages. */
export function isOwnPageUrl(url: string | undefined): boolean {
  if (!url) return false
  const dev = devServerUrl()
  if (dev) return url.startsWith(`${dev}/`)
  const base = pathToFileURL(join(__dirname, '../renderer/')).href
  return url.startsWith(base)
}
