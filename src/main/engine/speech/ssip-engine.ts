import { existsSync } from 'node:fs'
import { timeoutForText } from './run-process'
import { describeAddress, ssipAddress, type SsipAddress } from './ssip-address'
import { SsipConnection, type SsipEvent } from './ssip-connection'
import { SSIP_BEGIN, SSIP_CANCELED, SSIP_END, voiceCommands } from './ssip-protocol'
import { cleanSpeechText, hasWord } from './speech-text'
import { TtsError, type SpeakOptions, type TtsEngine } from './speech-types'

const SPD_HINT = 'Install it with: sudo apt-get install speech-dispatcher'

export interface SsipEngineOptions {
  /** where the daemon listens (default: as libspeechd finds it) */
  address?: () => SsipAddress | null
  /** how long the daemon may take to answer one command (default 3 s) */
  replyTimeoutMs?: number
  /** the connection is closed after this long without speech (default 60 s) */
  idleMs?: number
  exists?: (path: string) => boolean
}

/** Notifications of other messages that may come before SPEAK's reply names ours. */
const EARLY_EVENTS = 16

/**
 * The desktop's speech-dispatcher, spoken to over its socket (SSIP), as
 * screen readers do, through one connection kept across utterances.
 * `onSound` fires on the daemon's BEGIN notification (its audio is playing),
 * speak() resolves on END; Stop sends `CANCEL self`. Nothing is spawned:
 * model text only ever travels as SSIP text lines (ssip-protocol.ts).
 */
export class SsipEngine implements TtsEngine {
  readonly name = 'spd-say'
  private live: SsipConnection | null = null
  private opening: Promise<SsipConnection> | null = null
  /** the SET commands the live connection last got, so unchanged settings are not sent again */
  private voiceSent = ''
  private idle: NodeJS.Timeout | null = null
  /** utterances in flight: the idle close waits for them */
  private speaking = 0
  private readonly address: () => SsipAddress | null
  private readonly replyTimeoutMs: number
  private readonly idleMs: number
  private readonly exists: (path: string) => boolean

  constructor(opts: SsipEngineOptions = {}) {
    this.address = opts.address ?? (() => ssipAddress())
    this.replyTimeoutMs = opts.replyTimeoutMs ?? 3000
    this.idleMs = opts.idleMs ?? 60_000
    this.exists = opts.exists ?? existsSync
  }

  async check(): Promise<string | null> {
    const address = this.address()
    if (!address) return `speech-dispatcher's address is unknown (XDG_RUNTIME_DIR is not set). ${SPD_HINT}`
    if (address.kind === 'unix' && !this.exists(address.path))
      return `speech-dispatcher is not running (no socket at ${describeAddress(address)}). ${SPD_HINT}`
    return null
  }

  /** Connect ahead of the first sentence, so the answer does not wait for the daemon's greeting. */
  warm(): void {
    this.connection().then(
      () => this.armIdle(),
      () => {}
    )
  }

  async speak(text: string, opts: SpeakOptions): Promise<void> {
    const clean = cleanSpeechText(text)
    if (!hasWord(clean)) return
    const commands = voiceCommands(opts)
    if (opts.signal.aborted) throw new TtsError('speech-dispatcher was stopped', 'aborted')
    const reused = this.live !== null && !this.live.closed
    let queued = false
    const attempt = async (): Promise<void> => {
      this.speaking++
      try {
        const connection = await this.connection()
        await this.setVoice(connection, commands)
        await say(connection, clean, opts, () => (queued = true))
      } finally {
        this.speaking--
        this.armIdle()
      }
    }
    try {
      await attempt()
    } catch (err) {
      // a kept connection the daemon closed while idle fails on first use: one fresh try, unless ours was queued
      if (!reused || queued || !this.live?.closed || opts.signal.aborted) throw err
      await attempt()
    }
  }

  private async setVoice(connection: SsipConnection, commands: string[]): Promise<void> {
    const key = commands.join('\n')
    if (this.voiceSent === key) return
    for (const command of commands) await connection.command(command)
    this.voiceSent = key
  }

  private connection(): Promise<SsipConnection> {
    if (this.idle) clearTimeout(this.idle)
    if (this.live && !this.live.closed) return Promise.resolve(this.live)
    this.opening ??= this.open().finally(() => (this.opening = null))
    return this.opening
  }

  private async open(): Promise<SsipConnection> {
    const address = this.address()
    if (!address) throw new TtsError("speech-dispatcher's address is unknown (XDG_RUNTIME_DIR is not set)", 'failed')
    const connection = await SsipConnection.open(address, { replyTimeoutMs: this.replyTimeoutMs })
    this.live = connection
    this.voiceSent = ''
    return connection
  }

  private armIdle(): void {
    if (this.idle) clearTimeout(this.idle)
    this.idle = setTimeout(() => this.speaking === 0 && this.live?.close(), this.idleMs)
    this.idle.unref()
  }
}

/** One message, from SPEAK until its END (or a cancel, a stop, a lost connection, a timeout), settled once. */
function say(connection: SsipConnection, text: string, opts: SpeakOptions, onQueued: () => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (opts.signal.aborted) return reject(new TtsError('speech-dispatcher was stopped', 'aborted'))
    let id: string | null = null
    let settled = false
    const early: SsipEvent[] = []
    const cancel = (): void => void connection.command('CANCEL self').catch(() => {})
    const finish = (err: TtsError | null): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      offEvent()
      offClose()
      opts.signal.removeEventListener('abort', onAbort)
      if (err) reject(err)
      else resolve()
    }
    const handle = (e: SsipEvent): void => {
      if (settled || e.msgId !== id) return
      if (e.code === SSIP_BEGIN) opts.onSound?.()
      else if (e.code === SSIP_END) finish(null)
      // not our Stop (that settled already): the daemon dropped it, for another program's speech, say
      else if (e.code === SSIP_CANCELED) finish(new TtsError('speech-dispatcher cancelled the sentence', 'failed'))
    }
    const onAbort = (): void => {
      cancel()
      finish(new TtsError('speech-dispatcher was stopped', 'aborted'))
    }
    const offEvent = connection.onEvent((e) => (id === null ? early.length < EARLY_EVENTS && early.push(e) : handle(e)))
    const offClose = connection.onClose(finish)
    const limitMs = timeoutForText(text, opts.rate)
    const timer = setTimeout(() => {
      cancel()
      finish(
        new TtsError(`speech-dispatcher did not finish the sentence within ${Math.round(limitMs / 1000)} s`, 'failed')
      )
    }, limitMs)
    opts.signal.addEventListener('abort', onAbort, { once: true })
    connection.speak(text).then((msgId) => {
      id = msgId
      onQueued()
      early.splice(0).forEach(handle)
    }, finish)
  })
}
