import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../../../src/main/app/stores/settings-store'
import { defaultSettings } from '../../../../src/shared/settings'

const dir = () => mkdtempSync(join(tmpdir(), 'hark-settings-'))

describe('SettingsStore', () => {
  it('starts from defaults when there is no file, and persists an update', () => {
    const d = dir()
    const store = new SettingsStore(d)
    expect(store.get()).toEqual(defaultSettings())
    store.update({ speech: { rate: 1.5 } })
    expect(new SettingsStore(d).get().speech.rate).toBe(1.5)
    expect(new SettingsStore(d).get().speech.enabled).toBe(true)
  })

  it('rejects an invalid patch with a readable message and keeps the old value', () => {
    const store = new SettingsStore(dir())
    expect(() => store.update({ speech: { rate: 9 } })).toThrow(/speech\.rate/)
    expect(store.get().speech.rate).toBe(1)
  })

  it('falls back to defaults on a broken file, says so, and does not touch the file until a save', () => {
    const d = dir()
    writeFileSync(join(d, 'settings.json'), '{ "speech": { "rate": ')
    const store = new SettingsStore(d)
    expect(store.get()).toEqual(defaultSettings())
    expect(store.notices[0]).toMatch(/could not be read/)
    expect(readFileSync(join(d, 'settings.json'), 'utf8')).toBe('{ "speech": { "rate": ')
    store.update({ theme: 'dark' })
    const aside = readdirSync(d).find((f) => f.startsWith('settings.broken-'))
    expect(aside && readFileSync(join(d, aside), 'utf8')).toBe('{ "speech": { "rate": ')
    expect(new SettingsStore(d).get().theme).toBe('dark')
  })

  it('treats a schema-invalid file like a broken one', () => {
    const d = dir()
    writeFileSync(join(d, 'settings.json'), JSON.stringify({ provider: { baseUrl: 'not a url' } }))
    const store = new SettingsStore(d)
    expect(store.notices[0]).toMatch(/provider\.baseUrl/)
    expect(store.get().provider.baseUrl).toBe(defaultSettings().provider.baseUrl)
  })

  it('ignores prototype-polluting keys in a patch', () => {
    const store = new SettingsStore(dir())
    store.update(JSON.parse('{"__proto__": {"polluted": true}, "theme": "light"}'))
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined()
    expect(store.get().theme).toBe('light')
  })
})
