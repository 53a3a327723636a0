import { EventEmitter } from 'node:events'
import type { FakeWebContents } from './web-contents'

/** What a page sent through ipcRenderer, as the binding delivers it. */
export interface PageMessage {
  kind: 'invoke' | 'send'
  channel: string
  args: unknown[]
}

export type InvokeResult = { ok: true; value: unknown } | { ok: false; message: string }

type Handler = (event: IpcMainEvent, ...args: unknown[]) => unknown

/** The event object Electron hands to ipcMain listeners and handlers. */
export interface IpcMainEvent {
  sender: FakeWebContents
  senderFrame: { url: string; name: string; routingId: number; processId: number }
  frameId: number
  processId: number
  returnValue: unknown
  ports: never[]
  reply(channel: string, ...args: unknown[]): void
  preventDefault(): void
}

/** ipcMain: one handler per channel for invoke, EventEmitter listeners for send. */
export class FakeIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, Handler>()

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
    this.handlers.set(channel, handler)
  }

  handleOnce(channel: string, handler: Handler): void {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel)
      return handler(event, ...args)
    })
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** Called by the page binding: route one renderer message like Electron does. */
  async receive(sender: FakeWebContents, frameUrl: string, msg: PageMessage): Promise<InvokeResult | undefined> {
    const event = ipcEvent(sender, frameUrl)
    if (msg.kind === 'send') {
      this.emit(msg.channel, event, ...msg.args)
      return undefined
    }
    const handler = this.handlers.get(msg.channel)
    if (!handler) return { ok: false, message: `No handler registered for '${msg.channel}'` }
    try {
      return { ok: true, value: await handler(event, ...msg.args) }
    } catch (err) {
      // Electron logs the error in main and rejects the renderer's promise with its message.
      console.error(`Error occurred in handler for '${msg.channel}':`, err)
      return { ok: false, message: err instanceof Error ? `${err.name}: ${err.message}` : String(err) }
    }
  }
}

function ipcEvent(sender: FakeWebContents, url: string): IpcMainEvent {
  return {
    sender,
    senderFrame: { url, name: '', routingId: 1, processId: sender.id },
    frameId: 1,
    processId: sender.id,
    returnValue: undefined,
    ports: [],
    reply: (channel, ...args) => sender.send(channel, ...args),
    preventDefault: () => undefined
  }
}

export const ipcMain = new FakeIpcMain()
