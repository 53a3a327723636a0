import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectProvider } from '../../../../src/main/app/provider/provider-connect'
import { KeyStore } from '../../../../src/main/app/stores/key-store'
import { SettingsStore } from '../../../../src/main/app/stores/settings-store'
import { streamChat } from '../../../../src/main/engine/llm/chat-stream'
import { startFakeLlm, type FakeLlm } from '../../../fake-llm'
import { fakeSafeStorage } from '../../../support/fake-safe-storage'

/** Onboarding's key: tested with one request held in memory, stored only when the provider accepts it. */

let llm: FakeLlm
let stranger: FakeLlm
let dir: string
beforeEach(async () => {
  llm = await startFakeLlm({ text: 'OK' })
  stranger = await startFakeLlm({ text: 'OK' })
  dir = mkdtempSync(join(tmpdir(), 'hark-connect-'))
})
afterEach(async () => {
  await llm.close()
  await stranger.close()
})

function deps(backend = 'gnome_libsecret') {
  return { settings: new SettingsStore(dir), keys: new KeyStore(dir, fakeSafeStorage(backend), { platform: 'linux' }) }
}
const choice = (key: string) => ({
  preset: 'custom' as const,
  baseUrl: llm.url,
  model: 'fake-model',
  key,
  allowPlainText: false
})
const authorizations = (f: FakeLlm) => f.requests.map((r) => r.headers['authorization'])

describe('connectProvider', () => {
  it('keeps a refused key out of the key store and settings.json, and says why', async () => {
    llm.setScenario('unauthorized')
    const d = deps()
    const result = await connectProvider(d, streamChat, choice('sk-refused'))
    expect(result.ok).toBe(false)
    expect(result.message).toMatch(/key was refused/)
    expect(authorizations(llm)).toEqual(['Bearer sk-refused'])
    expect(existsSync(join(dir, 'keys.json'))).toBe(false)
    expect(existsSync(join(dir, 'settings.json'))).toBe(false)
    expect(d.settings.get().provider.preset).toBe('openai')
  })

  it('stores an accepted key once, bound to the tested origin, and saves the choice', async () => {
    const d = deps()
    const result = await connectProvider(d, streamChat, choice('sk-good'))
    expect(result).toMatchObject({ ok: true, key: { stored: true } })
    expect(authorizations(llm)).toEqual(['Bearer sk-good'])
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8')))).toEqual(['custom'])
    expect(d.keys.get('custom', llm.url)).toBe('sk-good')
    expect(d.keys.get('custom', stranger.url)).toBeUndefined()
    const saved = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { provider: object }
    expect(saved.provider).toMatchObject({ preset: 'custom', baseUrl: llm.url, model: 'fake-model' })
    expect(JSON.stringify(saved)).not.toContain('sk-good')
  })

  it('never carries the pasted key to another origin the tested server redirects to', async () => {
    llm.route('POST /v1/chat/completions', (_req, res) => {
      res.writeHead(307, { location: `${stranger.url}/chat/completions` })
      res.end()
    })
    const d = deps()
    const result = await connectProvider(d, streamChat, choice('sk-secret'))
    expect(result.ok).toBe(false)
    expect(JSON.stringify(stranger.requests)).not.toContain('sk-secret')
    expect(existsSync(join(dir, 'keys.json'))).toBe(false)
  })

  it('asks for consent to weak storage before any request is made', async () => {
    await expect(connectProvider(deps('basic_text'), streamChat, choice('sk-good'))).rejects.toThrow(
      /Confirm to store it anyway/
    )
    expect(llm.requests).toHaveLength(0)
  })

  it('saves a provider that needs no key once it answers, storing no key', async () => {
    const d = deps()
    const { key: _key, ...noKey } = choice('unused')
    const result = await connectProvider(d, streamChat, noKey)
    expect(result.ok).toBe(true)
    expect(result.key).toBeUndefined()
    expect(existsSync(join(dir, 'keys.json'))).toBe(false)
    expect(d.settings.get().provider).toMatchObject({ preset: 'custom', baseUrl: llm.url })
  })
})
