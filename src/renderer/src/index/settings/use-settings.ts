import { useCallback, useEffect, useRef, useState } from 'react'
import { Settings } from '@shared/settings'
import { messageOf } from '../../shared/message-of'
import { fieldErrorsOf, type FieldErrors } from './field-errors'

export type SettingsPatch = Record<string, unknown>

/** How long "Saved" stays up after a change. */
const SAVED_SHOWN_MS = 2000

/**
 * The live settings: loaded once, kept current by `settings.changed`, and
 * changed with `save(patch)`, which validates with the shared schema before
 * asking main (which validates again and persists). A refused value is not
 * saved; its field gets a plain-words error until a later save of it works.
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({})
  const [saved, setSaved] = useState(false)
  const savedTimer = useRef<ReturnType<typeof setTimeout>>(undefined)

  useEffect(() => {
    let alive = true
    void window.hark.invoke('settings.get', {}).then(
      (r) => alive && setSettings(r.settings),
      (err: unknown) => alive && setError(messageOf(err))
    )
    const off = window.hark.on('settings.changed', (s) => setSettings(s))
    return () => {
      alive = false
      off()
      clearTimeout(savedTimer.current)
    }
  }, [])

  const showSaved = (): void => {
    setSaved(true)
    clearTimeout(savedTimer.current)
    savedTimer.current = setTimeout(() => setSaved(false), SAVED_SHOWN_MS)
  }

  const save = useCallback(
    async (patch: SettingsPatch): Promise<boolean> => {
      if (!settings) return false
      const touched = leafPaths(patch)
      const keepOthers = (next: FieldErrors): void => setFieldErrors((old) => ({ ...omit(old, touched), ...next }))
      const checked = Settings.safeParse(merge(settings, patch))
      if (!checked.success) {
        keepOthers(fieldErrorsOf(checked.error.issues))
        return false
      }
      try {
        setSettings(await window.hark.invoke('settings.set', patch))
        keepOthers({})
        setError(null)
        showSaved()
        return true
      } catch (err) {
        setError(messageOf(err))
        return false
      }
    },
    [settings]
  )

  return { settings, error, fieldErrors, saved, save }
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(patch)) out[k] = merge(base[k], v)
  return out
}

function leafPaths(patch: unknown, prefix = ''): string[] {
  if (!isObject(patch)) return [prefix]
  return Object.entries(patch).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k))
}

function omit(errors: FieldErrors, paths: string[]): FieldErrors {
  const out = { ...errors }
  for (const p of paths) delete out[p]
  return out
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
