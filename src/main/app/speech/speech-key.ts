import type { KeyForUrl } from '../../engine/speech/engine-from-settings'
import { environmentKeyFor } from '../provider/provider-config'
import type { KeyStore } from '../stores/key-store'

/**
 * The provider voice's key, looked up when a request is made: after the saved
 * keys are unlocked (at launch that is after the voice is built), and as it is
 * now, so saving or removing a key takes effect at the next sentence. Only a
 * key bound to the request URL's origin is ever returned: the environment's
 * for its own origin, the key saved for the voice, else any saved for that
 * origin (the chat provider's, when the voice is served there too).
 */
export function speechKeyFor(
  keys: Pick<KeyStore, 'unlock' | 'get' | 'forUrl'>,
  env: NodeJS.ProcessEnv = process.env
): KeyForUrl {
  return async (url) => {
    await keys.unlock()
    return environmentKeyFor(url, env) || keys.get('speech', url) || keys.forUrl(url)
  }
}
