import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KeyStore } from '../../../../src/main/app/stores/key-store'
import { fakeSafeStorage } from '../../../support/fake-safe-storage'

const dir = () => mkdtempSync(join(tmpdir(), 'hark-keys-'))

describe('KeyStore', () => {
  it('hands a key back only for the origin it was saved for', async () => {
    const keys = new KeyStore(dir(), fakeSafeStorage(), { platform: 'linux' })
    await keys.set('openai', 'sk-secret', false, 'https://api.openai.com/v1')
    expect(keys.get('openai', 'https://api.openai.com/v1/')).toBe('sk-secret')
    expect(keys.get('openai', 'https://attacker.example/v1')).toBeUndefined()
    expect(keys.get('openai', 'http://api.openai.com/v1')).toBeUndefined()
    expect(keys.forUrl('https://api.openai.com/v1/audio')).toBe('sk-secret')
    expect(keys.forUrl('https://api.groq.com/openai/v1')).toBeUndefined()
  })

  it('never writes the key in plain text', async () => {
    const d = dir()
    await new KeyStore(d, fakeSafeStorage(), { platform: 'linux' }).set(
      'groq',
      'gsk-plain-looking',
      false,
      'https://api.groq.com/openai/v1'
    )
    expect(readFileSync(join(d, 'keys.json'), 'utf8')).not.toContain('gsk-plain-looking')
  })

  it('reads the saved keys back in the next launch, once unlocked', async () => {
    const d = dir()
    await new KeyStore(d, fakeSafeStorage(), { platform: 'linux' }).set('openai', 'sk-1', false, 'https://a.example/v1')
    const next = new KeyStore(d, fakeSafeStorage(), { platform: 'linux' })
    expect(next.get('openai', 'https://a.example/v1')).toBeUndefined()
    await next.unlock()
    expect(next.get('openai', 'https://a.example/v1')).toBe('sk-1')
  })

  it('with Linux basic_text, allows plain-text encryption only after the user consents, and again on the next launch', async () => {
    const d = dir()
    const storage = fakeSafeStorage('basic_text')
    const keys = new KeyStore(d, storage, { platform: 'linux' })
    expect((await keys.status('openai')).backend).toBe('basic_text')
    await expect(keys.set('openai', 'sk', false, 'https://api.openai.com/v1')).rejects.toThrow(/Confirm/)
    expect(storage.plainTextCalls).toEqual([])
    expect(await keys.set('openai', 'sk', true, 'https://api.openai.com/v1')).toEqual({
      stored: true,
      backend: 'basic_text'
    })
    expect(storage.plainTextCalls).toEqual([true])

    const relaunched = new KeyStore(d, fakeSafeStorage('basic_text'), { platform: 'linux' })
    await relaunched.unlock()
    expect(relaunched.get('openai', 'https://api.openai.com/v1')).toBe('sk')
  })

  it('moves an unreadable keys file aside and says so, instead of overwriting it', async () => {
    const d = dir()
    writeFileSync(join(d, 'keys.json'), '{"openai": "not-the-right-shape"')
    const notices: string[] = []
    const keys = new KeyStore(d, fakeSafeStorage(), { platform: 'linux', onNotice: (m) => notices.push(m) })
    expect((await keys.status('openai')).stored).toBe(false)
    expect(notices[0]).toMatch(/could not be read/)
    const aside = readdirSync(d).find((f) => f.startsWith('keys.broken-'))
    expect(aside && readFileSync(join(d, aside), 'utf8')).toBe('{"openai": "not-the-right-shape"')
  })
})
