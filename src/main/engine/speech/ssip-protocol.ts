import { StringDecoder } from 'node:string_decoder'
import { checkedRate } from './speech-rate'
import { TtsError, type VoiceOptions } from './speech-types'

/**
 * The text side of SSIP, speech-dispatcher's line protocol (its manual,
 * "Speech Synthesis Interface Protocol"): the commands we send, the text
 * block of a SPEAK, and the replies we read. Nothing here touches a socket.
 */

export const CRLF = '\r\n'

/** Notification codes: the message is sounding, has ended, was cancelled. */
export const SSIP_BEGIN = 701
export const SSIP_END = 702
export const SSIP_CANCELED = 703

/** Replies and notifications are short lines; a longer one means the peer is not speaking SSIP. */
const MAX_LINE_BYTES = 4096
/** No reply we send a command for has more lines than this (a voice list would, and we ask for none). */
const MAX_REPLY_LINES = 64

const LANGUAGE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$/

export interface SsipReply {
  /** the three-digit code of the reply's last line */
  code: number
  /** the text after each line's code: data lines first, the human message last */
  lines: string[]
}

/** Each part of a client name may hold only letters, digits, '-' and '_'. */
export function clientNameCommand(user: string): string {
  const safe = user.replace(/[^A-Za-z0-9_-]/g, '_') || 'unknown'
  return `SET self CLIENT_NAME ${safe}:hark:main`
}

/** The SET commands a voice and rate mean; throws a TtsError for a value outside the allow-list. */
export function voiceCommands(opts: VoiceOptions): string[] {
  const commands: string[] = []
  const voice = opts.voice?.trim()
  if (voice) {
    if (!LANGUAGE.test(voice))
      throw new TtsError(`speech-dispatcher voice must be a language code like "en", got "${voice}"`, 'failed')
    commands.push(`SET self LANGUAGE ${voice}`)
  }
  // SSIP's rate runs from -100 to 100; 0.5x..2x maps onto it logarithmically
  const scaled = Math.round(100 * Math.log2(checkedRate(opts.rate ?? 1)))
  commands.push(`SET self RATE ${Math.max(-100, Math.min(100, scaled))}`)
  return commands
}

/**
 * The text block that follows SPEAK's 230 reply: lines ended by CR LF, a
 * line that starts with '.' gets a second one (so no text line can be the
 * lone '.' that ends the block), control characters are dropped, and the
 * closing '.' line follows.
 */
export function speakBlock(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' ? c : ''))
    .split('\n')
    .map((line) => (line.startsWith('.') ? `.${line}` : line))
  return `${lines.join(CRLF)}${CRLF}.${CRLF}`
}

/** The message id SPEAK's 225 reply carries in its first data line. */
export function messageIdOf(reply: SsipReply): string | null {
  const id = reply.lines.length > 1 ? reply.lines[0]?.trim() : undefined
  return id && /^\d{1,12}$/.test(id) ? id : null
}

/**
 * Reads SSIP replies out of a byte stream in bounded memory: a partial line
 * is held up to MAX_LINE_BYTES, a reply up to MAX_REPLY_LINES, and anything
 * that is not `ddd-text` or `ddd text` is a protocol error.
 */
export class SsipReader {
  private readonly decoder = new StringDecoder('utf8')
  private partial = ''
  private lines: string[] = []
  private broken = false

  constructor(
    private readonly onReply: (reply: SsipReply) => void,
    private readonly onError: (err: TtsError) => void
  ) {}

  feed(chunk: Buffer): void {
    if (this.broken) return
    this.partial += this.decoder.write(chunk)
    for (let nl = this.partial.indexOf('\n'); nl >= 0; nl = this.partial.indexOf('\n')) {
      const line = this.partial.slice(0, nl).replace(/\r$/, '')
      this.partial = this.partial.slice(nl + 1)
      if (!this.line(line)) return
    }
    if (Buffer.byteLength(this.partial) > MAX_LINE_BYTES) this.fail('a reply line is too long')
  }

  /** false once the stream is known to be broken: nothing after it is read */
  private line(line: string): boolean {
    const m = /^(\d{3})([- ])(.*)$/.exec(line)
    if (!m || Buffer.byteLength(line) > MAX_LINE_BYTES) return this.fail(`"${line.slice(0, 40)}" is not an SSIP reply`)
    this.lines.push(m[3] ?? '')
    if (m[2] === '-') return this.lines.length <= MAX_REPLY_LINES || this.fail('a reply has too many lines')
    const reply = { code: Number(m[1]), lines: this.lines }
    this.lines = []
    this.onReply(reply)
    return true
  }

  private fail(why: string): false {
    this.broken = true
    this.partial = ''
    this.lines = []
    this.onError(new TtsError(`speech-dispatcher broke the protocol: ${why}`, 'failed'))
    return false
  }
}
