import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * One headless Debian Chromium that plays the part of Electron's renderer
 * processes. Both the app's child process and the test connect to it over CDP,
 * so the test drives exactly the pages the app's windows created.
 */

const CHROMIUM_PATH = process.env['HARK_CHROMIUM'] ?? '/usr/bin/chromium'

const flags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--mute-audio',
  // Electron serves file:// pages with module scripts; plain Chromium blocks those as cross-origin.
  '--allow-file-access-from-files',
  '--remote-debugging-port=0'
]

export interface RunningChromium {
  /** http://127.0.0.1:PORT, for chromium.connectOverCDP */
  endpoint: string
  pid: number
  stop(): void
}

function assertChromiumInstalled(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `e2e needs Chromium at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` (or set HARK_CHROMIUM)`
    )
  }
}

export async function startChromium(timeoutMs = 20_000): Promise<RunningChromium> {
  assertChromiumInstalled()
  const profile = mkdtempSync(join(tmpdir(), 'hark-chromium-'))
  // Its own process group, so one kill takes the browser and all its helpers.
  const child = spawn(CHROMIUM_PATH, [...flags, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true
  })
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)))
  const stop = (): void => {
    process.off('exit', stop)
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL')
    } catch {
      // already gone
    }
    rmSync(profile, { recursive: true, force: true })
  }
  process.on('exit', stop)
  try {
    const port = await waitForDevToolsPort(child, profile, timeoutMs)
    return { endpoint: `http://127.0.0.1:${port}`, pid: child.pid ?? -1, stop }
  } catch (err) {
    stop()
    throw new Error(`${(err as Error).message}\nchromium stderr:\n${stderr}`)
  }
}

/** Chromium writes the port it picked to DevToolsActivePort in its profile. */
async function waitForDevToolsPort(child: ChildProcess, profile: string, timeoutMs: number): Promise<number> {
  const file = join(profile, 'DevToolsActivePort')
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`chromium exited with code ${child.exitCode} before it was ready`)
    if (existsSync(file)) {
      const port = Number(readFileSync(file, 'utf8').split('\n')[0])
      if (port > 0) return port
    }
    await new Promise((r) => setTimeout(r, 25))
  }
  throw new Error(`chromium did not open its debugging port within ${timeoutMs} ms`)
}
