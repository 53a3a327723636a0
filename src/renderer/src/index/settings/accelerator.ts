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

export type KeyPlatform = 'mac' | 'other'

/** The platform as the renderer sees it: only macOS writes shortcuts differently. */
export function keyPlatform(): KeyPlatform {
  return /Mac/i.test(navigator.platform || navigator.userAgent) ? 'mac' : 'other'
}

const MAC_SYMBOL: Record<string, string> = {
  CommandOrControl: '⌘',
  CmdOrCtrl: '⌘',
  Command: '⌘',
  Cmd: '⌘',
  Control: '⌃',
  Ctrl: '⌃',
  Alt: '⌥',
  Option: '⌥',
  Shift: '⇧',
  Super: '⌘',
  Meta: '⌘'
}

const OTHER_NAME: Record<string, string> = {
  CommandOrControl: 'Ctrl',
  CmdOrCtrl: 'Ctrl',
  Control: 'Ctrl',
  Command: 'Super',
  Cmd: 'Super',
  Meta: 'Super'
}

/**
 * An Electron accelerator written as the platform writes shortcuts:
 * "Ctrl+Shift+Space" on Linux and Windows, "⌘⇧Space" on macOS.
 */
export function acceleratorLabel(accelerator: string, platform: KeyPlatform = keyPlatform()): string {
  if (!accelerator) return ''
  const parts = accelerator.split(/\+(?!$)/)
  if (platform === 'mac') return parts.map((p) => MAC_SYMBOL[p] ?? p).join('')
  return parts.map((p) => OTHER_NAME[p] ?? p).join('+')
}

/** The app's own shortcut for a key, as the platform writes it ("Ctrl+K", "⌘K"). */
export function shortcutLabel(key: string, platform: KeyPlatform = keyPlatform()): string {
  return acceleratorLabel(`CommandOrControl+${key}`, platform)
}
