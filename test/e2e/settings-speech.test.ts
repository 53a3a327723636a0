import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Page } from 'playwright-core'
import type { Settings } from '../../src/shared/settings'
import type { FakeLlm } from '../fake-llm'
import { appForTest } from '../support/app-for-test'
import { fakeLlmEnv, freshLlmAndUserData } from '../support/fresh-llm-and-user-data'

/**
 * Settings → Speech with a provider voice, on the built app: text saved when
 * its field is left, the endpoint's own key, Instructions only for models
 * that take them. The speech endpoint is a loopback server that records
 * each voice-list request and the key it carried.
 */

interface VoiceServer {
  server: Server
  url: string
  auth: Array<string | undefined>
}

async function voiceServer(): Promise<VoiceServer> {
  const rec: VoiceServer = { server: createServer(), url: '', auth: [] }
  rec.server.on('request', (req, res) => {
    if (req.url === '/v1/audio/voices') rec.auth.push(req.headers.authorization)
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ voices: [] }))
  })
  await new Promise<void>((r) => rec.server.listen(0, '127.0.0.1', r))
  rec.url = `http://127.0.0.1:${(rec.server.address() as AddressInfo).port}/v1`
  return rec
}

const stored = (userData: string): Partial<Settings> => {
  const file = join(userData, 'settings.json')
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<Settings>) : {}
}

describe('Settings → Speech, provider voice', () => {
  let llm: FakeLlm
  let userData: string
  let endpoint: VoiceServer
  let other: VoiceServer
  freshLlmAndUserData({ text: 'Short answer.' }, 'hark-settings-speech-', (fresh) => ({ llm, userData } = fresh))
  beforeEach(async () => {
    endpoint = await voiceServer()
    other = await voiceServer()
  })
  afterEach(() => {
    endpoint.server.close()
    other.server.close()
  })

  const open = async (model = 'kokoro'): Promise<Page> => {
    const speech = { engine: 'provider', provider: { preset: 'custom', baseUrl: endpoint.url, model, voice: 'af' } }
    writeFileSync(join(userData, 'settings.json'), JSON.stringify({ provider: { baseUrl: llm.url }, speech }))
    const app = await appForTest({ env: fakeLlmEnv(llm), userData })
    const page = await app.window('index')
    await page.getByTestId('open-settings').click()
    await page.getByTestId('settings-nav-speech').click()
    await page.getByTestId('speech-provider-base-url').waitFor()
    return page
  }

  test('the endpoint is saved when its field is left, not at each keystroke; a bad one stays with its reason', async () => {
    const page = await open()
    const field = page.getByTestId('speech-provider-base-url')
    await field.fill('')
    await field.pressSequentially(other.url)
    expect(stored(userData).speech?.provider?.baseUrl).toBe(endpoint.url)
    expect(other.auth).toEqual([])
    await page.getByTestId('speech-provider-model').focus()
    await expect.poll(() => stored(userData).speech?.provider?.baseUrl).toBe(other.url)
    await expect.poll(() => other.auth.length).toBeGreaterThan(0)

    await field.fill('not a web address')
    await page.getByTestId('speech-provider-model').focus()
    const error = page.getByTestId('field-error-speech.provider.baseUrl')
    await expect.poll(() => error.innerText()).toMatch(/is not a web address/)
    expect(await field.inputValue()).toBe('not a web address')
    expect(stored(userData).speech?.provider?.baseUrl).toBe(other.url)
  })

  test("an endpoint on its own host takes its own key, sent with its voice list and never shown again; on the chat provider's host its key serves", async () => {
    const page = await open()
    const secret = 'sk-voice-only-secret'
    await page.getByTestId('api-key-input').fill(secret)
    await page.getByTestId('api-key-save').click()
    await expect.poll(() => page.getByTestId('key-status').innerText()).toMatch(/A key is stored/)
    expect(await page.getByTestId('api-key-input').inputValue()).toBe('')
    await expect.poll(() => endpoint.auth).toContain(`Bearer ${secret}`)
    expect(await page.content()).not.toContain(secret)
    expect(other.auth).toEqual([])

    const field = page.getByTestId('speech-provider-base-url')
    await field.fill(llm.url)
    await page.getByTestId('speech-provider-model').focus()
    await expect.poll(() => page.getByTestId('speech-key').count()).toBe(0)
    expect(await page.getByText('its key (Settings → Provider) is used').count()).toBe(1)
  })

  test('Instructions are offered only for a model that takes them, and the rate points to Instructions for the pace', async () => {
    const page = await open('kokoro')
    const speedNote = page.getByText('ask for a pace in Instructions')
    expect(await page.getByTestId('speech-provider-instructions').count()).toBe(0)
    expect(await speedNote.count()).toBe(0)
    await page.getByTestId('speech-provider-model').fill('gpt-4o-mini-tts')
    await page.getByTestId('speech-provider-base-url').focus()
    await page.getByTestId('speech-provider-instructions').waitFor()
    expect(await speedNote.count()).toBe(1)
    await page.getByTestId('speech-provider-instructions').fill('Speak warmly.')
    await page.getByTestId('speech-provider-model').focus()
    await expect.poll(() => stored(userData).speech?.provider?.instructions).toBe('Speak warmly.')
  })
})
