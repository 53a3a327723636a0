import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai'
import type { ErrorKind } from '../../../shared/turn-events'
import { LlmError, type ProviderConfig } from './chat-types'
import { hostOf } from './host'
import { retryAfterMsOf } from './retry-policy'
import { RedirectRefusedError } from '../http/origin-bound-fetch'
import type { BodyLimitError, BodyLimitName } from './body-limits'
import { ProviderBodyError, type StopCause } from './watched-fetch'

/** What we know about the attempt besides the error itself. */
export interface FailureContext {
  provider: ProviderConfig
  /** why our side ended the request, if it did */
  cause: StopCause | null
  /** the limit the body broke, when cause is 'limit' */
  breach?: BodyLimitError | null
  headersReceived: boolean
  headersTimeoutMs: number
  idleTimeoutMs: number
  turnTimeoutMs?: number
}

/** Errors worth retrying by hand later, but not automatically now (the server is simply not there). */
const unreachable = new WeakSet<LlmError>()
export const isUnreachable = (e: LlmError) => unreachable.has(e)

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT'
])
const CONTEXT_LENGTH =
  /context[_ ]length|maximum context|context window|too many tokens|prompt is too long|reduce the length/i

function* causeChain(err: unknown): Generator<unknown> {
  for (let e = err, depth = 0; e && depth < 8; depth++) {
    yield e
    e = typeof e === 'object' && 'cause' in e ? (e as { cause: unknown }).cause : undefined
  }
}

const codeOf = (e: unknown) => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '')
const secs = (ms: number) => `${Math.round(ms / 100) / 10} s`
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`

function providerMessage(err: APIError): string {
  const body = err.error as { message?: unknown } | string | undefined
  const m = typeof body === 'string' ? body : typeof body?.message === 'string' ? body.message : err.message
  // A proxy's HTML error page says nothing useful in a sentence.
  if (/<(html|body|head|!doctype)\b/i.test(m)) return 'an HTML error page instead of an API answer'
  return m.replace(/\s+/g, ' ').trim().replace(/\.$/, '').slice(0, 300)
}

function fromStatus(err: APIError, ctx: FailureContext): LlmError {
  const host = hostOf(ctx.provider.baseUrl)
  const status = err.status as number
  const msg = providerMessage(err)
  const code = err.code ?? ''
  if (status === 401 || status === 403) {
    const detail = status === 403 ? ` (access denied: ${msg})` : ''
    return new LlmError('auth', `The API key was rejected by ${host}${detail}. Check it in Settings.`, false, status)
  }
  if (status === 404) {
    return new LlmError(
      'not-found',
      `${host} does not know the model "${ctx.provider.model}", or the base URL ${ctx.provider.baseUrl} is wrong. Check both in Settings. (${msg})`,
      false,
      status
    )
  }
  if (
    (status === 400 || status === 413 || status === 422) &&
    (code === 'context_length_exceeded' || CONTEXT_LENGTH.test(msg))
  ) {
    return new LlmError(
      'context-length',
      `The conversation is too long for ${ctx.provider.model}. Start a new conversation or send a shorter message.`,
      false,
      status
    )
  }
  if (status === 400 || status === 413 || status === 422)
    return new LlmError('bad-request', `${host} rejected the request: ${msg}`, false, status)
  if (status === 429) return rateLimited(err, host, msg)
  if (status === 408) return new LlmError('timeout', `${host} timed out answering (408). Try again.`, true, status)
  if (status >= 500)
    return new LlmError(
      'server',
      `${host} had a server error (${status}): ${msg}. Try again in a moment.`,
      true,
      status
    )
  return new LlmError('unknown', `${host} answered ${status}: ${msg}`, false, status)
}

function rateLimited(err: APIError, host: string, msg: string): LlmError {
  if (err.code === 'insufficient_quota') {
    return new LlmError('rate-limit', `The account at ${host} is out of credit or quota: ${msg}`, false, 429)
  }
  const after = retryAfterMsOf(err.headers as Headers | undefined)
  const when = after === undefined ? 'shortly' : `in ${secs(after)}`
  return new LlmError('rate-limit', `${host} is rate-limiting requests. Try again ${when}.`, true, 429, after)
}

function fromTransport(err: unknown, ctx: FailureContext): LlmError {
  const host = hostOf(ctx.provider.baseUrl)
  const chain = [...causeChain(err)]
  if (chain.some((e) => UNREACHABLE_CODES.has(codeOf(e)))) {
    const e = new LlmError(
      'network',
      `Could not reach ${host}. Is the server running? Check the base URL and your connection.`,
      true
    )
    unreachable.add(e)
    return e
  }
  if (ctx.headersReceived || chain.some((e) => e instanceof TypeError && e.message === 'terminated')) {
    return new LlmError('network', `The connection dropped mid-answer (${host}). Try again.`, true)
  }
  const detail =
    chain
      .map((e) => (e instanceof Error ? e.message : ''))
      .filter(Boolean)
      .at(-1) ?? 'connection failed'
  return new LlmError('network', `Could not talk to ${host}: ${detail}.`, true)
}

function fromCause(cause: StopCause, ctx: FailureContext): LlmError | null {
  const host = hostOf(ctx.provider.baseUrl)
  if (cause === 'user') return new LlmError('aborted', 'Stopped.', false)
  if (cause === 'timeout')
    return new LlmError(
      'timeout',
      `${host} did not answer within ${secs(ctx.headersTimeoutMs)}. Check the base URL and your connection.`,
      true
    )
  if (cause === 'stalled')
    return new LlmError('stalled', `${host} stopped sending for ${secs(ctx.idleTimeoutMs)}. Try again.`, true)
  if (cause === 'deadline')
    return new LlmError(
      'deadline',
      `${host} was still answering after ${secs(ctx.turnTimeoutMs ?? 0)}, the limit for one answer. Try again, or raise the limit in Settings.`,
      true
    )
  if (cause === 'limit' && ctx.breach) return fromBreach(ctx.breach.limit, ctx.breach.maxBytes, host)
  return null
}

const BREACHES: Record<BodyLimitName, (max: string) => string> = {
  lineBytes: (max) => `sent a line longer than ${max}`,
  eventBytes: (max) => `sent one event larger than ${max}`,
  streamBytes: (max) => `sent more than ${max} for one answer (counted after decompression)`,
  wholeBytes: (max) => `sent a response body larger than ${max} (counted after decompression)`,
  chatterBytes: (max) => `sent ${max} of keep-alive comments and no part of the answer`
}

/** What a body over its limit did, as a sentence whose subject is `who` (a host, or a service at a host). */
export function describeBreach(who: string, breach: Pick<BodyLimitError, 'limit' | 'maxBytes'>): string {
  return `${who} ${BREACHES[breach.limit](size(breach.maxBytes))}, so Hark stopped reading.`
}

/** A body over one of its limits. Endless chatter is a stall; anything else is an answer too large to take. */
function fromBreach(limit: BodyLimitName, maxBytes: number, host: string): LlmError {
  const what = describeBreach(host, { limit, maxBytes })
  if (limit === 'chatterBytes') return new LlmError('stalled', `${what} Try again.`, true)
  return new LlmError('too-large', `${what} Check the base URL points at an OpenAI-compatible API.`, false)
}

function refusedRedirect(e: RedirectRefusedError): LlmError {
  const where = e.to ? ` to ${e.to.origin}` : ''
  return new LlmError(
    'redirect',
    `${e.from.host} redirected the request${where} (${e.status}). Hark does not send your prompt or key to another server; if that server is the right one, set it as the base URL.`,
    false,
    e.status
  )
}

/** Any failure of an attempt, as the one LlmError it means, with a message that says what to do. */
export function classifyError(err: unknown, ctx: FailureContext): LlmError {
  if (err instanceof LlmError) return err
  const byCause = ctx.cause ? fromCause(ctx.cause, ctx) : null
  if (byCause) return byCause
  const host = hostOf(ctx.provider.baseUrl)
  const chain = [...causeChain(err)]
  const body = chain.find((e): e is ProviderBodyError => e instanceof ProviderBodyError)
  if (body) return serverSaid(host, body.providerMessage)
  const redirect = chain.find((e): e is RedirectRefusedError => e instanceof RedirectRefusedError)
  if (redirect) return refusedRedirect(redirect)
  if (err instanceof APIUserAbortError) return new LlmError('aborted', 'Stopped.', false)
  if (err instanceof APIConnectionTimeoutError) return fromCause('timeout', ctx) as LlmError
  if (err instanceof APIConnectionError) return fromTransport(err, ctx)
  if (err instanceof APIError && typeof err.status === 'number') return fromStatus(err, ctx)
  if (err instanceof APIError) return serverSaid(host, providerMessage(err))
  if (err instanceof SyntaxError)
    return new LlmError('server', `${host} sent an answer that could not be read (${err.message}).`, true)
  if (err instanceof TypeError || codeOf(err)) return fromTransport(err, ctx)
  const text = err instanceof Error ? err.message : String(err)
  return new LlmError('unknown' satisfies ErrorKind, `Unexpected error talking to ${host}: ${text}`, false)
}

/** An error the provider put in the body (`event: error`, `data: {"error":…}`, JSON on a 200). */
function serverSaid(host: string, message: string): LlmError {
  if (CONTEXT_LENGTH.test(message))
    return new LlmError('context-length', `The conversation is too long for this model (${host}: ${message}).`, false)
  return new LlmError('server', `${host} reported an error: ${message}`, true)
}
