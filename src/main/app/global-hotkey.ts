import { globalShortcut } from 'electron'

/**
 * One global shortcut bound to a setting. Registration fails when another app
 * owns the combination or the accelerator is malformed; the user is told
 * through `notify` instead of the hotkey silently doing nothing.
 */
export class GlobalHotkey {
  private current: string | null = null

  constructor(
    private readonly label: string,
    private readonly callback: () => void,
    private readonly notify: (message: string) => void
  ) {}

  get accelerator(): string | null {
    return this.current
  }

  /** Binds `accelerator` (empty: none), replacing the previous binding. */
  bind(accelerator: string): boolean {
    const wanted = accelerator.trim()
    if (wanted === this.current) return true
    this.unbind()
    if (!wanted) return true
    let ok = false
    try {
      ok = globalShortcut.register(wanted, this.callback)
    } catch (err) {
      // Electron throws on accelerators it cannot parse.
      this.notify(`The ${this.label} hotkey "${wanted}" is not a valid shortcut: ${err instanceof Error ? err.message : String(err)}`)
      return false
    }
    if (!ok) {
      this.notify(`The ${this.label} hotkey ${wanted} could not be registered: another application may be using it. Choose another in Settings.`)
      return false
    }
    this.current = wanted
    return true
  }

  unbind(): void {
    if (this.current) globalShortcut.unregister(this.current)
    this.current = null
  }
}
