import { describe, expect, it } from 'vitest'
import { BodyLimitError, DEFAULT_BODY_LIMITS, type BodyLimits } from '../../../../src/main/engine/llm/body-limits'
import { SseGuard } from '../../../../src/main/engine/llm/sse-guard'

const enc = new TextEncoder()
const dec = new TextDecoder()

/** Feed text in the given pieces; what came out, and how many data events were seen. */
function run(pieces: string[], limits: Partial<BodyLimits> = {}) {
  let events = 0
  const guard = new SseGuard({ ...DEFAULT_BODY_LIMITS, ...limits }, () => events++)
  let out = ''
  for (const p of pieces) out += dec.decode(guard.push(enc.encode(p)))
  out += dec.decode(guard.end())
  return { out, events, sawDone: guard.sawDone }
}

const breach = (pieces: string[], limits: Partial<BodyLimits>) => {
  try {
    run(pieces, limits)
  } catch (e) {
    return e instanceof BodyLimitError ? e.limit : e
  }
  return null
}

describe('SseGuard', () => {
  it('passes events through whole and counts each data event', () => {
    const r = run(['data: {"a":1}\n\ndata: {"b', '":2}\n\n'])
    expect(r.out).toBe('data: {"a":1}\n\ndata: {"b":2}\n\n')
    expect(r.events).toBe(2)
  })

  it('drops comment lines and the blank lines that only ended them', () => {
    const r = run([': keep-alive\n\n: OPENROUTER PROCESSING\n\ndata: x\n', ': mid\n\n'])
    expect(r.out).toBe('data: x\n\n')
    expect(r.events).toBe(1)
  })

  it('writes CRLF and CR line endings as LF, also when CRLF is split across chunks', () => {
    expect(run(['data: a\r', '\n\r', '\ndata: b\rdata: c\r\r']).out).toBe('data: a\n\ndata: b\ndata: c\n\n')
  })

  it('notes [DONE], also as a last line without its line ending', () => {
    expect(run(['data: x\n\ndata: [DONE]\n\n']).sawDone).toBe(true)
    expect(run(['data: x\n\ndata: [DONE]']).sawDone).toBe(true)
    expect(run(['data: x\n\n']).sawDone).toBe(false)
    expect(run(['data: {"content":"[DONE]"}\n\n']).sawDone).toBe(false)
  })

  it('keeps a last unterminated line for the SDK to flush', () => {
    expect(run(['data: x\n\ndata: y']).out).toBe('data: x\n\ndata: y')
  })

  it('caps one line, even before it ends', () => {
    expect(breach(['data: ', 'a'.repeat(600), 'a'.repeat(600)], { lineBytes: 1000 })).toBe('lineBytes')
    expect(breach([': ', 'a'.repeat(1200)], { lineBytes: 1000 })).toBe('lineBytes')
    expect(breach(['data: ', 'a'.repeat(900), '\n\n'], { lineBytes: 1000 })).toBeNull()
  })

  it('caps one event, whatever its lines', () => {
    expect(breach([`data: ${'b'.repeat(90)}\n`.repeat(20)], { eventBytes: 1000 })).toBe('eventBytes')
    expect(breach([`data: ${'b'.repeat(90)}\n\n`.repeat(20)], { eventBytes: 1000 })).toBeNull()
  })

  it('caps chatter between data events; a data event resets the count', () => {
    expect(breach([': ping\n'.repeat(200)], { chatterBytes: 1000 })).toBe('chatterBytes')
    expect(breach(['\n'.repeat(1200)], { chatterBytes: 1000 })).toBe('chatterBytes')
    expect(breach(['event: ping\n'.repeat(100)], { chatterBytes: 1000 })).toBe('chatterBytes')
    expect(breach([`${': ping\n'.repeat(100)}data: x\n\n`.repeat(10)], { chatterBytes: 1000 })).toBeNull()
  })

  it('caps the whole stream', () => {
    expect(breach(['data: x\n\n'.repeat(200)], { streamBytes: 1000 })).toBe('streamBytes')
  })
})
