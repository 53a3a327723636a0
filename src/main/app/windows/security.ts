import { app, session, shell, type WebContents } from 'electron'
import { policyFor } from './content-security-policy'
import { devServerUrl, isOwnPageUrl } from './renderer-location'
import { externalUrl } from './external-url'

/**
 * Electron's security checklist for everything but window preferences (see
 * secure-window.ts): locked navigation for every web contents, a CSP on every
 * response (content-security-policy.ts), and a session that refuses every permission.
 */

const reportOpenFailure =
  (url: string) =>
  (err: unknown): void =>
    console.warn(`[hark] could not open ${url} outside Hark:`, err)

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
    // A refusal (no browser, no mail client) is logged, never an unhandled rejection.
    const target = externalUrl(url)
    // eslint-disable-next-line electron-security/no-open-external-with-dynamic-url
    if (target) shell.openExternal(target).catch(reportOpenFailure(target))
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
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policyFor(details.url, devServerUrl())]
      }
    })
  })
}
