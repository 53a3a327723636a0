import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { TurnWatch, type VoiceTurnOutcome } from '../../../../src/main/engine/voice/turn-watch'
import type { SpeechState } from '../../../../src/shared/turn-events'

function watchTurn() {
  const log: string[] = []
  let endStream!: (outcome: VoiceTurnOutcome) => void
  const done = new Promise<VoiceTurnOutcome>((r) => (endStream = r))
  let voiceDone!: () => void
  const asked: string[] = []
  const voiceIdle = (turnId: string): Promise<void> => {
    asked.push(turnId)
    return new Promise((r) => (voiceDone = r))
  }
  const watch = new TurnWatch(
    't1',
    done,
    voiceIdle,
    {
      onSpeaking: () => log.push(`speaking@${Date.now()}`),
      onOver: (failed) => log.push(`over@${Date.now()}${failed ? `:${failed}` : ''}`)
    },
    () => Date.now()
  )
  const speech = (index: number, state: SpeechState, turnId = 't1') => watch.onSpeech({ turnId, index, state })
  const streamEnds = async (outcome: VoiceTurnOutcome = {}) => {
    endStream(outcome)
    await vi.advanceTimersByTimeAsync(0)
  }
  const voiceEnds = async () => {
    voiceDone()
    await vi.advanceTimersByTimeAsync(0)
  }
  return { log, watch, asked, speech, streamEnds, voiceEnds }
}

describe('TurnWatch', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('asks the voice whether the turn is done only once the answer has finished streaming', async () => {
    const { log, asked, speech, streamEnds, voiceEnds } = watchTurn()
    speech(0, 'started')
    speech(0, 'finished')
    await vi.advanceTimersByTimeAsync(2000)
    expect(asked).toEqual([])
    await streamEnds()
    expect(asked).toEqual(['t1'])
    expect(log).toEqual(['speaking@0'])
    await vi.advanceTimersByTimeAsync(700) // a slow synthesiser: still not over
    expect(log).toEqual(['speaking@0'])
    await voiceEnds()
    expect(log).toEqual(['speaking@0', 'over@2700'])
  })

  it('tells speaking once per utterance of its own turn only', async () => {
    const { log, speech } = watchTurn()
    speech(0, 'started', 't2')
    speech(0, 'finished')
    expect(log).toEqual([])
    speech(1, 'started')
    expect(log).toEqual(['speaking@0'])
  })

  it('passes on why a stream broke off', async () => {
    const { log, streamEnds, voiceEnds } = watchTurn()
    await streamEnds({ failed: 'The connection dropped.' })
    await voiceEnds()
    expect(log).toEqual(['over@0:The connection dropped.'])
  })

  it('says nothing more once disposed', async () => {
    const { log, watch, speech, streamEnds, voiceEnds } = watchTurn()
    watch.dispose()
    speech(0, 'started')
    await streamEnds()
    await voiceEnds()
    expect(log).toEqual([])
  })
})
