/**
 * The Content-Security-Policy of Hark's pages: sent as a response header on
 * every response and written into each page's <meta>. Production pages run
 * only their own bundled scripts. The Vite dev server's pages (`npm run dev`)
 * also need React Refresh's inline preamble, Vite's injected styles and its
 * HMR socket; they get that, and only they, and only while
 * ELECTRON_RENDERER_URL names the server.
 */

const common = [
  "default-src 'none'",
  "img-src 'self' data:",
  "font-src 'self'",
  "media-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'"
]

export const productionPolicy = [
  ...common,
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'"
].join('; ')

/** `devServer` is the dev server's origin, e.g. http://localhost:5173 */
export function devServerPolicy(devServer: string): string {
  const socket = devServer.replace(/^http/, 'ws')
  // Vite serves CSS as <style> elements it injects, and React Refresh's preamble is an inline script.
  return [
    ...common,
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    `connect-src 'self' ${socket}`
  ].join('; ')
}

/** The policy for a response from `url`; `devServer` is set only under `npm run dev`. */
export function policyFor(url: string, devServer: string | undefined): string {
  return devServer && isFrom(url, devServer) ? devServerPolicy(devServer) : productionPolicy
}

function isFrom(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === new URL(origin).origin
  } catch {
    return false
  }
}
