import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { voiceFixture } from '../support/voice-fixture'
import { renderSpeech, speakIntoMic } from '../support/virtual-mic'
import { lastSoundEnd, startCapture as listenToSink } from '../support/pulse'
import { recordTurnEvents, seenTurnEvents, waitForTurnEvent } from '../support/page-events'
import { ask, waitUntil } from '../support/e2e-actions'
import type {} from '../../src/preload/index.d'

/**
 * The main window as a voice-first app, on the built bundles with the real
 * voice on PulseAudio's null sink (its monitor captured): one Stop for stream
 * and voice, Esc, the remembered speaker toggle, Read aloud (from the top and
 * from a chosen sentence), and the composer's mic button.
 */

const ANSWER =
  'The harbour town sits at the mouth of a slow river. Its old stone quay is lined with fishing boats. ' +
  'Every morning the market opens beside the water. Traders sell fish, bread and cheese there. ' +
  'In the afternoon the ferry leaves for the islands. Visitors walk along the cliffs to the lighthouse. ' +
  'In winter the storms are loud and the streets are empty. The town is quiet until spring comes back.'

const voice = voiceFixture({ text: ANSWER })

async function launch(userData?: string): Promise<Page> {
  const app = await voice.launch(userData ? { userData } : {})
  const page = await app.window('index')
  await recordTurnEvents(page)
  return page
}

const spoken = async (page: Page, state: 'started' | 'finished' | 'cancelled'): Promise<number> =>
  (await seenTurnEvents(page)).filter((s) => s.event.type === 'speech' && s.event.state === state).length

/** asks, waits for the whole answer to stream and the voice to be heard on the sink */
async function answeredAloud(page: Page): Promise<Awaited<ReturnType<typeof listenToSink>>> {
  const sink = await listenToSink(90_000)
  await ask(page, 'Tell me about the harbour town.')
  await waitForTurnEvent(page, (e) => e.type === 'done', 20_000)
  await waitForTurnEvent(page, (e) => e.type === 'speech' && e.state === 'started', 20_000)
  await sink.waitForSound(15_000)
  return sink
}

/** the sink goes silent soon after `at` (performance.now()), and stays so */
async function silentAfter(sink: Awaited<ReturnType<typeof listenToSink>>, at: number): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500))
  const heard = await sink.stop()
  return (lastSoundEnd(heard) ?? 0) - at
}

describe('the voice in the main window', () => {
  it('Stop silences the voice after the text has finished, and keeps the text', async () => {
    const page = await launch()
    const sink = await answeredAloud(page)
    expect(await page.getByTestId('answer').innerText()).toContain('lighthouse') // the text is complete…
    await page.getByTestId('stop-button').click() // …and Stop is still there: the voice speaks
    const pressed = performance.now()
    expect(await silentAfter(sink, pressed)).toBeLessThan(1500) // wide: the null sink drains slowly on a loaded machine
    expect(await spoken(page, 'cancelled')).toBeGreaterThan(0)
    expect(await page.getByTestId('answer').innerText()).toContain('lighthouse')
    await waitUntil('the button is Ask again', async () => (await page.getByTestId('ask-button').count()) === 1)
  })

  it('with a question typed while only the voice speaks, the button is Stop; Enter still asks it, silencing the voice first', async () => {
    const page = await launch()
    const sink = await answeredAloud(page)
    const first = (await waitForTurnEvent(page, (e) => e.type === 'done')).event.turnId
    await page.getByTestId('prompt-input').fill('And what about the ferry?')
    expect(await page.getByTestId('stop-button').count()).toBe(1) // the voice speaks: Stop, not Ask
    expect(await page.getByTestId('ask-button').count()).toBe(0)

    await page.getByTestId('prompt-input').press('Enter')
    await page.locator('[data-testid=user-message]', { hasText: 'what about the ferry' }).waitFor({ timeout: 10_000 })
    await waitForTurnEvent(page, (e) => e.turnId === first && e.type === 'speech' && e.state === 'cancelled')
    const second = await waitForTurnEvent(
      page,
      (e) => e.turnId !== first && e.type === 'speech' && e.state === 'started',
      20_000
    )

    await page.getByTestId('prompt-input').fill('One more question')
    await waitForTurnEvent(page, (e) => e.turnId === second.event.turnId && e.type === 'done')
    await page.getByTestId('stop-button').click() // the second answer's voice is still speaking
    const pressed = performance.now()
    expect(await silentAfter(sink, pressed)).toBeLessThan(1500)
    expect(await page.getByTestId('prompt-input').inputValue()).toBe('One more question') // the typed text stays
    await waitUntil('the button is Ask again', async () => (await page.getByTestId('ask-button').count()) === 1)
  })

  it('Esc silences the voice', async () => {
    const page = await launch()
    const sink = await answeredAloud(page)
    await page.keyboard.press('Escape')
    const pressed = performance.now()
    expect(await silentAfter(sink, pressed)).toBeLessThan(1500)
    expect(await spoken(page, 'cancelled')).toBeGreaterThan(0)
  })

  it('the speaker toggle mutes the voice, and is remembered across a restart (the tray shows it too)', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'hark-mute-'))
    try {
      let page = await launch(userData)
      const sink = await answeredAloud(page)
      await page.getByTestId('speaker-toggle').click()
      const pressed = performance.now()
      expect(await silentAfter(sink, pressed)).toBeLessThan(1500)
      expect(await page.getByTestId('speaker-toggle').getAttribute('aria-pressed')).toBe('true')
      await waitUntil('the tray shows Mute checked', async () => {
        const tray = (await voice.app!.control.trays()).find((t) => !t.destroyed)
        return tray?.menu?.find((i) => i.label === 'Mute voice')?.checked === true
      })
      await voice.app!.close()

      page = await launch(userData)
      await waitUntil(
        'the toggle shows muted',
        async () => (await page.getByTestId('speaker-toggle').getAttribute('aria-pressed')) === 'true'
      )
      const quiet = await listenToSink(30_000)
      await ask(page, 'Tell me about the harbour town.')
      await waitForTurnEvent(page, (e) => e.type === 'done', 20_000)
      await new Promise((r) => setTimeout(r, 1500))
      expect(lastSoundEnd(await quiet.stop())).toBeNull() // nothing was heard
      expect(await spoken(page, 'started')).toBe(0)
      expect(await page.getByTestId('metrics').innerText()).toContain('voice off')
    } finally {
      rmSync(userData, { recursive: true, force: true })
    }
  })

  it('reads an old answer aloud (heard, then stopped), and from a chosen sentence', async () => {
    const page = await launch()
    const sink = await answeredAloud(page)
    await page.getByTestId('stop-button').click()
    await waitUntil('the voice is done', async () => (await page.getByTestId('read-aloud').count()) === 1)
    await new Promise((r) => setTimeout(r, 800))

    const from = performance.now()
    await page.getByTestId('read-aloud').click()
    await sink.waitForSound(15_000, from)
    const read = (await seenTurnEvents(page)).filter((s) => s.event.turnId.startsWith('read-'))
    expect(read[0]?.event).toMatchObject({ type: 'utterance', index: 0, text: ANSWER.split('. ')[0] + '.' })
    await page.getByTestId('read-aloud-stop').click()
    const stopped = performance.now()
    expect(await silentAfter(sink, stopped)).toBeLessThan(1500)
    await waitUntil('Read aloud is offered again', async () => (await page.getByTestId('read-aloud').count()) === 1)

    // right-click on a sentence in the middle: read from there
    const at = await page.evaluate(() => {
      const root = document.querySelector('[data-testid=answer]')!
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf('Visitors walk')
        if (i < 0) continue
        const r = document.createRange()
        r.setStart(n, i + 2)
        r.setEnd(n, i + 3)
        const box = r.getBoundingClientRect()
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 }
      }
      throw new Error('the sentence is not on screen')
    })
    await page.mouse.click(at.x, at.y, { button: 'right' })
    const before = (await seenTurnEvents(page)).length
    await page.getByTestId('read-from-here').click()
    const first = await waitUntil(
      'a read from the chosen sentence',
      async () => (await seenTurnEvents(page)).slice(before).some((s) => s.event.type === 'utterance'),
      10_000
    ).then(async () => (await seenTurnEvents(page)).slice(before).find((s) => s.event.type === 'utterance')!.event)
    expect(first).toMatchObject({ type: 'utterance' })
    expect((first as { text: string }).text).toMatch(/^Visitors walk/)
    await waitForTurnEvent(page, (e) => e.turnId === first.turnId && e.type === 'speech' && e.state === 'started')
    await page.keyboard.press('Escape')
  })

  it('the mic button asks by voice from an empty new conversation, which then shows on screen, answered aloud', async () => {
    const question = renderSpeech('what is the capital of france')
    const page = await launch()
    await page.evaluate(() =>
      window.hark.invoke('settings.set', { voiceInput: { silenceMs: 900, chimes: false }, autoTitle: false })
    )
    expect(await page.getByTestId('conversation-title').innerText()).toBe('New conversation')
    await page.getByTestId('mic-button').click()
    await page.locator('[data-testid=voice-state][data-state=listening]').waitFor({ timeout: 10_000 })
    await new Promise((r) => setTimeout(r, 400)) // the recorder is up
    await speakIntoMic(question.path)
    await page.locator('[data-testid=user-message]', { hasText: /capital of france/ }).waitFor({ timeout: 30_000 })
    expect(voice.stt.calls.length).toBeGreaterThan(0)
    await waitUntil(
      'the conversation on screen is the spoken one',
      async () => /capital of france/i.test(await page.getByTestId('conversation-title').innerText()),
      10_000
    )
    await page.locator('[data-testid=voice-state][data-state=speaking]').waitFor({ timeout: 20_000 })
    await waitUntil('the answer shows', async () => (await page.getByTestId('answer').innerText()).includes('harbour'))
    await page.getByTestId('stop-button').click()
  })
})
