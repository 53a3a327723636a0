import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { eventNames, routeNames } from './src/shared/ipc/contract'

const pages = ['index', 'quick', 'indicator']

/** The same aliases as tsconfig.base.json's paths (and vitest.config.mts). */
const resolveAliases = {
  alias: { '@shared': resolve('src/shared'), '@renderer': resolve('src/renderer/src') }
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
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: {
        input: Object.fromEntries(pages.map((p) => [p, resolve(`src/renderer/${p}.html`)]))
      }
    }
  }
})
