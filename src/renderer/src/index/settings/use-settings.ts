import { useCallback, useEffect, useState } from 'react'
import { Settings } from '@shared/settings'
import { messageOf } from '../../shared/message-of'

export type SettingsPatch = Record<string, unknown>

/**
 * The live settings: loaded once, kept current by `settings.changed`, and
 * changed with `save(patch)`, which validates with the shared schema before
 * asking main (which validates again and persists).
 */
export function useSettings() {
  const [settings, setSettings] = useState<Settings | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [savedAt, setSavedAt] = useState(0)

  useEffect(() => {
    let alive = true
    void window.hark.invoke('settings.get', {}).then(
      (r) => alive && setSettings(r.settings),
      (err: unknown) => alive && setError(String(err instanceof Error ? err.message : err))
    )
    const off = window.hark.on('settings.changed', (s) => setSettings(s))
    return () => {
      alive = false
      off()
    }
  }, [])

  const save = useCallback(
    async (patch: SettingsPatch): Promise<boolean> => {
      if (!settings) return false
      const checked = Settings.safeParse(merge(settings, patch))
      if (!checked.success) {
        const issue = checked.error.issues[0]
        setError(`${issue?.path.join('.') ?? 'A value'}: ${issue?.message ?? 'is not valid'}`)
        return false
      }
      try {
        setSettings(await window.hark.invoke('settings.set', patch))
        setError(null)
        setSavedAt(Date.now())
        return true
      } catch (err) {
        setError(messageOf(err))
        return false
      }
    },
    [settings]
  )

  return { settings, error, savedAt, save }
}

function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(patch)) out[k] = merge(base[k], v)
  return out
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
