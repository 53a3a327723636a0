import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SafeStorage } from 'electron'
import { KeyStore } from '../../../../src/main/app/stores/key-store'

/** Reversible, and visibly not plaintext, like the real thing. */
function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorage {
  return {
    isEncryptionAvailable: () => true,
    getSelectedStorageBackend: () => backend,
    encryptString: (s: string) => Buffer.from([...Buffer.from(s)].map((b) => b ^ 0x5a)),
    decryptString: (b: Buffer) => Buffer.from([...b].map((x) => x ^ 0x5a)).toString()
  } as unknown as SafeStorage
}

const dir = () => mkdtempSync(join(tmpdir(), 'hark-keys-'))

describe('KeyStore', () => {
  it('hands a key back only for the origin it was saved for', () => {
    const keys = new KeyStore(dir(), fakeSafeStorage(), { platform: 'linux' })
    keys.set('openai', 'sk-secret', false, 'https://api.openai.com/v1')
    expect(keys.get('openai', 'https://api.openai.com/v1/')).toBe('sk-secret')
    expect(keys.get('openai', 'https://attacker.example/v1')).toBeUndefined()
    expect(keys.get('openai', 'http://api.openai.com/v1')).toBeUndefined()
    expect(keys.forUrl('https://api.openai.com/v1/audio')).toBe('sk-secret')
    expect(keys.forUrl('https://api.groq.com/openai/v1')).toBeUndefined()
  })

  it('never writes the key in plain text', () => {
    const d = dir()
    new KeyStore(d, fakeSafeStorage(), { platform: 'linux' }).set(
      'groq',
      'gsk-plain-looking',
      false,
      'https://api.groq.com/openai/v1'
    )
    expect(readFileSync(join(d, 'keys.json'), 'utf8')).not.toContain('gsk-plain-looking')
  })

  it('asks before storing with Linux basic_text encryption', () => {
    const keys = new KeyStore(dir(), fakeSafeStorage('basic_text'), { platform: 'linux' })
    expect(() => keys.set('openai', 'sk', false, 'https://api.openai.com/v1')).toThrow(/Confirm/)
    expect(keys.set('openai', 'sk', true, 'https://api.openai.com/v1')).toEqual({ stored: true, backend: 'basic_text' })
  })

  it('moves an unreadable keys file aside and says so, instead of overwriting it', () => {
    const d = dir()
    writeFileSync(join(d, 'keys.json'), '{"openai": "not-the-right-shape"')
    const notices: string[] = []
    const keys = new KeyStore(d, fakeSafeStorage(), { platform: 'linux', onNotice: (m) => notices.push(m) })
    expect(keys.status('openai').stored).toBe(false)
    expect(notices[0]).toMatch(/could not be read/)
    const aside = readdirSync(d).find((f) => f.startsWith('keys.broken-'))
    expect(aside && readFileSync(join(d, aside), 'utf8')).toBe('{"openai": "not-the-right-shape"')
  })
})
