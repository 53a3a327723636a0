import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConversationStore } from '../../../../src/main/app/stores/conversation-store'
import type { TurnOutcome } from '../../../../src/main/engine/turn'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hark-conv-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const done = (turnId: string, text: string): TurnOutcome => ({
  type: 'done',
  turnId,
  text,
  reasoning: '',
  finishReason: 'stop',
  usage: { promptTokens: 3, completionTokens: 5, totalTokens: 8 },
  timings: { firstTokenMs: 10, firstUtteranceMs: 20, totalMs: 30 }
})
const failed = (turnId: string, partialText: string, kind: 'aborted' | 'server' = 'server'): TurnOutcome => ({
  type: 'error',
  turnId,
  kind,
  message: kind === 'aborted' ? 'Stopped.' : 'The server failed.',
  retryable: true,
  partialText
})

/** A clock the test moves by hand, so throttling is tested without sleeping. */
function clock(start = 1_000_000): { now: () => number; advance: (ms: number) => void } {
  let t = start
  return { now: () => t, advance: (ms) => void (t += ms) }
}

function convFiles(): string[] {
  return readdirSync(join(dir, 'conversations')).filter((n) => n.endsWith('.jsonl'))
}

describe('ConversationStore', () => {
  it('keeps a finished turn across a restart, with usage and timings', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'What is the capital of France?', 't1')
    store.endTurn(id, 't1', done('t1', 'Paris.'))

    const reopened = new ConversationStore(dir).get(id)
    expect(reopened.title).toBe('What is the capital of France?')
    expect(reopened.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'What is the capital of France?', 'complete'],
      ['assistant', 'Paris.', 'complete']
    ])
    expect(reopened.messages[1]!.usage?.totalTokens).toBe(8)
    expect(reopened.messages[1]!.timings?.firstTokenMs).toBe(10)
  })

  it('sends earlier turns as context but never the answer still streaming', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'One?', 't1')
    store.endTurn(id, 't1', done('t1', 'Yes, one.'))
    store.beginTurn(id, 'Two?', 't2')
    store.progress(id, 't2', 'Half an ans')
    expect(store.messagesFor(id)).toEqual([
      { role: 'user', content: 'One?' },
      { role: 'assistant', content: 'Yes, one.' },
      { role: 'user', content: 'Two?' }
    ])
  })

  it('writes streamed text at most once per flush interval, and the rest after it', () => {
    const c = clock()
    const store = new ConversationStore(dir, { flushMs: 500, now: c.now })
    const id = store.beginTurn(undefined, 'Stream please', 't1')
    const file = join(dir, 'conversations', `${id}.jsonl`)
    const appends = (): number =>
      readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.includes('"append"')).length

    let text = ''
    for (let i = 0; i < 100; i++) {
      text += `tok${i} `
      store.progress(id, 't1', text)
      c.advance(10) // 100 deltas over 1 s
    }
    expect(appends()).toBeGreaterThanOrEqual(1)
    expect(appends()).toBeLessThanOrEqual(2)
    store.flushAll()
    expect(new ConversationStore(dir).get(id).messages[1]!.content).toBe(text)
  })

  it('flushes a stalled stream by timer even when no more text arrives', async () => {
    const store = new ConversationStore(dir, { flushMs: 50 })
    const id = store.beginTurn(undefined, 'Hi', 't1')
    store.progress(id, 't1', 'first words') // just after begin: throttled, so a timer is set
    await new Promise((r) => setTimeout(r, 300))
    expect(new ConversationStore(dir).get(id).messages[1]!.content).toBe('first words')
  })

  it('marks an answer that never ended as interrupted on the next launch, and keeps its text', () => {
    const store = new ConversationStore(dir, { flushMs: 0 })
    const id = store.beginTurn(undefined, 'Tell me', 't1')
    store.progress(id, 't1', 'Once upon')
    store.progress(id, 't1', 'Once upon a time')
    // no endTurn: the process "died"
    const answer = new ConversationStore(dir).get(id).messages[1]!
    expect(answer.status).toBe('interrupted')
    expect(answer.content).toBe('Once upon a time')
  })

  it('continues an interrupted answer in place, appending the new text', () => {
    const store = new ConversationStore(dir, { flushMs: 0 })
    const id = store.beginTurn(undefined, 'Count', 't1')
    store.progress(id, 't1', 'one two')
    const after = new ConversationStore(dir, { flushMs: 0 })
    expect(after.beginContinue(id, 't2')).toBe('one two')
    after.progress(id, 't2', ' three')
    after.endTurn(id, 't2', done('t2', ' three four'))
    const messages = new ConversationStore(dir).get(id).messages
    expect(messages).toHaveLength(2)
    expect(messages[1]).toMatchObject({ content: 'one two three four', status: 'complete' })
  })

  it('keeps the partial answer of a failed turn, with the error, and a stopped one as partial', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'Q1', 't1')
    store.endTurn(id, 't1', failed('t1', 'Some of it'))
    expect(store.get(id).messages[1]).toMatchObject({
      content: 'Some of it',
      status: 'error',
      error: { kind: 'server', message: 'The server failed.' }
    })
    store.beginTurn(id, 'Q2', 't2')
    store.endTurn(id, 't2', failed('t2', 'Half', 'aborted'))
    expect(new ConversationStore(dir).get(id).messages[3]).toMatchObject({ content: 'Half', status: 'partial' })
  })

  it('drops an empty stopped answer instead of keeping a blank bubble', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'Q', 't1')
    store.endTurn(id, 't1', failed('t1', '', 'aborted'))
    expect(store.get(id).messages).toHaveLength(1)
  })

  it('regenerates in place of the last answer, and edits in place of the edited question and what followed', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'Q1', 't1')
    store.endTurn(id, 't1', done('t1', 'A1'))
    store.beginTurn(id, 'Q2', 't2')
    store.endTurn(id, 't2', done('t2', 'A2'))

    store.beginAnswer(id, 't3')
    store.endTurn(id, 't3', done('t3', 'A2 again'))
    expect(store.get(id).messages.map((m) => m.content)).toEqual(['Q1', 'A1', 'Q2', 'A2 again'])

    const q2 = store.get(id).messages[2]!.id
    store.beginEdit(id, q2, 'Q2 edited', 't4')
    store.endTurn(id, 't4', done('t4', 'A2 edited'))
    expect(new ConversationStore(dir).get(id).messages.map((m) => m.content)).toEqual([
      'Q1',
      'A1',
      'Q2 edited',
      'A2 edited'
    ])
  })

  it('refuses to continue a complete answer with a clear message', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'Q', 't1')
    store.endTurn(id, 't1', done('t1', 'A'))
    expect(() => store.beginContinue(id, 't2')).toThrow(/no unfinished answer/)
  })

  it('ignores late events from a turn whose answer was replaced', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'Q', 't1')
    store.progress(id, 't1', 'old')
    store.beginAnswer(id, 't2') // regenerate while t1 still streams
    store.progress(id, 't1', 'old text')
    store.endTurn(id, 't1', failed('t1', 'old text', 'aborted'))
    store.endTurn(id, 't2', done('t2', 'new'))
    expect(store.get(id).messages.map((m) => m.content)).toEqual(['Q', 'new'])
  })

  it('lists newest first, renames, deletes and creates', () => {
    const c = clock()
    const store = new ConversationStore(dir, { now: c.now })
    const a = store.create('Alpha').id
    c.advance(10)
    const b = store.create('Beta').id
    expect(store.list().map((s) => s.title)).toEqual(['Beta', 'Alpha'])
    c.advance(10)
    store.rename(a, '  Renamed  ')
    expect(store.list().map((s) => s.title)).toEqual(['Renamed', 'Beta'])
    store.delete(b)
    expect(new ConversationStore(dir).list().map((s) => s.id)).toEqual([a])
    expect(() => store.get(b)).toThrow(/no longer exists/)
  })

  it('rejects ids that could escape the conversations folder', () => {
    const store = new ConversationStore(dir)
    expect(() => store.get('../settings')).toThrow(/no longer exists/)
    expect(() => store.delete('../../etc/passwd')).toThrow(/no longer exists/)
  })

  it('searches titles and message text, case-insensitively, with a snippet', () => {
    const store = new ConversationStore(dir)
    const paris = store.beginTurn(undefined, 'Capital of France?', 't1')
    store.endTurn(paris, 't1', done('t1', 'The capital is Paris, on the Seine.'))
    const seine = store.create('Rivers named Seine').id
    const hits = store.search('seine')
    expect(hits.map((h) => [h.conversationId, h.in])).toEqual([
      [seine, 'title'],
      [paris, 'content']
    ])
    expect(hits[1]!.snippet).toContain('Paris, on the Seine')
    expect(store.search('   ')).toEqual([])
    expect(store.search('nowhere-to-be-found')).toEqual([])
  })
})

describe('ConversationStore with damaged files', () => {
  function seed(): { good: string; store: ConversationStore } {
    const store = new ConversationStore(dir)
    const good = store.beginTurn(undefined, 'Keep me', 't1')
    store.endTurn(good, 't1', done('t1', 'Kept.'))
    return { good, store }
  }

  it('quarantines a corrupt file with a notice, and loads the rest', () => {
    const { good } = seed()
    const badId = '11111111-2222-3333-4444-555555555555'
    writeFileSync(join(dir, 'conversations', `${badId}.jsonl`), '{"t":"meta", this is not json\n{}\n')
    const store = new ConversationStore(dir)
    expect(store.list().map((s) => s.id)).toEqual([good])
    expect(store.notices).toHaveLength(1)
    expect(store.notices[0]).toMatch(/could not be read.*moved to .*quarantine/)
    expect(convFiles()).toEqual([`${good}.jsonl`])
    expect(readdirSync(join(dir, 'conversations', 'quarantine'))).toHaveLength(1)
  })

  it('quarantines a file whose header names another conversation', () => {
    const { good } = seed()
    const text = readFileSync(join(dir, 'conversations', `${good}.jsonl`), 'utf8')
    writeFileSync(join(dir, 'conversations', 'other-id.jsonl'), text)
    const store = new ConversationStore(dir)
    expect(store.list()).toHaveLength(1)
    expect(store.notices[0]).toMatch(/another conversation/)
  })

  it('drops a half-written last line (a crash mid-append) and says so, without quarantine', () => {
    const store = new ConversationStore(dir, { flushMs: 0 })
    const id = store.beginTurn(undefined, 'Q', 't1')
    store.progress(id, 't1', 'saved text')
    writeFileSync(
      join(dir, 'conversations', `${id}.jsonl`),
      readFileSync(join(dir, 'conversations', `${id}.jsonl`), 'utf8') + '{"t":"append","id":"x","te'
    )
    const reopened = new ConversationStore(dir)
    expect(reopened.notices).toEqual([expect.stringMatching(/"Q".*1 damaged line dropped.*the rest is kept/)])
    expect(reopened.get(id).messages[1]).toMatchObject({ content: 'saved text', status: 'interrupted' })
    expect(existsSync(join(dir, 'conversations', 'quarantine'))).toBe(false)
  })

  it('removes temp files left by a rewrite that never finished', () => {
    const { good } = seed()
    writeFileSync(join(dir, 'conversations', `${good}.jsonl.999.tmp`), 'half')
    new ConversationStore(dir)
    expect(existsSync(join(dir, 'conversations', `${good}.jsonl.999.tmp`))).toBe(false)
  })

  it('starts empty with a notice, never throwing, when the folder itself is unusable', () => {
    writeFileSync(join(dir, 'conversations'), 'a file where the folder should be')
    const store = new ConversationStore(dir)
    expect(store.list()).toEqual([])
    expect(store.notices[0]).toMatch(/could not be read/)
  })
})
