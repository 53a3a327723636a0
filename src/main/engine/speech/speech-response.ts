import { PCM_RATE } from './speech-endpoint'
import { errorDetail, type HttpLimits } from './speech-http'
import { TtsError } from './speech-types'
import type { PcmFormat } from './wav-player'
import { parseWavStart, type WavStart } from './wav-stream'

/**
 * What a speech response carries, decided before any of it reaches the
 * player: raw PCM written as anything else is loud noise, and a WAV played as
 * PCM plays at the wrong rate. A 200 can carry a JSON error or an HTML page,
 * and a server that ignores `response_format` sends MP3.
 */

/** Compressed audio, by MIME subtype and by its first bytes: a raw player cannot play it. */
const COMPRESSED_TYPES: Record<string, string> = {
  mpeg: 'MP3',
  mp3: 'MP3',
  mpeg3: 'MP3',
  'x-mpeg': 'MP3',
  'x-mp3': 'MP3',
  ogg: 'Ogg',
  opus: 'Opus',
  vorbis: 'Ogg',
  aac: 'AAC',
  aacp: 'AAC',
  'x-aac': 'AAC',
  flac: 'FLAC',
  'x-flac': 'FLAC',
  webm: 'WebM',
  mp4: 'MP4',
  m4a: 'MP4',
  'x-m4a': 'MP4'
}
const SIGNATURES: Array<[string, (head: Buffer) => boolean]> = [
  ['MP3', (h) => h.toString('latin1', 0, 3) === 'ID3'],
  ['Ogg', (h) => h.toString('latin1', 0, 4) === 'OggS'],
  ['FLAC', (h) => h.toString('latin1', 0, 4) === 'fLaC'],
  ['MP4', (h) => h.toString('latin1', 4, 8) === 'ftyp'],
  ['WebM', (h) => h.readUInt32BE(0) === 0x1a45dfa3]
]
/** Labels that say nothing about the bytes: those are judged by their first bytes. */
const OPAQUE_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream'])

/** Enough of the body to tell a WAV, compressed audio or text from raw PCM. */
const SNIFF_BYTES = 16

/**
 * Refuses a response whose content-type says it is neither PCM nor WAV:
 * compressed audio, or anything that is not audio at all (its JSON error
 * message, if any, goes in the error).
 */
export async function refuseNonAudio(
  res: Response,
  origin: string,
  signal: AbortSignal,
  limits: HttpLimits
): Promise<void> {
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (OPAQUE_TYPES.has(type)) return
  const [family, subtype = ''] = type.split('/')
  const codec = family === 'audio' ? COMPRESSED_TYPES[subtype] : undefined
  if (family === 'audio' && !codec) return
  if (codec) {
    void res.body?.cancel().catch(() => {})
    throw compressed(origin, codec)
  }
  const detail = await errorDetail(res, signal, limits)
  const shown = type.replace(/[^\w.+\-/]/g, '').slice(0, 60)
  throw new TtsError(`speech endpoint at ${origin} sent ${shown}, not audio${detail ? `: ${detail}` : ''}`, 'failed')
}

/**
 * The samples of a response's body, with their format told to `onFormat`
 * before the first: a WAV's own wherever one comes (a server may send one
 * where PCM was asked), else OpenAI's raw PCM. Memory is bounded: the first
 * bytes are held only until they tell what they are.
 */
export async function* samplesOf(
  body: AsyncIterable<Buffer>,
  asked: 'pcm' | 'wav',
  origin: string,
  onFormat: (format: PcmFormat) => void
): AsyncGenerator<Buffer> {
  let head: Buffer | null = Buffer.alloc(0)
  for await (const piece of body) {
    if (!head) {
      yield piece
      continue
    }
    head = Buffer.concat([head, piece])
    const start = audioStart(head, asked, origin, false)
    if (!start) continue
    onFormat(start.format)
    if (head.length > start.dataStart) yield head.subarray(start.dataStart)
    head = null
  }
  if (!head) return
  const start = audioStart(head, asked, origin, true)
  if (!start) throw new TtsError(`speech endpoint at ${origin} ended before any audio`, 'failed')
  onFormat(start.format)
  if (head.length > start.dataStart) yield head.subarray(start.dataStart)
}

/** Where the samples start in the first bytes, or null until there are enough (or, at the end, none). */
function audioStart(head: Buffer, asked: 'pcm' | 'wav', origin: string, ended: boolean): WavStart | null {
  if (head.length === 0 || (head.length < SNIFF_BYTES && !ended)) return null
  if (head.toString('latin1', 0, 4) === 'RIFF') return parseWavStart(head)
  const codec = SIGNATURES.find(([, matches]) => head.length >= 8 && matches(head))?.[0]
  if (codec) throw compressed(origin, codec)
  if (looksLikeText(head)) throw new TtsError(`speech endpoint at ${origin} sent text, not audio`, 'failed')
  if (asked === 'wav') return parseWavStart(head)
  return { format: { rate: PCM_RATE, channels: 1 }, dataStart: 0 }
}

/** Printable ASCII throughout: as PCM that would be loud DC from the first sample, which no voice starts with. */
function looksLikeText(head: Buffer): boolean {
  const n = Math.min(head.length, SNIFF_BYTES)
  for (let i = 0; i < n; i++) {
    const b = head[i]!
    if (!(b >= 0x20 && b < 0x7f) && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false
  }
  return n >= 4
}

function compressed(origin: string, codec: string): TtsError {
  return new TtsError(
    `speech endpoint at ${origin} sent ${codec} audio; Hark plays PCM or WAV (is response_format supported?)`,
    'failed'
  )
}
