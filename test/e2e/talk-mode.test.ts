import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { voiceFixture } from '../support/voice-fixture'
import { renderSpeech, speakIntoMic } from '../support/virtual-mic'
import { waitUntil } from '../support/e2e-actions'
import type { VoiceStatus } from '../../src/shared/voice-state'
import type {} from '../../src/preload/index.d'

/**
 * Talk mode on the built app: started from the window's Talk button, three
 * spoken turns through PulseAudio, transcribed by the pocketsphinx-backed fake
 * STT and answered aloud by the real voice. It listens again only after the
 * voice is done, the button while Hark speaks is a barge-in, and a failed
 * transcription ends the mode with one message instead of looping.
 */

const ANSWER = 'Paris is the capital of France. It lies on the river Seine. Many people visit it every year.'

const voice = voiceFixture({ text: ANSWER })

interface Seen {
  states: Array<{ state: string; talk: boolean; at: number }>
  notices: string[]
  speech: Array<{ turnId: string; state: string; at: number }>
}

async function launch(): Promise<{ page: Page; seen: () => Promise<Seen> }> {
  const app = await voice.launch()
  const page = await app.window('index')
  await page.evaluate(async () => {
    const seen: Seen = { states: [], notices: [], speech: [] }
    ;(window as unknown as { __talk: Seen }).__talk = seen
    window.hark.on('voice.state', (s: VoiceStatus) => {
      const last = seen.states.at(-1)
      if (last?.state !== s.state || last.talk !== (s.talk === true))
        seen.states.push({ state: s.state, talk: s.talk === true, at: Date.now() })
    })
    window.hark.on('app.notice', (n) => seen.notices.push(n.message))
    window.hark.on('turn.events', (batch) => {
      for (const e of batch)
        if (e.type === 'speech') seen.speech.push({ turnId: e.turnId, state: e.state, at: Date.now() })
    })
    await window.hark.invoke('settings.set', { voiceInput: { silenceMs: 900, chimes: true } })
  })
  return { page, seen: () => page.evaluate(() => (window as unknown as { __talk: Seen }).__talk) }
}

async function until(what: string, seen: () => Promise<Seen>, ok: (s: Seen) => boolean, ms = 60_000): Promise<Seen> {
  await waitUntil(what, async () => ok(await seen()), ms)
  return seen()
}

const listeningCount = (s: Seen): number => s.states.filter((x) => x.state === 'listening').length

describe('Talk mode in the app', () => {
  it('three spoken turns: listens again after each answer, barge-in, and a failed transcription ends it once', async () => {
    const { page, seen } = await launch()
    await page.getByTestId('talk-toggle').click()
    await until('listening in Talk mode', seen, (s) => s.states.some((x) => x.state === 'listening' && x.talk))
    expect(await page.getByTestId('talk-toggle').getAttribute('aria-pressed')).toBe('true')
    const indicator = await voice.app!.window('indicator')
    await indicator.waitForSelector('[data-talk="true"]', { timeout: 10_000 })
    await waitUntil('the tray shows Talk mode', async () => {
      const tray = (await voice.app!.control.trays()).find((t) => !t.destroyed)
      return tray?.menu?.find((i) => i.label === 'Talk mode')?.checked === true
    })

    // turn 1: asked, answered aloud to the end, then listening again, never while speaking
    await new Promise((r) => setTimeout(r, 600)) // the recorder is up and the chime has played
    await speakIntoMic(renderSpeech('what is the capital of france').path)
    let s = await until('the answer spoken and listening again', seen, (x) => listeningCount(x) >= 2)
    const firstTurn = s.speech[0]!.turnId
    const lastEnd = Math.max(
      ...s.speech.filter((e) => e.turnId === firstTurn && e.state !== 'started').map((e) => e.at)
    )
    const relisten = s.states.filter((x) => x.state === 'listening')[1]!
    expect(s.speech.filter((e) => e.turnId === firstTurn && e.state === 'finished').length).toBe(3)
    expect(relisten.at).toBeGreaterThanOrEqual(lastEnd)
    expect(relisten.talk).toBe(true)
    expect(voice.stt.calls).toHaveLength(1)

    // turn 2: barge-in with the button while Hark speaks
    await new Promise((r) => setTimeout(r, 600))
    await speakIntoMic(renderSpeech('what is the capital of france').path)
    await until('speaking again', seen, (x) => x.speech.filter((e) => e.state === 'started').length >= 4, 60_000)
    await page.getByTestId('talk-toggle').click()
    s = await until('listening after the barge-in', seen, (x) => listeningCount(x) >= 3, 10_000)
    expect(s.speech.some((e) => e.turnId !== firstTurn && e.state === 'cancelled')).toBe(true)
    expect(s.states.at(-1)).toMatchObject({ state: 'listening', talk: true })

    // turn 3: speech-to-text fails: one message, the mode ends, no loop
    voice.stt.set({ fail: { status: 500, message: 'the transcription service is down' } })
    await new Promise((r) => setTimeout(r, 600))
    await speakIntoMic(renderSpeech('what is the capital of france').path)
    s = await until('Talk mode ended', seen, (x) => x.states.at(-1)?.talk === false, 60_000)
    await new Promise((r) => setTimeout(r, 3000))
    s = await seen()
    expect(s.states.at(-1)).toMatchObject({ state: 'idle', talk: false })
    expect(listeningCount(s)).toBe(3)
    expect(s.notices.filter((n) => /transcription service is down|500/.test(n))).toHaveLength(1)
    expect(await page.getByTestId('talk-toggle').getAttribute('aria-pressed')).toBe('false')
  })

  it('Esc ends Talk mode', async () => {
    const { page, seen } = await launch()
    await page.getByTestId('talk-toggle').click()
    await until('listening in Talk mode', seen, (s) => s.states.some((x) => x.state === 'listening' && x.talk))
    await page.keyboard.press('Escape')
    const s = await until('Talk mode ended', seen, (x) => x.states.at(-1)?.talk === false, 10_000)
    expect(s.states.at(-1)!.state).toBe('idle')
  })
})
