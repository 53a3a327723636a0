import { answer, answerEvents, apiError, batchBody, sendBatch, sendEvents, sendJson, type AnswerShape } from './answer'
import { MULTIBYTE_ANSWER } from './default-answer'
import { hostileScenarios } from './hostile-scenarios'
import { encodeEvent, plainFraming, startSse, write } from './sse'
import type { ChatContext, Scenario } from './types'

/** Start answering, send ~40% of it, leave the response open. A batch answer gets 40% of its JSON. */
async function streamPartial(ctx: ChatContext, shape: AnswerShape = {}): Promise<boolean> {
  if (!ctx.stream) {
    const whole = JSON.stringify(batchBody(ctx, shape))
    ctx.res.writeHead(200, { 'content-type': 'application/json' })
    return write(ctx.res, whole.slice(0, Math.ceil(whole.length * 0.4)))
  }
  startSse(ctx.res)
  const { head, content } = answerEvents(ctx, shape)
  return sendEvents(ctx, [...head, ...content.slice(0, Math.max(1, Math.ceil(content.length * 0.4)))], shape)
}

/** Park until the client goes away (or the fake is closed). */
const hang = (ctx: ChatContext) => ctx.sleep(10 * 60_000)

/** Fail on even attempts (0, 2, …) and answer on odd ones: "fails once, then succeeds" for every turn. */
const failsFirst =
  (fail: (ctx: ChatContext) => void): Scenario['run'] =>
  async (ctx) => {
    if (ctx.attempt % 2 === 0) fail(ctx)
    else await answer(ctx)
  }

const rateLimited = (ctx: ChatContext, headers: Record<string, string>) =>
  sendJson(
    ctx,
    429,
    apiError('Rate limit reached for requests. Please try again later.', 'requests', 'rate_limit_exceeded'),
    headers
  )

const serverError = (ctx: ChatContext) =>
  sendJson(ctx, 500, apiError('The server had an error while processing your request.', 'server_error'))

const sendMidStreamError = async (ctx: ChatContext, event: string | undefined) => {
  const payload = JSON.stringify(apiError('Provider returned error: upstream overloaded', 'server_error'))
  if (!ctx.stream) return sendJson(ctx, 200, JSON.parse(payload))
  if (!(await streamPartial(ctx))) return
  write(ctx.res, encodeEvent(payload, plainFraming, event))
  ctx.res.end()
}

export const scenarios = {
  normal: { description: 'a plain streamed (or batch) answer with usage', run: (ctx) => answer(ctx) },
  keepalive: {
    description: 'keep-alive comments (incl. `: OPENROUTER PROCESSING`) before every event',
    run: (ctx) => answer(ctx, { framing: { keepAlive: ['OPENROUTER PROCESSING', 'keep-alive'] } })
  },
  'multiline-data': {
    description: 'each JSON payload split over several `data:` lines',
    run: (ctx) => answer(ctx, { framing: { multiline: true } })
  },
  crlf: { description: 'CRLF line endings', run: (ctx) => answer(ctx, { framing: { eol: '\r\n' } }) },
  'no-trailing-blank': {
    description: 'no [DONE]; the last event has no trailing blank line before the body ends',
    run: (ctx) => answer(ctx, { framing: { noTrailingBlankAtEnd: true } }, 'none')
  },
  'split-utf8': {
    description: 'multibyte text; every event written in two pieces split inside a multibyte character',
    answer: MULTIBYTE_ANSWER,
    run: (ctx) => answer(ctx, { splitUtf8: true })
  },
  'stall-after-headers': {
    description: 'headers, then silence forever',
    run: async (ctx) => {
      startSse(ctx.res)
      await hang(ctx)
    }
  },
  'stall-mid-body': {
    description: 'some text, then silence forever',
    run: async (ctx) => {
      if (await streamPartial(ctx)) await hang(ctx)
    }
  },
  'drop-mid-body': {
    description: 'some text, then the socket is destroyed',
    run: async (ctx) => {
      if (!(await streamPartial(ctx))) return
      await ctx.sleep(20) // let the partial answer reach the client first
      ctx.record.connection.serverDropped = true
      ctx.res.socket?.destroy()
    }
  },
  'drop-before-headers': {
    description: 'the socket is destroyed before any response',
    run: async (ctx) => {
      ctx.record.connection.serverDropped = true
      ctx.res.socket?.destroy()
    }
  },
  'slow-headers': {
    description: 'headers only after timing.headerDelayMs (default 10 s), then a normal answer',
    run: async (ctx) => {
      await ctx.sleep(ctx.timing.headerDelayMs)
      await answer(ctx)
    }
  },
  'event-error': {
    description: 'some text, then `event: error` with a provider message',
    run: (ctx) => sendMidStreamError(ctx, 'error')
  },
  'data-error': {
    description: 'some text, then `data: {"error":…}`',
    run: (ctx) => sendMidStreamError(ctx, undefined)
  },
  'json-error-200': {
    description: 'HTTP 200 with an application/json {"error":…} body',
    run: async (ctx) => sendJson(ctx, 200, apiError('Upstream provider error: model overloaded', 'server_error'))
  },
  unauthorized: {
    description: '401',
    run: async (ctx) =>
      sendJson(ctx, 401, apiError('Incorrect API key provided: sk-fake.', 'invalid_request_error', 'invalid_api_key'))
  },
  forbidden: {
    description: '403',
    run: async (ctx) => sendJson(ctx, 403, apiError('You do not have access to this model.', 'invalid_request_error'))
  },
  'model-not-found': {
    description: '404 unknown model',
    run: async (ctx) =>
      sendJson(
        ctx,
        404,
        apiError(`The model '${ctx.body.model}' does not exist`, 'invalid_request_error', 'model_not_found')
      )
  },
  'context-length': {
    description: '400 context_length_exceeded',
    run: async (ctx) =>
      sendJson(
        ctx,
        400,
        apiError(
          "This model's maximum context length is 8192 tokens. However, your messages resulted in 9100 tokens.",
          'invalid_request_error',
          'context_length_exceeded'
        )
      )
  },
  'bad-request': {
    description: '400 other than context length',
    run: async (ctx) => sendJson(ctx, 400, apiError("Invalid value for 'temperature'.", 'invalid_request_error'))
  },
  'rate-limit-then-ok': {
    description: '429 with retry-after-ms: 200, then success',
    run: failsFirst((ctx) => rateLimited(ctx, { 'retry-after-ms': '200' }))
  },
  'rate-limit': {
    description: '429 with retry-after: 120 every time',
    run: async (ctx) => rateLimited(ctx, { 'retry-after': '120' })
  },
  'server-error-then-ok': { description: '500, then success', run: failsFirst(serverError) },
  'server-error': { description: '500 every time', run: async (ctx) => serverError(ctx) },
  'done-keep-open': { description: '[DONE], then the socket is left open', run: (ctx) => answer(ctx, {}, 'keep-open') },
  usage: {
    description: 'a usage chunk (choices: []) even if not asked for',
    run: (ctx) => answer(ctx, { usage: true })
  },
  'no-usage': { description: 'never a usage chunk', run: (ctx) => answer(ctx, { usage: false }) },
  'no-finish-reason': { description: 'finish_reason stays null', run: (ctx) => answer(ctx, { finishReason: null }) },
  'length-finish': { description: 'finish_reason "length"', run: (ctx) => answer(ctx, { finishReason: 'length' }) },
  'empty-choices': {
    description: 'chunks with `choices: []` between the deltas',
    run: (ctx) => answer(ctx, { emptyChoices: true })
  },
  'reasoning-content': {
    description: 'delta.reasoning_content before the answer (DeepSeek, LM Studio)',
    run: (ctx) => answer(ctx, { reasoningField: 'reasoning_content' })
  },
  reasoning: {
    description: 'delta.reasoning before the answer (OpenRouter, Ollama)',
    run: (ctx) => answer(ctx, { reasoningField: 'reasoning' })
  },
  'ignores-stream': {
    description: 'always answers with a whole JSON chat.completion, even when a stream was asked for',
    run: async (ctx) => sendBatch(ctx)
  },
  'think-tags': {
    description: '`<think>…</think>` at the start of the content, split across chunks',
    run: (ctx) => answer(ctx, { thinkTags: true })
  },
  ...hostileScenarios
} satisfies Record<string, Scenario>

export type ScenarioName = keyof typeof scenarios
export const scenarioNames = Object.keys(scenarios) as ScenarioName[]

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(scenarios, name)
}
