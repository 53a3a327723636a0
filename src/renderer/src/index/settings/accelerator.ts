/**
 * A key press as an Electron accelerator ("CommandOrControl+Shift+K"), or
 * null while only modifiers are down or for a key no accelerator can name.
 * A shortcut needs a modifier, except the function keys.
 */
export function acceleratorFrom(
  e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>
): string | null {
  const key = keyName(e)
  if (!key) return null
  const mods: string[] = []
  if (e.ctrlKey || e.metaKey) mods.push('CommandOrControl')
  if (e.altKey) mods.push('Alt')
  if (e.shiftKey) mods.push('Shift')
  if (mods.length === 0 && !/^F\d{1,2}$/.test(key)) return null
  return [...mods, key].join('+')
}

const NAMED: Record<string, string> = {
  Space: 'Space',
  Enter: 'Enter',
  Tab: 'Tab',
  Backspace: 'Backspace',
  Delete: 'Delete',
  Insert: 'Insert',
  Home: 'Home',
  End: 'End',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  Minus: '-',
  Equal: '=',
  Comma: ',',
  Period: '.',
  Slash: '/',
  Backquote: '`',
  Semicolon: ';',
  Quote: "'",
  BracketLeft: '[',
  BracketRight: ']',
  Backslash: '\\'
}

function keyName(e: Pick<KeyboardEvent, 'code'>): string | null {
  // `code` is the physical key, so Shift+1 records as "Shift+1", not "Shift+!".
  const { code } = e
  if (/^Key[A-Z]$/.test(code)) return code.slice(3)
  if (/^Digit\d$/.test(code)) return code.slice(5)
  if (/^F\d{1,2}$/.test(code)) return code
  return NAMED[code] ?? null
}

const MAC_MODIFIERS: Record<string, string> = {
  CommandOrControl: '⌘',
  CmdOrCtrl: '⌘',
  Command: '⌘',
  Cmd: '⌘',
  Super: '⌘',
  Meta: '⌘',
  Control: '⌃',
  Ctrl: '⌃',
  Alt: '⌥',
  Option: '⌥',
  Shift: '⇧'
}
const OTHER_MODIFIERS: Record<string, string> = {
  CommandOrControl: 'Ctrl',
  CmdOrCtrl: 'Ctrl',
  Control: 'Ctrl',
  Ctrl: 'Ctrl',
  Command: 'Super',
  Cmd: 'Super',
  Super: 'Super',
  Meta: 'Super',
  Alt: 'Alt',
  Option: 'Alt',
  Shift: 'Shift'
}
const ARROWS: Record<string, string> = { Up: '↑', Down: '↓', Left: '←', Right: '→' }

/** An accelerator as the platform writes it: "Ctrl+Shift+Space" on Windows and Linux, "⌘⇧Space" on macOS. */
export function acceleratorLabel(accelerator: string, mac: boolean): string {
  const parts = accelerator.split(/\+(?!$)/).filter(Boolean)
  const names = mac ? MAC_MODIFIERS : OTHER_MODIFIERS
  const label = parts.map((p) => names[p] ?? ARROWS[p] ?? p)
  return label.join(mac ? '' : '+')
}

/** Whether this window runs on macOS (for labels only: nothing security-relevant depends on it). */
export function isMac(): boolean {
  return /Macintosh|Mac OS X/.test(navigator.userAgent)
}
