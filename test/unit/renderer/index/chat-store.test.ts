import { describe, expect, it } from 'vitest'
import { ChatStore } from '../../../../src/renderer/src/index/state/chat-store'
import type { HarkBridge } from '../../../../src/shared/ipc/bridge'
import type { Conversation, ConversationsChanged } from '../../../../src/shared/conversation'
import type { TurnEvent } from '../../../../src/shared/turn-events'
import { TEXT_PIECE_CHARS } from '../../../../src/shared/ipc/conversations'
import { isArriving } from '../../../../src/renderer/src/index/state/text-pieces'

/** A bridge whose routes are scripted and whose events the test pushes. */
function fakeBridge(
  conversations: Record<string, Conversation>,
  overrides: Record<string, (input: Record<string, string>) => unknown> = {}
) {
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  const calls: Array<[string, unknown]> = []
  const failures = new Map<string, Error>()
  const routes: Record<string, (input: Record<string, string>) => unknown> = {
    'conversations.list': () => ({
      conversations: Object.values(conversations),
      notices: ['A file was quarantined.'],
      activeTurn: null
    }),
    'conversations.get': ({ id }) => ({ ...conversations[id]!, activeTurnId: null, activeTurn: null, cut: [] }),
    'turn.ask': () => ({ turnId: 't1', conversationId: 'c1' }),
    'turn.continue': () => ({ turnId: 't2', conversationId: 'c1' }),
    'turn.stop': () => undefined,
    'voice.setConversation': () => undefined,
    ...overrides
  }
  const invoke = async (route: string, input: unknown) => {
    calls.push([route, input])
    const failure = failures.get(route)
    if (failure) throw failure
    return routes[route]!(input as Record<string, string>)
  }
  const on = (event: string, l: (p: unknown) => void) => {
    const set = listeners.get(event) ?? new Set()
    set.add(l)
    listeners.set(event, set)
    return () => set.delete(l)
  }
  const bridge = { invoke, on } as unknown as HarkBridge
  // 'turn-event' here means "main sent this one turn event", delivered as a one-event batch
  const emit = (event: string, payload: unknown) =>
    event === 'turn-event'
      ? listeners.get('turn.events')?.forEach((l) => l([payload]))
      : listeners.get(event)?.forEach((l) => l(payload))
  return { bridge, calls, failures, emit }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

function conversation(messages: Conversation['messages']): Conversation {
  return { id: 'c1', title: 'Hello', createdAt: 0, updatedAt: 0, messageCount: messages.length, messages }
}

describe('ChatStore', () => {
  it('follows a turn from its start, wherever the user is looking, and shows base + streamed text', async () => {
    const convs = { c1: conversation([]) }
    const { bridge, emit } = fakeBridge(convs)
    const store = new ChatStore(bridge, () => 0)
    store.start()
    await tick()
    expect(store.getSnapshot().notices.map((n) => n.message)).toEqual(['A file was quarantined.'])

    const started: ConversationsChanged = { conversationId: 'c1', reason: 'turn-started', turnId: 't1' }
    emit('conversations.changed', started)
    emit('turn-event', { type: 'start', turnId: 't1', model: 'm', at: 0 } satisfies TurnEvent)
    emit('turn-event', { type: 'delta', turnId: 't1', text: 'Hello ' } satisfies TurnEvent)
    emit('turn-event', { type: 'delta', turnId: 't1', text: 'world' } satisfies TurnEvent)
    expect(store.displayedText('t1', '')).toBe('Hello world')
    await store.select('c1')
    expect(store.runningTurn()?.turnId).toBe('t1')

    emit('turn-event', {
      type: 'error',
      turnId: 't1',
      kind: 'aborted',
      message: 'Stopped.',
      retryable: true,
      partialText: 'Hello world'
    })
    expect(store.runningTurn()).toBeUndefined()
    expect(store.getSnapshot().live['t1']!.status).toBe('stopped')
  })

  it('a window opened mid-answer opens that conversation, shows the text so far, and appends each later delta once', async () => {
    const convs = { c1: conversation([]) }
    const progress = { turnId: 't1', conversationId: 'c1', base: 'Earlier. ', text: 'Hello wor', length: 9 }
    const { bridge, emit } = fakeBridge(convs, {
      'conversations.list': () => ({
        conversations: [convs.c1],
        notices: [],
        activeTurn: { turnId: 't1', conversationId: 'c1' }
      }),
      'conversations.get': () => ({ ...convs.c1, activeTurnId: 't1', activeTurn: progress, cut: [] })
    })
    const store = new ChatStore(bridge, () => 0)
    store.start()
    // Joined before the answer came back: this delta is already in the text so far.
    await tick()
    emit('turn-event', { type: 'delta', turnId: 't1', text: 'wor', at: 6 } satisfies TurnEvent)
    await tick()
    await tick()
    expect(store.getSnapshot().currentId).toBe('c1')
    expect(store.displayedText('t1', '')).toBe('Earlier. Hello wor')

    // The frame main had not sent yet repeats part of the text so far, then goes on.
    emit('turn-event', { type: 'delta', turnId: 't1', text: 'rld', at: 8 } satisfies TurnEvent)
    emit('turn-event', { type: 'delta', turnId: 't1', text: '!', at: 11 } satisfies TurnEvent)
    expect(store.displayedText('t1', '')).toBe('Earlier. Hello world!')
    expect(store.runningTurn()?.turnId).toBe('t1')
  })

  it('never shortens a live answer with an older text so far', async () => {
    const convs = { c1: conversation([]) }
    const { bridge, emit } = fakeBridge(convs, {
      'conversations.get': () => ({
        ...convs.c1,
        activeTurnId: 't1',
        activeTurn: { turnId: 't1', conversationId: 'c1', base: '', text: 'Hel', length: 3 },
        cut: []
      })
    })
    const store = new ChatStore(bridge, () => 0)
    store.start()
    await tick()
    emit('conversations.changed', {
      conversationId: 'c1',
      reason: 'turn-started',
      turnId: 't1'
    } satisfies ConversationsChanged)
    emit('turn-event', { type: 'delta', turnId: 't1', text: 'Hello', at: 0 } satisfies TurnEvent)
    await store.select('c1')
    expect(store.displayedText('t1', '')).toBe('Hello')
    emit('turn-event', { type: 'delta', turnId: 't1', text: ' you', at: 5 } satisfies TurnEvent)
    expect(store.displayedText('t1', '')).toBe('Hello you')
  })

  it('tells push-to-talk which conversation is on screen', async () => {
    const { bridge, calls } = fakeBridge({ c1: conversation([]) })
    const store = new ChatStore(bridge, () => 0)
    await store.select('c1')
    await store.select(null)
    expect(calls.filter(([route]) => route === 'voice.setConversation').map(([, input]) => input)).toEqual([
      { conversationId: 'c1' },
      { conversationId: null }
    ])
  })

  it('opens the new conversation once a first question is accepted', async () => {
    const { bridge } = fakeBridge({ c1: conversation([]) })
    const store = new ChatStore(bridge)
    expect(await store.ask('Hi')).toBe(true)
    expect(store.getSnapshot().currentId).toBe('c1')
  })

  it('shows a failed action as an error and reports failure, so the prompt can be kept', async () => {
    const { bridge, failures } = fakeBridge({})
    failures.set('turn.ask', new Error('Type a question first.'))
    const store = new ChatStore(bridge)
    expect(await store.ask('   ')).toBe(false)
    expect(store.getSnapshot().actionError).toBe('Type a question first.')
  })

  it('continues a partial answer: the new text is shown after the kept text', async () => {
    const convs = {
      c1: conversation([
        { id: 'u', role: 'user', content: 'Count', createdAt: 0, status: 'complete' },
        { id: 'a', role: 'assistant', content: 'one two', createdAt: 0, status: 'interrupted', turnId: 't0' }
      ])
    }
    const { bridge, emit, calls } = fakeBridge(convs)
    const store = new ChatStore(bridge)
    store.start()
    await store.select('c1')
    const pending = store.continueAnswer()
    emit('conversations.changed', { conversationId: 'c1', reason: 'turn-started', turnId: 't2' })
    await pending
    emit('turn-event', { type: 'delta', turnId: 't2', text: ' three' })
    expect(calls.some(([r]) => r === 'turn.continue')).toBe(true)
    expect(store.displayedText('t2', '')).toBe('one two three')
  })

  it('tracks the spoken utterance and the time to first speech', async () => {
    let now = 100
    const { bridge, emit } = fakeBridge({ c1: conversation([]) })
    const store = new ChatStore(bridge, () => now)
    store.start()
    emit('conversations.changed', { conversationId: 'c1', reason: 'turn-started', turnId: 't1' })
    emit('turn-event', { type: 'start', turnId: 't1', model: 'm', at: 0 })
    emit('turn-event', { type: 'delta', turnId: 't1', text: 'One. Two.' })
    emit('turn-event', { type: 'utterance', turnId: 't1', index: 0, text: 'One.', range: [0, 4] })
    now = 450
    emit('turn-event', { type: 'speech', turnId: 't1', index: 0, state: 'started' })
    const turn = store.getSnapshot().live['t1']!
    expect(turn.speaking).toBe(0)
    expect(turn.firstSpeechMs).toBe(350)
    emit('turn-event', { type: 'speech', turnId: 't1', index: 0, state: 'finished' })
    expect(store.getSnapshot().live['t1']!.speaking).toBeNull()
  })
})

describe('ChatStore never leaves a spinner', () => {
  it('drops a turn still marked running once the store says it ended', async () => {
    const { bridge, emit } = fakeBridge({ c1: conversation([]) })
    const store = new ChatStore(bridge)
    store.start()
    await store.select('c1')
    emit('conversations.changed', { conversationId: 'c1', reason: 'turn-started', turnId: 't1' })
    expect(store.runningTurn()?.turnId).toBe('t1')
    emit('conversations.changed', { conversationId: 'c1', reason: 'turn-ended', turnId: 't1' }) // its 'done' was lost
    expect(store.runningTurn()).toBeUndefined()
  })
})

describe('ChatStore receives a long answer in pieces', () => {
  const long = 'All work and no play. '.repeat(Math.ceil((TEXT_PIECE_CHARS * 2.5) / 22))
  const saved = (content: string) =>
    conversation([
      { id: 'q', role: 'user', content: 'Tell me', createdAt: 0, status: 'complete' },
      { id: 'a', role: 'assistant', content, createdAt: 0, status: 'complete', turnId: 't1' }
    ])
  /** main's side: the first piece of the answer, then each piece asked for */
  const pieces = () => ({
    'conversations.get': () => ({
      ...saved(long.slice(0, TEXT_PIECE_CHARS)),
      activeTurnId: null,
      activeTurn: null,
      cut: [{ messageId: 'a', length: long.length }]
    }),
    'conversations.text': ({ from }: Record<string, string>) =>
      long.slice(Number(from), Number(from) + TEXT_PIECE_CHARS)
  })
  const answer = (store: ChatStore) => store.getSnapshot().current!.messages[1]!

  it('opens a long saved answer piece by piece, shown as each arrives, until all of it is there', async () => {
    const { bridge, calls } = fakeBridge({}, pieces())
    const store = new ChatStore(bridge)
    const lengths: number[] = []
    store.subscribe(() => lengths.push(store.getSnapshot().current?.messages[1]?.content.length ?? 0))
    await store.select('c1')
    expect(answer(store).content).toBe(long)
    expect(isArriving(store.getSnapshot().cut, answer(store))).toBe(false)
    expect(calls.filter(([route]) => route === 'conversations.text')).toHaveLength(2)
    expect(lengths.filter((n, i) => n > 0 && n !== lengths[i - 1])).toEqual([
      TEXT_PIECE_CHARS,
      TEXT_PIECE_CHARS * 2,
      long.length
    ])
  })

  it('says the answer is still arriving until its last piece is in', async () => {
    const { bridge } = fakeBridge({}, pieces())
    const store = new ChatStore(bridge)
    const arriving: boolean[] = []
    store.subscribe(() => {
      const m = store.getSnapshot().current?.messages[1]
      if (m) arriving.push(isArriving(store.getSnapshot().cut, m))
    })
    await store.select('c1')
    expect(arriving[0]).toBe(true)
    expect(arriving.at(-1)).toBe(false)
  })

  it('takes an answer this window streamed itself as it holds it, asking main for none of it', async () => {
    const { bridge, emit, calls } = fakeBridge({}, pieces())
    const store = new ChatStore(bridge)
    store.start()
    await store.select('c1')
    calls.length = 0
    emit('conversations.changed', { conversationId: 'c1', reason: 'turn-started', turnId: 't1' })
    emit('turn-event', { type: 'delta', turnId: 't1', text: long, at: 0 } satisfies TurnEvent)
    // a long answer's end comes without the answer (window-turn-events.ts)
    emit('turn-event', {
      type: 'done',
      turnId: 't1',
      text: '',
      reasoning: '',
      finishReason: 'stop',
      usage: null,
      timings: { firstTokenMs: 1, firstUtteranceMs: 1, totalMs: 1 }
    } satisfies TurnEvent)
    emit('conversations.changed', { conversationId: 'c1', reason: 'turn-ended', turnId: 't1' })
    await tick()
    await tick()
    expect(answer(store).content).toBe(long)
    expect(calls.filter(([route]) => route === 'conversations.text')).toHaveLength(0)
  })

  it('a window that joined a long answer mid-turn asks for the rest of the text so far', async () => {
    const progress = { turnId: 't1', conversationId: 'c1', base: '', text: long.slice(0, TEXT_PIECE_CHARS) }
    const { bridge } = fakeBridge(
      {},
      {
        'conversations.list': () => ({
          conversations: [],
          notices: [],
          activeTurn: { turnId: 't1', conversationId: 'c1' }
        }),
        'conversations.get': () => ({
          ...saved(''),
          activeTurnId: 't1',
          activeTurn: { ...progress, length: long.length },
          cut: []
        }),
        'conversations.turnText': ({ from }: Record<string, string>) =>
          long.slice(Number(from), Number(from) + TEXT_PIECE_CHARS)
      }
    )
    const store = new ChatStore(bridge)
    store.start()
    for (let i = 0; i < 6; i++) await tick()
    expect(store.displayedText('t1', '')).toBe(long)
  })

  it('a window that heard every delta of a running turn asks for none of its text', async () => {
    const { bridge, emit, calls } = fakeBridge(
      {},
      {
        'conversations.get': () => ({
          ...saved(''),
          activeTurnId: 't1',
          activeTurn: {
            turnId: 't1',
            conversationId: 'c1',
            base: '',
            text: long.slice(0, TEXT_PIECE_CHARS),
            length: long.length
          },
          cut: []
        })
      }
    )
    const store = new ChatStore(bridge)
    store.start()
    await tick()
    emit('conversations.changed', { conversationId: 'c1', reason: 'turn-started', turnId: 't1' })
    emit('turn-event', { type: 'delta', turnId: 't1', text: long, at: 0 } satisfies TurnEvent)
    await store.select('c1')
    await tick()
    expect(store.displayedText('t1', '')).toBe(long)
    expect(calls.filter(([route]) => route === 'conversations.turnText')).toHaveLength(0)
  })
})
