import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import type { EventName } from '../../shared/ipc/channels'
import type { Events } from '../../shared/ipc/contract'
import { isOwnPageUrl } from './renderer-location'

/** The app's own windows: who may call main, and who hears its events. */
export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>()

  add(win: BrowserWindow): BrowserWindow {
    this.windows.add(win)
    win.on('closed', () => this.windows.delete(win))
    return win
  }

  isTrustedSender = (event: IpcMainInvokeEvent): boolean => {
    const ours = [...this.windows].some((w) => !w.isDestroyed() && w.webContents.id === event.sender.id)
    return ours && isOwnPageUrl(event.senderFrame?.url)
  }

  broadcast<E extends EventName>(event: E, payload: Events[E]): void {
    for (const win of this.windows) {
      if (!win.isDestroyed()) win.webContents.send(event, payload)
    }
  }
}
