import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const pages = ['index', 'quick', 'indicator']

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // The CLI shares the engine with the app but never loads electron.
        input: { index: resolve('src/main/index.ts'), cli: resolve('src/cli/index.ts') }
      }
    }
  },
  preload: {
    // Sandboxed preloads cannot require anything but electron: bundle everything.
    build: { externalizeDeps: false }
  },
  renderer: {
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: {
        input: Object.fromEntries(pages.map((p) => [p, resolve(`src/renderer/${p}.html`)]))
      }
    }
  }
})
