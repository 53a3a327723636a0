import { encodeEvent, plainFraming, startSse, write, writeSplitUtf8, type Framing } from './sse'
import type { ChatContext } from './types'

/** Shape of one scripted answer; each scenario picks the quirks it needs. */
export interface AnswerShape {
  framing?: Partial<Framing>
  /** stream the reasoning in this delta field before the answer */
  reasoningField?: 'reasoning_content' | 'reasoning'
  /** put the reasoning inside `<think>…</think>` at the start of the content */
  thinkTags?: boolean
  finishReason?: string | null
  /** send the usage chunk (default: when the client asked with include_usage) */
  usage?: boolean
  /** interleave chunks with `choices: []` */
  emptyChoices?: boolean
  splitUtf8?: boolean
}

export interface AnswerEvents {
  head: string[]
  content: string[]
  tail: string[]
}

const usageOf = (ctx: ChatContext) => {
  const completion = Math.ceil((ctx.answer.length + ctx.reasoning.length) / 4)
  return { prompt_tokens: 12, completion_tokens: completion, total_tokens: 12 + completion }
}

function chunkJson(ctx: ChatContext, delta: Record<string, unknown> | null, finish: string | null = null): string {
  const choices = delta === null ? [] : [{ index: 0, delta, finish_reason: finish }]
  return JSON.stringify({
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1,
    model: ctx.body.model ?? 'fake',
    choices
  })
}

function pieces(text: string, size: number): string[] {
  const chars = Array.from(text)
  const out: string[] = []
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''))
  return out
}

/** The data payloads of a whole streamed answer, in three parts so failures can cut after some content. */
export function answerEvents(ctx: ChatContext, shape: AnswerShape = {}): AnswerEvents {
  const size = shape.thinkTags ? Math.min(ctx.timing.chunkSize, 5) : ctx.timing.chunkSize
  const head = [chunkJson(ctx, { role: 'assistant', content: '' })]
  if (shape.reasoningField) {
    for (const p of pieces(ctx.reasoning, size)) head.push(chunkJson(ctx, { [shape.reasoningField]: p }))
  }
  const text = shape.thinkTags ? `<think>${ctx.reasoning}</think>\n\n${ctx.answer}` : ctx.answer
  const content: string[] = []
  for (const p of pieces(text, size)) {
    content.push(chunkJson(ctx, { content: p }))
    if (shape.emptyChoices) content.push(chunkJson(ctx, null))
  }
  const finish = shape.finishReason === undefined ? 'stop' : shape.finishReason
  const tail = [chunkJson(ctx, {}, finish)]
  if (shape.usage ?? ctx.includeUsage) {
    tail.push(JSON.stringify({ ...JSON.parse(chunkJson(ctx, null)), usage: usageOf(ctx) }))
  }
  return { head, content, tail }
}

function delayFor(ctx: ChatContext, payload: string): number {
  const { tps, delayMs } = ctx.timing
  if (!tps) return delayMs
  const chars = (payload.match(/"(?:content|reasoning(?:_content)?)":"((?:[^"\\]|\\.)*)"/)?.[1] ?? '').length
  return Math.max(1, ((chars / 4) * 1000) / tps)
}

/** Send payloads as SSE events with the scenario's framing and pacing; false once the client has gone. */
export async function sendEvents(
  ctx: ChatContext,
  payloads: string[],
  shape: AnswerShape = {},
  endsBody = false
): Promise<boolean> {
  const framing = { ...plainFraming, ...shape.framing }
  for (let i = 0; i < payloads.length; i++) {
    const wire = encodeEvent(payloads[i], framing, undefined, endsBody && i === payloads.length - 1)
    const ok = shape.splitUtf8 ? await writeSplitUtf8(ctx.res, wire) : write(ctx.res, wire)
    if (!ok) return false
    ctx.record.writes.push({ at: performance.now(), payload: payloads[i] })
    await ctx.sleep(delayFor(ctx, payloads[i]))
  }
  return !ctx.res.destroyed
}

async function streamWhole(
  ctx: ChatContext,
  shape: AnswerShape = {},
  done: 'end' | 'keep-open' | 'none' = 'end'
): Promise<void> {
  startSse(ctx.res)
  const { head, content, tail } = answerEvents(ctx, shape)
  const payloads = [...head, ...content, ...tail]
  if (done !== 'none') payloads.push('[DONE]')
  if (!(await sendEvents(ctx, payloads, shape, true))) return
  if (done !== 'keep-open') ctx.res.end()
}

/** A non-streamed chat.completion. */
export function batchBody(ctx: ChatContext, shape: AnswerShape = {}): object {
  const content = shape.thinkTags ? `<think>${ctx.reasoning}</think>\n\n${ctx.answer}` : ctx.answer
  const message: Record<string, unknown> = { role: 'assistant', content }
  if (shape.reasoningField) message[shape.reasoningField] = ctx.reasoning
  const finish = shape.finishReason === undefined ? 'stop' : shape.finishReason
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1,
    model: ctx.body.model ?? 'fake',
    choices: [{ index: 0, message, finish_reason: finish }],
    ...(shape.usage === false ? {} : { usage: usageOf(ctx) })
  }
}

export function sendBatch(ctx: ChatContext, shape: AnswerShape = {}): void {
  sendJson(ctx, 200, batchBody(ctx, shape))
}

export function sendJson(ctx: ChatContext, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (ctx.res.destroyed) return
  ctx.res.writeHead(status, { 'content-type': 'application/json', ...headers })
  ctx.res.end(JSON.stringify(body))
}

/** Answer normally, streamed or not, as the client asked. */
export async function answer(
  ctx: ChatContext,
  shape: AnswerShape = {},
  done: 'end' | 'keep-open' | 'none' = 'end'
): Promise<void> {
  if (ctx.stream) await streamWhole(ctx, shape, done)
  else await sendBatchWhenWritten(ctx, shape)
}

/**
 * A real model answers a batch request only once it has written the whole
 * answer: wait as long as the same answer takes to stream, then send it in
 * one piece. This is what makes batch a fair baseline for streaming.
 */
async function sendBatchWhenWritten(ctx: ChatContext, shape: AnswerShape): Promise<void> {
  const { head, content } = answerEvents(ctx, shape)
  await ctx.sleep([...head, ...content].reduce((ms, payload) => ms + delayFor(ctx, payload), 0))
  if (!ctx.res.destroyed) sendBatch(ctx, shape)
}

export const apiError = (message: string, type: string, code: string | null = null) => ({
  error: { message, type, code }
})
