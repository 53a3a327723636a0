import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { FakeLlm } from './fake-llm'
import { pump, pumpRepeated } from './hostile-scenarios'
import { parseMultipart } from './multipart'
import type { RouteHandler } from './types'
import { checkWav, type WavReport } from './wav-check'

/**
 * The fake's `POST /v1/audio/transcriptions`. It checks the upload is a valid
 * 16 kHz mono WAV and measures its length and loudness, then transcribes it
 * for real with pocketsphinx, so the question the app asks comes from the
 * audio it recorded. Or, for benchmarks, answers fixed text after a fixed delay.
 * Or, as a hostile service, answers with a transcript of `maxBytes`.
 */

/**
 * A 200 `{"text":"aaa…"}` of about maxBytes once decoded: sent plainly
 * (`huge-json`), or as gzip members that inflate ~1000× (`gzip-bomb`). It
 * stops early when the client closes the connection.
 */
export interface HostileTranscript {
  kind: 'huge-json' | 'gzip-bomb'
  maxBytes: number
}

export interface TranscriptionOptions {
  /** fixed transcript instead of pocketsphinx */
  text?: string
  /** extra latency before answering, like a real service */
  delayMs?: number
  /** and this much more per second of audio: a real service takes longer over a longer upload */
  perSecondMs?: number
  /** answer every upload with this HTTP error instead (a failing speech-to-text service) */
  fail?: { status: number; message: string }
  hostile?: HostileTranscript
}

export interface TranscriptionCall {
  model: string
  language: string
  filename: string
  wav: WavReport
  text: string
  /** ms the server spent, delay and recognition included */
  serverMs: number
}

export interface FakeStt {
  calls: TranscriptionCall[]
  set(opts: TranscriptionOptions): void
}

export function installTranscriptions(fake: FakeLlm, initial: TranscriptionOptions = {}): FakeStt {
  const stt: FakeStt = {
    calls: [],
    set(opts) {
      current = { ...current, ...opts }
    }
  }
  let current = initial
  fake.route(
    'POST /v1/audio/transcriptions',
    transcriptionRoute(() => current, stt.calls)
  )
  return stt
}

function transcriptionRoute(opts: () => TranscriptionOptions, calls: TranscriptionCall[]): RouteHandler {
  return async (req, res, body, record) => {
    const started = performance.now()
    const parts = parseMultipart(body, req.headers['content-type'])
    const field = (name: string) => parts.find((p) => p.name === name)
    const file = field('file')
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(payload))
    }
    if (!file) return reply(400, { error: { message: 'No file part in the upload.', type: 'invalid_request_error' } })
    const wav = checkWav(file.data)
    const call: TranscriptionCall = {
      model: field('model')?.data.toString('utf8') ?? '',
      language: field('language')?.data.toString('utf8') ?? '',
      filename: file.filename ?? '',
      wav,
      text: '',
      serverMs: 0
    }
    calls.push(call)
    record.body = call
    if (!wav.ok)
      return reply(400, {
        error: { message: `Invalid WAV: ${wav.problems.join('; ')}`, type: 'invalid_request_error' }
      })
    const { text, delayMs = 0, perSecondMs = 0, fail, hostile } = opts()
    if (fail) return reply(fail.status, { error: { message: fail.message, type: 'server_error' } })
    if (hostile) return sendHostile(res, hostile)
    const wait = delayMs + (perSecondMs * wav.durationMs) / 1000
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    try {
      call.text = text ?? (await pocketsphinx(file.data, wav))
    } catch (err) {
      return reply(500, {
        error: { message: `fake STT: ${err instanceof Error ? err.message : String(err)}`, type: 'server_error' }
      })
    }
    call.serverMs = performance.now() - started
    reply(200, { text: call.text })
  }
}

async function sendHostile(res: ServerResponse, { kind, maxBytes }: HostileTranscript): Promise<void> {
  const gzip = kind === 'gzip-bomb'
  res.writeHead(200, { 'content-type': 'application/json', ...(gzip ? { 'content-encoding': 'gzip' } : {}) })
  const encode = (text: string): string | Buffer => (gzip ? gzipSync(text) : text)
  const ctx = { res }
  const letters = 'a'.repeat(1024 * 1024)
  // gzip allows members back to back: each is one MB of letters, about 1 KB on the wire
  if (!(await pump(ctx, encode('{"text":"')))) return
  const piece = encode(letters)
  const pieces = Math.ceil(maxBytes / letters.length)
  if (!(await pumpRepeated(ctx, piece, pieces * Buffer.byteLength(piece)))) return
  if (await pump(ctx, encode('"}'))) res.end()
}

async function pocketsphinx(wavFile: Buffer, wav: WavReport): Promise<string> {
  if (wav.sampleRate !== 16_000 || wav.channels !== 1) throw new Error('pocketsphinx needs 16 kHz mono')
  const dir = await mkdtemp(join(tmpdir(), 'fake-stt-'))
  try {
    const path = join(dir, 'x16k.wav')
    await writeFile(path, wavFile)
    return await new Promise((resolve, reject) => {
      execFile(
        'pocketsphinx_continuous',
        ['-infile', path, '-logfn', '/dev/null'],
        { timeout: 30_000, killSignal: 'SIGKILL' },
        (err, stdout) => (err ? reject(err) : resolve(stdout.trim().replace(/\s+/g, ' ')))
      )
    })
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
