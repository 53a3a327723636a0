import { globalShortcut } from 'electron'
import type { Settings } from '@shared/settings'
import type { HotkeyBinding } from '@shared/ipc/settings'

/**
 * One global shortcut bound to a setting. Registration fails when another app
 * owns the combination or the accelerator is malformed; the user is told
 * through `notify` instead of the hotkey silently doing nothing.
 */
export class GlobalHotkey {
  private current: string | null = null
  /** the last outcome of bind: asking for the same accelerator again returns it, untouched */
  private last: HotkeyBinding | null = null

  constructor(
    private readonly label: string,
    private readonly callback: () => void,
    private readonly notify: (message: string) => void
  ) {}

  /** the registered accelerator, null when none is (failed or unset) */
  get accelerator(): string | null {
    return this.current
  }

  /**
   * Binds `accelerator` (empty: none), replacing the previous binding. The
   * accelerator last asked for is not bound again, even after a failure:
   * retrying on every settings change would repeat the warning each time.
   */
  bind(accelerator: string): HotkeyBinding {
    const wanted = accelerator.trim()
    if (this.last?.accelerator === wanted) return this.last
    this.unbind()
    this.last = this.register(wanted)
    if (this.last.error) this.notify(this.last.error)
    return this.last
  }

  unbind(): void {
    if (this.current) globalShortcut.unregister(this.current)
    this.current = null
    this.last = null
  }

  private register(wanted: string): HotkeyBinding {
    if (!wanted) return { accelerator: wanted, registered: false }
    try {
      if (!globalShortcut.register(wanted, this.callback)) {
        const error = `The ${this.label} hotkey ${wanted} could not be registered: another application may be using it. Choose another in Settings.`
        return { accelerator: wanted, registered: false, error }
      }
    } catch (err) {
      // Electron throws on accelerators it cannot parse.
      const error = `The ${this.label} hotkey "${wanted}" is not a valid shortcut: ${err instanceof Error ? err.message : String(err)}`
      return { accelerator: wanted, registered: false, error }
    }
    this.current = wanted
    return { accelerator: wanted, registered: true }
  }
}

export interface SettingsSource {
  get(): Settings
  onChange(listener: (s: Settings) => void): () => void
}

/**
 * Keeps `hotkey` bound to the accelerator `pick` reads from the settings,
 * binding again only when that value changes (a theme change must not retry a
 * failed hotkey and warn again). `onBound` hears each new outcome, the first
 * one before this returns. The returned function stops following and unbinds.
 */
export function followHotkeySetting(
  hotkey: GlobalHotkey,
  settings: SettingsSource,
  pick: (s: Settings) => string,
  onBound: (binding: HotkeyBinding) => void
): () => void {
  let shown: HotkeyBinding | null = null
  const apply = (s: Settings): void => {
    const binding = hotkey.bind(pick(s))
    if (binding === shown) return
    shown = binding
    onBound(binding)
  }
  apply(settings.get())
  const unsubscribe = settings.onChange(apply)
  return () => {
    unsubscribe()
    hotkey.unbind()
  }
}
