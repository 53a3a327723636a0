import { existsSync } from 'node:fs'
import type { TtsEngineName } from '../../../shared/settings'
import { findOnPath } from '../platform/find-on-path'
import { createEspeakEngine } from './espeak-engine'
import { createFestivalEngine } from './festival-engine'
import { NoneEngine } from './none-engine'
import { ProviderEngine } from './provider-engine'
import { SapiEngine } from './sapi-engine'
import { SayEngine } from './say-engine'
import { ssipAddress } from './ssip-address'
import { SsipEngine } from './ssip-engine'
import type { TtsEngine } from './speech-types'

export type { TtsEngineName }

/**
 * Whether the desktop runs speech-dispatcher, as screen readers use it: its
 * socket exists (or the session exported a TCP address). Checked without
 * connecting or starting anything.
 */
export function speechDispatcherRunning(env: NodeJS.ProcessEnv = process.env, exists = existsSync): boolean {
  const address = ssipAddress(env)
  return address !== null && (address.kind === 'inet' || exists(address.path))
}

/**
 * Linux 'auto': the desktop's own voice when its speech-dispatcher runs
 * (spoken to over its socket, so nothing of it need be on PATH), else the
 * first installed of festival and espeak-ng (festival when neither, so its
 * hint is shown).
 */
function linuxAuto(has: (bin: string) => boolean, dispatcherRunning: () => boolean): TtsEngine {
  if (dispatcherRunning()) return new SsipEngine()
  if (has('text2wave')) return createFestivalEngine()
  if (has('espeak-ng')) return createEspeakEngine()
  return createFestivalEngine()
}

/**
 * The voice that speaks the rest of an answer when `engine` fails mid-answer:
 * for speech-dispatcher (whose daemon can go away) the installed synthesiser.
 */
export function fallbackFor(
  engine: TtsEngine,
  has: (bin: string) => boolean = (bin) => findOnPath(bin) !== null
): TtsEngine | undefined {
  return engine instanceof SsipEngine ? linuxAuto(has, () => false) : undefined
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
      return new SsipEngine()
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
