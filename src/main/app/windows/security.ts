import { app, session, shell, type WebContents } from 'electron'
import { isOwnPageUrl } from './renderer-location'
import { externalUrl } from './external-url'

/**
 * Electron's security checklist for everything but window preferences (see
 * secure-window.ts): locked navigation for every web contents, a CSP on every
 * response, and a session that refuses every permission.
 */

export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'"
].join('; ')

function lockContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isOwnPageUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isOwnPageUrl(url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  // Links in answers open in the user's browser, never in a Hark window.
  contents.setWindowOpenHandler(({ url }) => {
    // Reviewed (security/reviewed-findings.json): only http(s) and mailto URLs rebuilt from their parsed parts reach the OS.
    const target = externalUrl(url)
    // eslint-disable-next-line electron-security/no-open-external-with-dynamic-url
    if (target) void shell.openExternal(target)
    return { action: 'deny' }
  })
}

export function applySecurityPolicy(): void {
  app.on('web-contents-created', (_event, contents) => lockContents(contents))
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] }
    })
  })
}
