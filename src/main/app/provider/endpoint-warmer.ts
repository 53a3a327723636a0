import type { Settings } from '@shared/settings'
import { createConnectionWarmer, type ConnectionWarmer } from '../../engine/net/connection-warmer'
import { providerConfig } from './provider-config'
import { sttConfig } from '../voice/stt-config'

/** No key is needed to name an endpoint, and a warm-up never sends one. */
const noKey = (): undefined => undefined

/** The endpoints a question will reach with these settings: chat, speech-to-text and a provider voice, each once. */
export function endpointsOf(settings: Settings, env: NodeJS.ProcessEnv = process.env): string[] {
  const urls = [providerConfig(settings, noKey, env).baseUrl, sttConfig(settings, noKey, env).baseUrl]
  if (settings.speech.enabled && settings.speech.engine === 'provider') urls.push(settings.speech.provider.baseUrl)
  return [...new Set(urls)]
}

/**
 * Warms the connections a question is about to use, when the user shows
 * intent (typing, the popup, the push-to-talk hotkey, a pause in speech).
 * Only main's own configured endpoints: a window can ask for a warm-up but
 * never name a URL.
 */
export function createEndpointWarmer(
  settings: () => Settings,
  warmer: ConnectionWarmer = createConnectionWarmer(),
  env: NodeJS.ProcessEnv = process.env
): () => void {
  return () => {
    for (const url of endpointsOf(settings(), env)) void warmer.warm(url)
  }
}
