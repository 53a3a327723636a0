import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import type { ServerResponse } from 'node:http'
import type { FakeLlm } from './fake-llm'
import type { RouteHandler } from './types'

/**
 * The fake's `POST /v1/audio/speech`: it synthesises the requested text for
 * real with espeak-ng (text on stdin, never a shell) and streams the audio
 * at a scripted rate after a scripted time to first byte, as raw 24 kHz PCM
 * (`response_format: 'pcm'`) or a streamed WAV with placeholder sizes.
 * Faults are scripted per call. `GET /v1/audio/voices` lists voices.
 */

export type SpeechFault =
  | { kind: 'status'; status: number }
  /** the server destroys the socket after this many audio bytes */
  | { kind: 'drop'; afterBytes: number }
  /** the server stops sending (and keeps the connection open) after this many audio bytes */
  | { kind: 'stall'; afterBytes: number }
  | { kind: 'redirect'; location: string }
  /** 200, but a JSON error body, as some proxies and servers answer */
  | { kind: 'error-as-200'; message: string }
  /** this format whatever `response_format` asked, labelled `contentType` (default: its own type) */
  | { kind: 'sends'; format: 'wav' | 'mp3'; contentType?: string }

export interface FakeSpeechOptions {
  /** ms from the request to the first audio byte (synthesis included) */
  ttfbMs?: number
  /** how many times faster than playback the audio is sent */
  realtime?: number
  /** ms of audio per written piece */
  chunkMs?: number
  /** ms of near-silence (a faint hiss, as neural voices pad) before and after the speech */
  leadSilenceMs?: number
  tailSilenceMs?: number
  /** the fault for call n (0-based) asking for `input`, if any */
  fault?: (call: number, input: string) => SpeechFault | null
  voices?: string[]
}

export interface SpeechCall {
  body: Record<string, unknown>
  authorization: string | undefined
  /** performance.now() of the request, of its first audio byte, of its last */
  at: number
  firstByteAt: number | null
  endAt: number | null
  bytes: number
  /** the client closed the connection before all the audio was sent */
  closedEarly: boolean
}

export interface FakeSpeech {
  calls: SpeechCall[]
  set(opts: FakeSpeechOptions): void
}

const PCM_RATE = 24_000
const CONTENT_TYPES = { pcm: 'audio/pcm', wav: 'audio/wav', mp3: 'audio/mpeg' } as const

export function installSpeech(fake: FakeLlm, initial: FakeSpeechOptions = {}): FakeSpeech {
  let current: FakeSpeechOptions = initial
  const speech: FakeSpeech = {
    calls: [],
    set(opts) {
      current = { ...current, ...opts }
    }
  }
  fake.route(
    'POST /v1/audio/speech',
    speechRoute(() => current, speech.calls)
  )
  fake.route('GET /v1/audio/voices', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ voices: current.voices ?? ['en', 'en-us', 'en-gb'] }))
  })
  return speech
}

function speechRoute(opts: () => FakeSpeechOptions, calls: SpeechCall[]): RouteHandler {
  return async (req, res, _raw, record) => {
    const body = (record.body && typeof record.body === 'object' ? record.body : {}) as Record<string, unknown>
    const call: SpeechCall = {
      body,
      authorization: req.headers.authorization,
      at: performance.now(),
      firstByteAt: null,
      endAt: null,
      bytes: 0,
      closedEarly: false
    }
    const n = calls.push(call) - 1
    const { ttfbMs = 0, realtime = 4, chunkMs = 40, fault: faultFor, leadSilenceMs = 0, tailSilenceMs = 0 } = opts()
    const input = typeof body['input'] === 'string' ? body['input'] : ''
    const fault = faultFor?.(n, input) ?? null
    res.on('close', () => (call.closedEarly = call.endAt === null))
    if (fault?.kind === 'redirect') return void res.writeHead(307, { location: fault.location }).end()
    if (fault?.kind === 'status') return jsonError(res, fault.status, 'scripted failure')
    if (fault?.kind === 'error-as-200') return jsonError(res, 200, fault.message)
    if (!input.trim()) return jsonError(res, 400, 'input is required')
    const format = fault?.kind === 'sends' ? fault.format : body['response_format'] === 'wav' ? 'wav' : 'pcm'
    let audio: Buffer
    try {
      const spoken = padded(await espeak(input), leadSilenceMs, tailSilenceMs)
      audio = format === 'wav' ? streamedWav(spoken) : format === 'mp3' ? fakeMp3(spoken) : toPcm24k(spoken)
    } catch (err) {
      return jsonError(res, 500, `fake speech: ${(err as Error).message}`)
    }
    const bytesPerMs = (format === 'wav' ? audio.readUInt32LE(28) : PCM_RATE * 2) / 1000
    await sleepUnlessClosed(res, ttfbMs - (performance.now() - call.at))
    if (res.destroyed) return
    const contentType = (fault?.kind === 'sends' && fault.contentType) || CONTENT_TYPES[format]
    res.writeHead(200, { 'content-type': contentType })
    const step = Math.max(2, Math.round(bytesPerMs * chunkMs) & ~1)
    for (let at = 0; at < audio.length && !res.destroyed; at += step) {
      const piece = audio.subarray(at, at + step)
      if (fault?.kind === 'drop' && call.bytes + piece.length > fault.afterBytes) return void res.destroy()
      if (fault?.kind === 'stall' && call.bytes + piece.length > fault.afterBytes) return // never ends
      res.write(piece)
      call.firstByteAt ??= performance.now()
      call.bytes += piece.length
      await sleepUnlessClosed(res, chunkMs / realtime)
    }
    if (res.destroyed) return
    call.endAt = performance.now()
    res.end()
  }
}

function jsonError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify({ error: { message, type: 'server_error' } }))
}

function sleepUnlessClosed(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0 || res.destroyed) return resolve()
    const done = (): void => {
      clearTimeout(timer)
      res.off('close', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    res.on('close', done)
  })
}

/** espeak-ng's WAV (22,050 Hz mono) for the text, which goes on stdin. */
function espeak(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('espeak-ng', ['--stdout', '--stdin'], { stdio: 'pipe' })
    const out: Buffer[] = []
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.stdout.on('data', (d: Buffer) => out.push(d))
    child.once('error', (err) => reject(new Error(`espeak-ng: ${err.message} (apt-get install espeak-ng)`)))
    child.once('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolve(Buffer.concat(out))
      else reject(new Error(`espeak-ng exited with ${code}`))
    })
    child.stdin.end(text)
  })
}

const HEADER = 44

/** The WAV with a faint hiss (|sample| ≤ 30 of 32767) around its samples. */
function padded(wav: Buffer, leadMs: number, tailMs: number): Buffer {
  if (leadMs <= 0 && tailMs <= 0) return wav
  const rate = wav.readUInt32LE(24)
  const hiss = (ms: number): Buffer => {
    const b = Buffer.alloc(Math.round((rate * ms) / 1000) * 2)
    for (let i = 0; i < b.length / 2; i++) b.writeInt16LE(((i * 7919) % 61) - 30, i * 2)
    return b
  }
  return Buffer.concat([wav.subarray(0, HEADER), hiss(leadMs), wav.subarray(HEADER), hiss(tailMs)])
}

/** Resampled to OpenAI's pcm: 24 kHz 16-bit mono, no header. */
function toPcm24k(wav: Buffer): Buffer {
  const rate = wav.readUInt32LE(24)
  const inSamples = Math.floor((wav.length - HEADER) / 2)
  const outSamples = Math.floor((inSamples * PCM_RATE) / rate)
  const out = Buffer.alloc(outSamples * 2)
  for (let i = 0; i < outSamples; i++) {
    const pos = (i * rate) / PCM_RATE
    const j = Math.min(inSamples - 1, Math.floor(pos))
    const k = Math.min(inSamples - 1, j + 1)
    const frac = pos - j
    const v = wav.readInt16LE(HEADER + 2 * j) * (1 - frac) + wav.readInt16LE(HEADER + 2 * k) * frac
    out.writeInt16LE(Math.round(v), 2 * i)
  }
  return out
}

/** As streaming servers send a WAV: sizes unknown, so placeholders. */
function streamedWav(wav: Buffer): Buffer {
  const out = Buffer.from(wav)
  out.writeUInt32LE(0xffffffff, 4)
  out.writeUInt32LE(0xffffffff, 40)
  return out
}

/**
 * Bytes shaped like an MP3 (an ID3 tag, then MPEG frame headers over the
 * samples), as long as the PCM would be: what matters is that they are
 * refused before any is played. No MP3 encoder is installed here.
 */
function fakeMp3(wav: Buffer): Buffer {
  const out = Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), toPcm24k(wav)])
  for (let at = 10; at + 4 <= out.length; at += 417) out.writeUInt32BE(0xfffb9064, at)
  return out
}
