import { APIConnectionError, APIError } from 'openai'
import { describe, expect, it } from 'vitest'
import { LlmError } from '../../../../src/main/engine/llm/chat-types'
import { classifyError, isUnreachable, type FailureContext } from '../../../../src/main/engine/llm/classify-error'

const ctx: FailureContext = {
  provider: { baseUrl: 'https://api.example.com/v1', apiKey: 'k', model: 'm1' },
  cause: null,
  headersReceived: false,
  headersTimeoutMs: 20_000,
  idleTimeoutMs: 30_000
}
const status = (code: number, error: object, headers: Record<string, string> = {}) =>
  APIError.generate(code, { error }, undefined, new Headers(headers))
const withCode = (message: string, code: string) => Object.assign(new Error(message), { code })

describe('classifyError', () => {
  it('calls DNS failures unreachable, naming the host, and marks them not to retry automatically', () => {
    const e = classifyError(
      new APIConnectionError({ cause: withCode('getaddrinfo ENOTFOUND api.example.com', 'ENOTFOUND') }),
      ctx
    )
    expect(e).toMatchObject({
      kind: 'network',
      retryable: true,
      message: 'Could not reach api.example.com. Is the server running? Check the base URL and your connection.'
    })
    expect(isUnreachable(e)).toBe(true)
  })

  it('calls a raw "terminated" mid-body a dropped connection', () => {
    const e = classifyError(new TypeError('terminated', { cause: withCode('other side closed', 'UND_ERR_SOCKET') }), {
      ...ctx,
      headersReceived: true
    })
    expect(e).toMatchObject({ kind: 'network', message: expect.stringMatching(/^The connection dropped mid-answer/) })
    expect(isUnreachable(e)).toBe(false)
  })

  it('tells an exhausted quota from a rate limit', () => {
    expect(
      classifyError(status(429, { message: 'You exceeded your current quota', code: 'insufficient_quota' }), ctx)
    ).toMatchObject({ kind: 'rate-limit', retryable: false })
    expect(classifyError(status(429, { message: 'slow down' }, { 'retry-after': '3' }), ctx)).toMatchObject({
      kind: 'rate-limit',
      retryable: true,
      retryAfterMs: 3000,
      message: expect.stringMatching(/in 3 s/)
    })
  })

  it('maps other statuses', () => {
    expect(classifyError(status(503, { message: 'busy' }), ctx)).toMatchObject({
      kind: 'server',
      status: 503,
      retryable: true
    })
    expect(classifyError(status(422, { message: 'prompt is too long for this model' }), ctx)).toMatchObject({
      kind: 'context-length'
    })
    expect(classifyError(status(408, {}), ctx)).toMatchObject({ kind: 'timeout' })
    expect(classifyError(status(418, { message: 'teapot' }), ctx)).toMatchObject({ kind: 'unknown', status: 418 })
  })

  it('does not paste a proxy’s HTML error page into the message', () => {
    const e = classifyError(
      APIError.generate(502, undefined, '<html><body>Bad Gateway</body></html>', new Headers()),
      ctx
    )
    expect(e.kind).toBe('server')
    expect(e.message).not.toContain('<html>')
  })

  it('lets our own stop cause win over whatever the SDK threw', () => {
    expect(classifyError(new Error('x'), { ...ctx, cause: 'user' }).kind).toBe('aborted')
    expect(classifyError(new Error('x'), { ...ctx, cause: 'stalled' }).message).toBe(
      'api.example.com stopped sending for 30 s. Try again.'
    )
    expect(classifyError(new Error('x'), { ...ctx, cause: 'timeout' }).message).toMatch(/did not answer within 20 s/)
  })

  it('turns anything else into an LlmError too', () => {
    for (const thrown of ['a string', 42, null, new RangeError('odd')])
      expect(classifyError(thrown, ctx)).toBeInstanceOf(LlmError)
  })
})
