import { useEffect, useRef } from 'react'
import { shortcutOf, type ShortcutAction } from './shortcuts'

/** Runs `on[action]` for the window's Ctrl/Cmd shortcuts, wherever the focus is. */
export function useShortcuts(on: Record<ShortcutAction, () => void>): void {
  const latest = useRef(on)
  latest.current = on
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const action = shortcutOf(e)
      if (!action) return
      e.preventDefault()
      latest.current[action]()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
