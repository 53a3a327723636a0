import { portalIdentity } from './desktop-identity'
import { currentProfile } from './profile'
import { record } from './recorder'
import { asUserEvent } from './user-event'

/**
 * globalShortcut with real registration semantics (one owner per accelerator,
 * register returns false when taken) and a test-side trigger. A test can make
 * an accelerator unavailable, as when another program owns it.
 *
 * Under a profile whose shortcuts go through the desktop portal (Wayland),
 * register() returns true whatever happens next, and a key press reaches the
 * app only if the portal knows the app: its desktop name names an installed
 * .desktop file (electron#52218). Otherwise the press is lost, silently.
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

const viaPortal = (): boolean => currentProfile().shortcuts.mechanism === 'portal'

const taken = new Set<string>(
  (process.env['HARK_HARNESS_TAKEN_SHORTCUTS'] ?? '').split(',').filter(Boolean).map(normalize)
)

export const globalShortcut = {
  register(accelerator: string, callback: () => void): boolean {
    const key = normalize(accelerator)
    if (registered.has(key)) return false
    if (taken.has(key) && !viaPortal()) return false
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
    if (viaPortal()) {
      const identity = portalIdentity()
      if (!identity.installed) return record('globalShortcut.portal.refused', accelerator, identity.appId)
    }
    asUserEvent(entry.callback)
  },
  take(accelerator: string): void {
    taken.add(normalize(accelerator))
  }
}
