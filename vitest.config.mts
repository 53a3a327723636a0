import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

/** The same aliases as tsconfig.base.json's paths (and electron.vite.config.ts). */
const resolve = {
  alias: {
    '@shared': fileURLToPath(new URL('./src/shared', import.meta.url)),
    '@renderer': fileURLToPath(new URL('./src/renderer/src', import.meta.url))
  }
}

/**
 * Four projects. unit and integration run in parallel; audio and e2e share the
 * one PulseAudio server and Chromium, so their files run one at a time.
 */
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      { resolve, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 20_000 } },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          globalSetup: ['test/support/global-build.ts']
        }
      },
      {
        resolve,
        test: {
          name: 'audio',
          include: ['test/audio/**/*.test.ts'],
          testTimeout: 90_000,
          fileParallelism: false,
          globalSetup: ['test/support/global-pulse.ts']
        }
      },
      {
        resolve,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ['test/support/global-build.ts', 'test/support/global-pulse.ts']
        }
      }
    ]
  }
})
