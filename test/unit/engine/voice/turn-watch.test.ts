import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TurnWatch } from '../../../../src/main/engine/voice/turn-watch'
import type { SpeechState } from '../../../../src/shared/turn-events'

const SETTLE_MS = 300

function watchTurn() {
  const log: string[] = []
  let endStream!: () => void
  const done = new Promise<void>((r) => (endStream = r))
  const watch = new TurnWatch(
    't1',
    done,
    { onSpeaking: () => log.push(`speaking@${Date.now()}`), onOver: () => log.push(`over@${Date.now()}`) },
    SETTLE_MS,
    () => Date.now()
  )
  const queue = (index: number, turnId = 't1') => watch.onQueued({ turnId, index, text: `sentence ${index}` })
  const speech = (index: number, state: SpeechState, turnId = 't1') => watch.onSpeech({ turnId, index, state })
  const streamEnds = async () => {
    endStream()
    await vi.advanceTimersByTimeAsync(0)
  }
  return { log, watch, queue, speech, streamEnds }
}

describe('TurnWatch', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('waits for a first sentence that takes longer to synthesise than the settle time', async () => {
    const { log, queue, speech, streamEnds } = watchTurn()
    queue(0)
    queue(1)
    await streamEnds() // the whole answer streamed before the voice said a word
    await vi.advanceTimersByTimeAsync(400)
    expect(log).toEqual([])

    speech(0, 'started')
    expect(log).toEqual(['speaking@400'])
    await vi.advanceTimersByTimeAsync(500)
    speech(0, 'finished')
    await vi.advanceTimersByTimeAsync(700) // the next sentence is slow to synthesise too
    expect(log).toEqual(['speaking@400'])

    speech(1, 'started')
    await vi.advanceTimersByTimeAsync(500)
    speech(1, 'finished')
    expect(log).toEqual(['speaking@400', 'speaking@1600', 'over@2100'])
  })

  it('is not over while the stream is still running, even when the voice has caught up', async () => {
    const { log, queue, speech, streamEnds } = watchTurn()
    queue(0)
    speech(0, 'started')
    speech(0, 'finished')
    await vi.advanceTimersByTimeAsync(2000)
    expect(log).toEqual(['speaking@0'])
    await streamEnds()
    expect(log).toEqual(['speaking@0', 'over@2000'])
  })

  it('counts cancelled utterances as ended, and ignores other turns', async () => {
    const { log, queue, speech, streamEnds } = watchTurn()
    queue(0)
    queue(1)
    queue(0, 't2')
    await streamEnds()
    speech(0, 'cancelled')
    speech(0, 'finished', 't2')
    speech(1, 'finished', 't2')
    await vi.advanceTimersByTimeAsync(1000)
    expect(log).toEqual([])
    speech(1, 'cancelled')
    expect(log).toEqual(['over@1000'])
  })

  it('falls back to the settle time for a turn that queued nothing (speech off)', async () => {
    const { log, streamEnds } = watchTurn()
    await streamEnds()
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 1)
    expect(log).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(log).toEqual([`over@${SETTLE_MS}`])
  })

  it('without queue reports, never ends while an utterance is sounding', async () => {
    const { log, speech, streamEnds } = watchTurn()
    speech(0, 'started')
    await streamEnds()
    await vi.advanceTimersByTimeAsync(5000)
    expect(log).toEqual(['speaking@0'])
    speech(0, 'finished')
    await vi.advanceTimersByTimeAsync(SETTLE_MS)
    expect(log).toEqual(['speaking@0', `over@${5000 + SETTLE_MS}`])
  })

  it('says nothing more once disposed', async () => {
    const { log, watch, queue, speech, streamEnds } = watchTurn()
    queue(0)
    watch.dispose()
    speech(0, 'started')
    await streamEnds()
    speech(0, 'finished')
    await vi.advanceTimersByTimeAsync(SETTLE_MS * 2)
    expect(log).toEqual([])
  })
})
