import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { Settings, defaultSettings } from '@shared/settings'
import { writeFileAtomic } from './atomic-file'
import { describeStorageError, isFileSystemError, withoutBom } from './storage-error'
import { Listeners } from '../../engine/listeners'

/**
 * settings.json in userData. A file that fails to parse is never overwritten
 * silently: Hark runs on defaults, says so, and moves the broken file aside
 * only when the user saves new settings.
 */
export class SettingsStore {
  private current: Settings
  private brokenFile = false
  readonly notices: string[] = []
  private readonly listeners = new Listeners<Settings>()

  constructor(private readonly dir: string) {
    this.current = this.load()
  }

  get path(): string {
    return join(this.dir, 'settings.json')
  }

  get(): Settings {
    return this.current
  }

  onChange(listener: (s: Settings) => void): () => void {
    return this.listeners.add(listener)
  }

  /** Deep-merges a patch, validates the whole, persists, notifies. Throws a readable Error if invalid. */
  update(patch: Record<string, unknown>): Settings {
    const merged = deepMerge(this.current as unknown as Record<string, unknown>, patch)
    const parsed = Settings.safeParse(merged)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new Error(`Invalid setting ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'rejected'}`)
    }
    if (this.brokenFile) this.quarantine()
    writeFileAtomic(this.path, JSON.stringify(parsed.data, null, 2))
    this.current = parsed.data
    this.listeners.emit(parsed.data)
    return parsed.data
  }

  private load(): Settings {
    if (!existsSync(this.path)) return defaultSettings()
    try {
      const parsed = Settings.safeParse(JSON.parse(withoutBom(readFileSync(this.path, 'utf8'))))
      if (parsed.success) return parsed.data
      const issue = parsed.error.issues[0]
      return this.fallBack(`${issue?.path.join('.') ?? 'a value'} is invalid (${issue?.message ?? ''})`)
    } catch (err) {
      return this.fallBack(describeStorageError(err), isFileSystemError(err))
    }
  }

  /** An unreadable (EACCES) file is not broken: it is never moved aside, and saving will say why it fails. */
  private fallBack(reason: string, unreadable = false): Settings {
    this.brokenFile = !unreadable
    this.notices.push(
      `Your settings file could not be read (${reason}). Hark is using defaults; the file is kept as it is until you save settings.`
    )
    return defaultSettings()
  }

  private quarantine(): void {
    const aside = join(this.dir, `settings.broken-${Date.now()}.json`)
    renameSync(this.path, aside)
    this.notices.push(`The unreadable settings file was kept as ${aside}.`)
    this.brokenFile = false
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function deepMerge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue
    out[key] = isPlainObject(value) && isPlainObject(base[key]) ? deepMerge(base[key], value) : value
  }
  return out
}
