import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Route } from 'playwright-core'

/**
 * Serves file:// requests from disk, as Electron's file protocol does, but
 * through the session's header hooks so a CSP set in onHeadersReceived
 * really applies to the page.
 */

export type HeaderHook = (details: {
  url: string
  resourceType: string
  method: string
  responseHeaders: Record<string, string[]>
}) => Promise<Record<string, string[]>>

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wav': 'audio/wav'
}

export async function serveFile(route: Route, applyHeaders: HeaderHook): Promise<void> {
  const request = route.request()
  const path = fileURLToPath(request.url())
  let body: Buffer
  try {
    body = await readFile(path)
  } catch {
    // Electron fails a missing file:// load (ERR_FILE_NOT_FOUND); 'failed' is Playwright's nearest code.
    return route.abort('failed')
  }
  const headers = await applyHeaders({
    url: request.url(),
    resourceType: request.resourceType(),
    method: request.method(),
    responseHeaders: { 'Content-Type': [types[extname(path)] ?? 'application/octet-stream'] }
  })
  const flat = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.join(', ')]))
  await route.fulfill({ status: 200, body, headers: flat })
}
