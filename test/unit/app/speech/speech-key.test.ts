import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SafeStorage } from 'electron'
import { createSpeechControl } from '../../../../src/main/app/speech/create-speech-control'
import { speechKeyFor } from '../../../../src/main/app/speech/speech-key'
import { speechHandlers } from '../../../../src/main/app/ipc/handlers/speech'
import { KeyStore } from '../../../../src/main/app/stores/key-store'
import { SettingsStore } from '../../../../src/main/app/stores/settings-store'
import { defaultSettings, type Settings } from '../../../../src/shared/settings'
import { fakeSafeStorage } from '../../../support/fake-safe-storage'
import type { AppContext } from '../../../../src/main/app/app-context'

/**
 * The provider voice's key on the app's own path: a KeyStore that unlocks
 * slowly (as the keychain does at launch), the speech control built right
 * after, as hark-app builds it. Two loopback servers: the speech endpoint,
 * which must get its key, and the chat provider's, whose key must never
 * reach the speech endpoint (nor the other way round).
 */

interface Recorder {
  server: Server
  url: string
  auth: Array<string | undefined>
}

async function speechServer(): Promise<Recorder> {
  const rec: Recorder = { server: createServer(), url: '', auth: [] }
  rec.server.on('request', (req, res) => {
    rec.auth.push(req.headers.authorization)
    if (req.method === 'GET') {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ voices: req.headers.authorization ? ['keyed_voice'] : [] }))
      return
    }
    // holds the audio back: the test stops the voice once the request is seen
    req.resume()
  })
  await new Promise<void>((r) => rec.server.listen(0, '127.0.0.1', r))
  rec.url = `http://127.0.0.1:${(rec.server.address() as AddressInfo).port}/v1`
  return rec
}

/** safeStorage whose decryption takes a while, as a keychain does at launch. */
function slowSafeStorage(ms: number): SafeStorage {
  const real = fakeSafeStorage()
  return {
    ...real,
    decryptStringAsync: async (b: Buffer) => {
      await new Promise((r) => setTimeout(r, ms))
      return real.decryptStringAsync(b)
    }
  } as SafeStorage
}

let speechHost: Recorder
let chatHost: Recorder
beforeAll(async () => {
  speechHost = await speechServer()
  chatHost = await speechServer()
})
afterAll(() => {
  speechHost.server.close()
  chatHost.server.close()
})

function userDataWithKeys(): string {
  return mkdtempSync(join(tmpdir(), 'hark-speech-key-'))
}

async function saveKeys(dir: string): Promise<void> {
  const keys = new KeyStore(dir, fakeSafeStorage())
  await keys.set('speech', 'sk-speech', false, speechHost.url)
  await keys.set('openai', 'sk-chat', false, chatHost.url)
}

function providerSpeech(url: string): Settings['speech'] {
  const s = defaultSettings().speech
  return { ...s, engine: 'provider', provider: { ...s.provider, preset: 'custom', baseUrl: url, format: 'wav' } }
}

const noEnv = {}

/** Speaks one sentence and returns the Authorization header the endpoint saw. */
async function authorizationOfOneSentence(
  control: ReturnType<typeof createSpeechControl>
): Promise<string | undefined> {
  const before = speechHost.auth.length
  control.sink.enqueue({ turnId: `t-${before}`, index: 0, text: 'Hello there, this is a test.' })
  await expect.poll(() => speechHost.auth.length, { timeout: 5000 }).toBeGreaterThan(before)
  control.stop()
  return speechHost.auth[before]
}

describe('the provider voice key, as the app wires it', () => {
  it('a saved key reaches the speech endpoint at launch, though the keys unlock after the voice is built', async () => {
    const dir = userDataWithKeys()
    await saveKeys(dir)
    const keys = new KeyStore(dir, slowSafeStorage(100))
    void keys.unlock()
    const control = createSpeechControl(providerSpeech(speechHost.url), () => {}, speechKeyFor(keys, noEnv))
    expect(await authorizationOfOneSentence(control)).toBe('Bearer sk-speech')
  })

  it('a key saved or removed later is used by the next sentence, without rebuilding the voice', async () => {
    const dir = userDataWithKeys()
    const keys = new KeyStore(dir, fakeSafeStorage())
    const control = createSpeechControl(providerSpeech(speechHost.url), () => {}, speechKeyFor(keys, noEnv))
    expect(await authorizationOfOneSentence(control)).toBeUndefined()
    await keys.set('speech', 'sk-new', false, speechHost.url)
    expect(await authorizationOfOneSentence(control)).toBe('Bearer sk-new')
    await keys.clear('speech')
    expect(await authorizationOfOneSentence(control)).toBeUndefined()
  })

  it("the chat provider's key serves a voice on the chat provider's own origin", async () => {
    const dir = userDataWithKeys()
    await saveKeys(dir)
    const keys = new KeyStore(dir, fakeSafeStorage())
    expect(await speechKeyFor(keys, noEnv)(chatHost.url)).toBe('sk-chat')
  })

  it('never sends one origin’s key to another', async () => {
    const dir = userDataWithKeys()
    const keys = new KeyStore(dir, fakeSafeStorage())
    await keys.set('speech', 'sk-speech', false, speechHost.url)
    expect(await speechKeyFor(keys, noEnv)(chatHost.url)).toBeUndefined()
    expect(await speechKeyFor(keys, { OPENAI_API_KEY: 'sk-env' })(speechHost.url)).toBe('sk-speech')
  })

  it("speech.voices asks the endpoint with its origin's key", async () => {
    const dir = userDataWithKeys()
    await saveKeys(dir)
    const keys = new KeyStore(dir, slowSafeStorage(50))
    void keys.unlock()
    const settings = new SettingsStore(dir)
    settings.update({ speech: providerSpeech(speechHost.url) })
    const handlers = speechHandlers({ settings, keys } as unknown as AppContext)
    const before = speechHost.auth.length
    expect(await handlers['speech.voices']({}, undefined as never)).toEqual({ voices: ['keyed_voice'] })
    expect(speechHost.auth[before]).toBe('Bearer sk-speech')
  })
})
