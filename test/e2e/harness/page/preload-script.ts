import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Names, random per launch, that only the injected runtime knows. */
export interface BridgeNames {
  /** the Playwright binding the runtime captures and deletes from window */
  binding: string
  /** the hidden function webContents.send calls in the page */
  deliver: string
}

const runtime = readFileSync(join(__dirname, 'preload-runtime.js'), 'utf8')

/**
 * The init script for one window: the runtime, then the real preload bundle
 * wrapped like a CommonJS module. Inlined as text because the page's CSP
 * forbids eval, and CDP-injected scripts are exempt from it.
 */
export function preloadInitScript(preloadFile: string | undefined, names: BridgeNames): string {
  const preload = preloadFile ? readFileSync(preloadFile, 'utf8') : ''
  // Wrapped so neither the runtime nor the preload's top-level names become page globals.
  return [
    ';(function () {',
    runtime,
    `harkPreloadRuntime(${JSON.stringify(names)}, function (require, module, exports) {`,
    preload,
    '\n})',
    '})()',
    `//# sourceURL=hark-preload:${preloadFile ?? 'none'}`
  ].join('\n')
}
