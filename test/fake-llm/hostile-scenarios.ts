import { gzipSync } from 'node:zlib'
import { answerEvents, sendEvents } from './answer'
import { encodeEvent, plainFraming, startSse } from './sse'
import type { ChatContext, Scenario } from './types'

/**
 * Endpoints that are hostile or badly broken: bodies that never end, grow
 * without limit, drip, or stop short. Each sends a little real answer first
 * (so a client can show it kept the partial text), then misbehaves until the
 * client goes away, or until HOSTILE_MAX_BYTES, so a test can never fill the machine.
 */

const HOSTILE_MAX_BYTES = 2 * 1024 ** 3
const MiB = 1024 * 1024

/** Write with backpressure; false once the client has gone. */
export function pump({ res }: Pick<ChatContext, 'res'>, data: string | Buffer): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return Promise.resolve(false)
  if (res.write(data)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off('drain', drained)
      res.off('close', closed)
      resolve(ok)
    }
    const drained = () => done(true)
    const closed = () => done(false)
    res.on('drain', drained)
    res.on('close', closed)
  })
}

/** Send the same bytes again and again until maxBytes are sent; false once the client has gone. */
export async function pumpRepeated(
  ctx: Pick<ChatContext, 'res'>,
  piece: string | Buffer,
  maxBytes: number
): Promise<boolean> {
  const size = Buffer.byteLength(piece)
  for (let sent = 0; sent < maxBytes; sent += size) if (!(await pump(ctx, piece))) return false
  return true
}

/** Send the same bytes again and again until the client goes away (or the safety cap). */
async function repeat(ctx: ChatContext, piece: string | Buffer): Promise<void> {
  if (await pumpRepeated(ctx, piece, HOSTILE_MAX_BYTES)) ctx.res.end()
}

/** The first ~40% of the answer, as event payloads. */
function partialPayloads(ctx: ChatContext): string[] {
  const { head, content } = answerEvents(ctx)
  return [...head, ...content.slice(0, Math.max(1, Math.ceil(content.length * 0.4)))]
}

/** Headers and the first ~40% of the answer as ordinary events. */
async function beginAnswer(ctx: ChatContext): Promise<boolean> {
  startSse(ctx.res)
  return sendEvents(ctx, partialPayloads(ctx))
}

/** A chunk whose content is one word, wrapped like a real delta. */
const wordEvent = (word: string, pad = '') =>
  encodeEvent(
    JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: word } }], pad }),
    plainFraming
  )

/** The whole of a huge JSON body, generated as it is sent: `{"choices":[{"message":{"content":"aaaa…`. */
async function hugeJson(ctx: ChatContext, totalBytes: number): Promise<void> {
  ctx.res.writeHead(200, { 'content-type': 'application/json' })
  if (
    !(await pump(
      ctx,
      '{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"'
    ))
  )
    return
  const piece = 'a'.repeat(MiB)
  for (let sent = 0; sent < totalBytes; sent += piece.length) if (!(await pump(ctx, piece))) return
  await pump(ctx, '"},"finish_reason":"stop"}]}')
  ctx.res.end()
}

export const hostileScenarios = {
  'endless-comments': {
    description: 'some text, then `: keep-alive` comment lines as fast as the client reads, forever',
    run: async (ctx) => {
      if (await beginAnswer(ctx)) await repeat(ctx, ': keep-alive\n'.repeat(4096))
    }
  },
  'endless-line': {
    description: 'some text, then one `data:` line that never ends',
    run: async (ctx) => {
      if (!(await beginAnswer(ctx))) return
      if (await pump(ctx, 'data: {"choices":[{"index":0,"delta":{"content":"')) await repeat(ctx, 'a'.repeat(64 * 1024))
    }
  },
  'huge-event': {
    description: 'some text, then `data:` lines forever with no blank line to end the event',
    run: async (ctx) => {
      if (await beginAnswer(ctx)) await repeat(ctx, `data: ${'b'.repeat(1000)}\n`.repeat(64))
    }
  },
  'huge-json': {
    description: 'HTTP 200 application/json whose body is a 200 MB chat.completion',
    run: (ctx) => hugeJson(ctx, 200 * MiB)
  },
  'gzip-bomb': {
    description: 'some text, then gzip-encoded events that inflate ~1000× (an ever larger stream)',
    run: async (ctx) => {
      startSse(ctx.res, { 'content-encoding': 'gzip' })
      const start = partialPayloads(ctx)
        .map((p) => encodeEvent(p, plainFraming))
        .join('')
      if (!(await pump(ctx, gzipSync(start)))) return
      // One gzip member of 1 MB of padded events, sent again and again: gzip allows members back to back.
      await repeat(ctx, gzipSync(wordEvent(' more', 'p'.repeat(16 * 1024)).repeat(64)))
    }
  },
  drip: {
    description: 'some text, then the rest of the stream one byte every timing.delayMs',
    run: async (ctx) => {
      if (!(await beginAnswer(ctx))) return
      const rest = Buffer.from(wordEvent(' and then') + wordEvent(' more words') + 'data: [DONE]\n\n')
      for (const byte of rest) {
        await ctx.sleep(ctx.timing.delayMs)
        if (!(await pump(ctx, Buffer.from([byte])))) return
      }
      ctx.res.end()
    }
  },
  'never-ends': {
    description: 'some text, then a word every timing.delayMs, forever: a steady stream with no end',
    run: async (ctx) => {
      if (!(await beginAnswer(ctx))) return
      for (let i = 0; ; i++) {
        await ctx.sleep(ctx.timing.delayMs)
        if (!(await pump(ctx, wordEvent(` word${i}`)))) return
      }
    }
  },
  'endless-answer': {
    description: 'some text, then words as fast as the client reads, forever (until a limit or Stop ends it)',
    run: async (ctx) => {
      if (await beginAnswer(ctx)) await repeat(ctx, wordEvent(' again').repeat(256))
    }
  },
  'cut-off': {
    description: 'some text, then the body ends cleanly: no finish_reason, no [DONE]',
    run: async (ctx) => {
      if (await beginAnswer(ctx)) ctx.res.end()
    }
  }
} satisfies Record<string, Scenario>
