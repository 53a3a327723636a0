import { shortcutLabel } from '../settings/accelerator'

/** The main window's own shortcuts: one list, read by the key handler and the help overlay. */
export type ShortcutAction = 'new' | 'search' | 'settings' | 'help'

export const SHORTCUTS: ReadonlyArray<{ action: ShortcutAction; key: string; what: string }> = [
  { action: 'new', key: 'N', what: 'New conversation' },
  { action: 'search', key: 'K', what: 'Search conversations' },
  { action: 'settings', key: ',', what: 'Open Settings' },
  { action: 'help', key: '/', what: 'Show these shortcuts' }
]

/** Keys that are not Ctrl/Cmd combinations, listed in the help overlay too. */
export const OTHER_KEYS: ReadonlyArray<{ keys: string; what: string }> = [
  { keys: 'Enter', what: 'Ask' },
  { keys: 'Shift+Enter', what: 'New line in the question' },
  { keys: 'Esc', what: 'Stop the answer, or close Settings and this overlay' },
  { keys: 'Tab', what: 'Move between buttons and fields' }
]

/** The action a key press asks for: Ctrl (Cmd on macOS) with N, K, comma or slash. */
export function shortcutOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): ShortcutAction | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  const key = e.key.length === 1 ? e.key.toUpperCase() : e.key
  return SHORTCUTS.find((s) => s.key === key)?.action ?? null
}

export const labelOf = (key: string): string => shortcutLabel(key)
