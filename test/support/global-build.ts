import { execFileSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * Integration and e2e tests run the built bundles, exactly what users run.
 * Build once per test run unless HARK_SKIP_BUILD says the caller just did.
 */
export default function setup(): void {
  const root = resolve(__dirname, '../..')
  if (process.env.HARK_SKIP_BUILD === '1' && existsSync(resolve(root, 'out/main/cli.js'))) return
  execFileSync(process.execPath, [resolve(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit'
  })
  if (!statSync(resolve(root, 'out/main/index.js')).isFile())
    throw new Error('electron-vite build produced no main bundle')
}
