import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { TtsEngineName } from '../../../shared/settings'
import { findOnPath } from '../platform/find-on-path'
import { createEspeakEngine } from './espeak-engine'
import { createFestivalEngine } from './festival-engine'
import { NoneEngine } from './none-engine'
import { ProviderEngine } from './provider-engine'
import { SapiEngine } from './sapi-engine'
import { SayEngine } from './say-engine'
import { SpdSayEngine } from './spd-say-engine'
import type { TtsEngine } from './speech-types'

export type { TtsEngineName }

/**
 * Whether the desktop runs speech-dispatcher, as screen readers use it: its
 * socket (or an address the session exported) exists. Checked without
 * starting anything, since spd-say would autospawn the daemon.
 */
export function speechDispatcherRunning(env: NodeJS.ProcessEnv = process.env, exists = existsSync): boolean {
  if (env['SPEECHD_ADDRESS']) return true
  const runtime = env['XDG_RUNTIME_DIR']
  return !!runtime && exists(join(runtime, 'speech-dispatcher', 'speechd.sock'))
}

/**
 * Linux 'auto': the desktop's own voice when its speech-dispatcher runs,
 * else the first installed of festival, espeak-ng, spd-say (festival when
 * none, so its hint is shown).
 */
function linuxAuto(has: (bin: string) => boolean, dispatcherRunning: () => boolean): TtsEngine {
  if (has('spd-say') && dispatcherRunning()) return new SpdSayEngine()
  if (has('text2wave')) return createFestivalEngine()
  if (has('espeak-ng')) return createEspeakEngine()
  if (has('spd-say')) return new SpdSayEngine()
  return createFestivalEngine()
}

/**
 * Pick the engine for a setting on a platform. 'say' means the system voice:
 * macOS `say`, Windows SAPI (one kept PowerShell), and on Linux our festival engine (never the say
 * package's festival route, which evaluates model text as Scheme). An engine
 * whose binary is missing is still returned: its check() and speak() say
 * which package to install.
 */
export function createTtsEngine(
  name: TtsEngineName,
  platform: NodeJS.Platform = process.platform,
  has: (bin: string) => boolean = (bin) => findOnPath(bin) !== null,
  dispatcherRunning: () => boolean = () => speechDispatcherRunning()
): TtsEngine {
  switch (name) {
    case 'none':
      return new NoneEngine()
    case 'festival':
      return createFestivalEngine()
    case 'espeak-ng':
      return createEspeakEngine()
    case 'spd-say':
      return new SpdSayEngine()
    case 'provider':
      // named without its endpoint: check() says what is missing (enginesFromSettings builds the real one)
      return new ProviderEngine({ baseUrl: '', apiKey: '', model: '', voice: '', format: 'pcm' })
    case 'say':
    case 'auto':
      if (platform === 'darwin') return new SayEngine()
      if (platform === 'win32') return new SapiEngine()
      return name === 'say' ? createFestivalEngine() : linuxAuto(has, dispatcherRunning)
  }
}
