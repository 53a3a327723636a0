import type { HotkeyStatus } from '@shared/ipc/settings'
import { Listeners } from '../../engine/listeners'

/**
 * Whether each global hotkey is really registered. The hotkey code reports
 * here (`hotkeyStatus.report(...)`); Settings shows it, so a combination another
 * app owns is visible instead of silently doing nothing.
 */
export class HotkeyStatusBoard {
  private readonly byAction = new Map<HotkeyStatus['action'], HotkeyStatus>()
  private readonly listeners = new Listeners<HotkeyStatus[]>()

  report(status: HotkeyStatus): void {
    this.byAction.set(status.action, status)
    const all = this.all()
    this.listeners.emit(all)
  }

  get(action: HotkeyStatus['action']): HotkeyStatus | undefined {
    return this.byAction.get(action)
  }

  all(): HotkeyStatus[] {
    return [...this.byAction.values()]
  }

  onChange(listener: (all: HotkeyStatus[]) => void): () => void {
    return this.listeners.add(listener)
  }
}

export const hotkeyStatus = new HotkeyStatusBoard()
