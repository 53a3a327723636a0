import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { eventNames, routeNames } from './src/shared/ipc/contract'
import { devServerPolicy } from './src/main/app/windows/content-security-policy'

const pages = ['index', 'quick', 'indicator']

/** The same aliases as tsconfig.base.json's paths (and vitest.config.mts). */
const resolveAliases = {
  alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') }
}

/**
 * Under `npm run dev` the pages' <meta> CSP gets the dev server's policy (React
 * Refresh's inline preamble, the HMR socket); built pages keep theirs.
 */
function devServerCsp(): Plugin {
  return {
    name: 'hark-dev-server-csp',
    apply: 'serve',
    transformIndexHtml(html, ctx) {
      const origin = new URL(ctx.server?.resolvedUrls?.local[0] ?? 'http://localhost:5173').origin
      return html.replace(
        /(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/,
        (_m, head: string) => `${head}${devServerPolicy(origin)}"`
      )
    }
  }
}

export default defineConfig({
  main: {
    resolve: resolveAliases,
    build: {
      rollupOptions: {
        // The CLI shares the engine with the app but never loads electron.
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/cli/index.ts') }
      }
    }
  },
  preload: {
    resolve: resolveAliases,
    // The channel names, read from the contracts here, so the sandboxed preload need not bundle their schemas.
    define: { __HARK_CHANNELS__: JSON.stringify({ routes: routeNames, events: eventNames }) },
    // Sandboxed preloads cannot require anything but electron: bundle everything.
    build: { externalizeDeps: false }
  },
  renderer: {
    resolve: resolveAliases,
    plugins: [react(), devServerCsp()],
    build: {
      minify: true,
      rollupOptions: {
        input: Object.fromEntries(pages.map((p) => [p, resolve(`src/renderer/${p}.html`)]))
      }
    }
  }
})
