import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The null sink every audio test plays into and captures from. */
export const SINK = 'vsink'
export const MONITOR = `${SINK}.monitor`

const APT_HINT = 'apt-get install -y pulseaudio pulseaudio-utils alsa-utils libasound2-plugins'

export interface PulseHandle {
  /** unix:/…/native — also written to process.env.PULSE_SERVER */
  server: string
  /** true when we spawned the daemon (and so must stop it) */
  owned: boolean
  stop(): Promise<void>
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(cmd, args, { env, timeout: timeoutMs, killSignal: 'SIGKILL' }, (err, stdout) =>
      err ? reject(err) : resolve(stdout)
    )
  })
}

/** A reachable server that already has our null sink can be reused as is. */
async function hasNullSink(env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    const sinks = await run('pactl', ['list', 'short', 'sinks'], env, 3000)
    return sinks.split('\n').some((line) => line.split('\t')[1] === SINK)
  } catch {
    return false
  }
}

function config(socket: string): string {
  return [
    `load-module module-native-protocol-unix auth-anonymous=1 socket=${socket}`,
    `load-module module-null-sink sink_name=${SINK} rate=48000 channels=2`,
    `set-default-sink ${SINK}`,
    `set-default-source ${MONITOR}`,
    ''
  ].join('\n')
}

async function waitReady(env: NodeJS.ProcessEnv, daemon: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (daemon.exitCode !== null) throw new Error(`pulseaudio exited with ${daemon.exitCode}:\n${log()}`)
    if (await hasNullSink(env)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`pulseaudio did not become ready within 10 s:\n${log()}`)
}

function killDaemon(daemon: ChildProcess): Promise<void> {
  if (daemon.exitCode !== null || daemon.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const hard = setTimeout(() => daemon.kill('SIGKILL'), 3000)
    daemon.once('exit', () => {
      clearTimeout(hard)
      resolve()
    })
    daemon.kill('SIGTERM')
  })
}

async function spawnDaemon(): Promise<PulseHandle> {
  // A private runtime dir keeps us clear of any user session server.
  const dir = mkdtempSync(join(tmpdir(), 'hark-pulse-'))
  chmodSync(dir, 0o700)
  const socket = join(dir, 'pulse', 'native')
  const paFile = join(dir, 'hark.pa')
  writeFileSync(paFile, config(socket))
  const server = `unix:${socket}`
  const env = { ...process.env, XDG_RUNTIME_DIR: dir, PULSE_SERVER: server }
  let output = ''
  const daemon = spawn(
    'pulseaudio',
    ['-n', '-F', paFile, '--daemonize=no', '--exit-idle-time=-1', '--log-target=stderr'],
    {
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    }
  )
  const spawnFailed = new Promise<never>((_, reject) =>
    daemon.once('error', (err) =>
      reject(new Error(`cannot start pulseaudio (${err.message}). Install it: ${APT_HINT}`))
    )
  )
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000)
  }
  daemon.stdout?.on('data', keep)
  daemon.stderr?.on('data', keep)
  await Promise.race([waitReady(env, daemon, () => output), spawnFailed])
  return {
    server,
    owned: true,
    stop: async () => {
      await killDaemon(daemon)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

async function binaryExists(name: string): Promise<boolean> {
  try {
    await run('sh', ['-c', 'command -v "$1"', 'sh', name], process.env, 3000)
    return true
  } catch {
    return false
  }
}

/**
 * Make sure a PulseAudio server with the `vsink` null sink is reachable and
 * that process.env.PULSE_SERVER points at it, so every child process (and
 * every test worker spawned afterwards) plays into it. Missing binaries fail
 * loudly: audio tests must never pass by skipping.
 */
export async function ensurePulse(): Promise<PulseHandle> {
  await requireBinaries()
  if (await hasNullSink(process.env)) {
    const server = process.env.PULSE_SERVER ?? 'default'
    return { server, owned: false, stop: async () => {} }
  }
  const handle = await spawnDaemon()
  process.env.PULSE_SERVER = handle.server
  return handle
}

/**
 * A server of our own even when one is reachable, so no other program's
 * sound reaches the sink a measurement listens to. PULSE_SERVER points at it
 * until stop() puts the previous value back.
 */
export async function startPrivatePulse(): Promise<PulseHandle> {
  await requireBinaries()
  const before = process.env.PULSE_SERVER
  const handle = await spawnDaemon()
  process.env.PULSE_SERVER = handle.server
  return {
    ...handle,
    stop: async () => {
      if (before === undefined) delete process.env.PULSE_SERVER
      else process.env.PULSE_SERVER = before
      await handle.stop()
    }
  }
}

async function requireBinaries(): Promise<void> {
  for (const bin of ['pulseaudio', 'pactl', 'parec']) {
    if (!(await binaryExists(bin))) {
      throw new Error(`\n\n*** Audio tests need '${bin}', which is not installed. Run: ${APT_HINT} ***\n`)
    }
  }
}
