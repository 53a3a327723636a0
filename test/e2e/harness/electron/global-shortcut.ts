import { asUserEvent } from './user-event'

/**
 * globalShortcut with real registration semantics (one owner per accelerator,
 * register returns false when taken) and a test-side trigger. A test can make
 * an accelerator unavailable, as when another program owns it.
 */

/** normalized accelerator -> the app's own spelling and its callback */
const registered = new Map<string, { accelerator: string; callback: () => void }>()

const aliases: Record<string, string> = {
  // On Linux CommandOrControl is Control.
  cmdorctrl: 'control',
  commandorcontrol: 'control',
  ctrl: 'control',
  cmd: 'command',
  option: 'alt',
  return: 'enter',
  esc: 'escape'
}

/** 'CmdOrCtrl+Shift+Space' and 'shift+Control+space' are the same keys on Linux. */
function normalize(accelerator: string): string {
  const parts = accelerator.split('+').map((p) => p.trim().toLowerCase())
  const key = parts.pop() ?? ''
  const mods = parts.map((p) => aliases[p] ?? p).sort()
  return [...mods, aliases[key] ?? key].join('+')
}

const taken = new Set<string>(
  (process.env['HARK_HARNESS_TAKEN_SHORTCUTS'] ?? '').split(',').filter(Boolean).map(normalize)
)

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    const key = normalize(accelerator)
    if (taken.has(key) || registered.has(key)) return false
    registered.set(key, { accelerator, callback })
    return true
  },
  registerAll(accelerators: string[], callback: () => void): void {
    for (const a of accelerators) globalShortcut.register(a, callback)
  },
  isRegistered(accelerator: string): boolean {
    return registered.has(normalize(accelerator))
  },
  unregister(accelerator: string): void {
    registered.delete(normalize(accelerator))
  },
  unregisterAll(): void {
    registered.clear()
  }
}

export const shortcutControl = {
  /** as the app spelled them */
  registered: (): string[] => [...registered.values()].map((r) => r.accelerator),
  /** As if the user pressed the keys: throws when nothing is registered for them. */
  trigger(accelerator: string): void {
    const entry = registered.get(normalize(accelerator))
    if (!entry)
      throw new Error(
        `no global shortcut registered for '${accelerator}' (have: ${shortcutControl.registered().join(', ') || 'none'})`
      )
    asUserEvent(entry.callback)
  },
  take(accelerator: string): void {
    taken.add(normalize(accelerator))
  }
}
