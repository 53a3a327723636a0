import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import type { EventName } from '@shared/ipc/channels'
import type { Events } from '@shared/ipc/contract'
import type { TurnEvent } from '@shared/turn-events'
import { isOwnPageUrl } from './renderer-location'

/** The app's own windows: who may call main, and who hears its events. */
export class WindowRegistry {
  private readonly windows = new Set<BrowserWindow>()
  private flushTurnEvents: () => void = () => {}

  /**
   * Turn events travel in per-frame batches; anything else sent later must not
   * overtake them (a window reloading a conversation before it has the turn's
   * last text would show it cut short), so other events flush the batch first.
   */
  sendTurnEventsThrough(batcher: { emit: (e: TurnEvent) => void; flush: () => void }): (e: TurnEvent) => void {
    this.flushTurnEvents = batcher.flush
    return batcher.emit
  }

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
    if (event !== 'turn.events') this.flushTurnEvents()
    for (const win of this.windows) {
      if (!win.isDestroyed()) win.webContents.send(event, payload)
    }
  }
}
