import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import type { EventName, Events } from '@shared/ipc/contract'
import type { TurnEvent } from '@shared/turn-events'
import { mayHear } from '@shared/ipc/page-access'
import type { Caller } from '../ipc/ipc-router'
import { isPageUrl, pageUrl, type PageName } from './renderer-location'

/** The app's own windows: who may call main, and who hears its events. */
export class WindowRegistry {
  private readonly windows = new Map<BrowserWindow, PageName>()
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

  add(win: BrowserWindow, page: PageName): BrowserWindow {
    this.windows.set(win, page)
    win.on('closed', () => this.windows.delete(win))
    return win
  }

  /** The window behind an IPC call, or null unless it is ours and shows the page it was made for. */
  callerOf = (event: IpcMainInvokeEvent): Caller | null => {
    for (const [window, page] of this.windows) {
      if (window.isDestroyed() || window.webContents.id !== event.sender.id) continue
      return isPageUrl(event.senderFrame?.url, pageUrl(page)) ? { window, page } : null
    }
    return null
  }

  /** To every window whose page hears this event (page-access.ts). */
  broadcast<E extends EventName>(event: E, payload: Events[E]): void {
    if (event !== 'turn.events') this.flushTurnEvents()
    for (const [win, page] of this.windows) {
      if (!win.isDestroyed() && mayHear(page, event)) win.webContents.send(event, payload)
    }
  }
}
