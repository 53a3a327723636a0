import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { voiceFixture } from '../support/voice-fixture'
import { renderSpeech, speakIntoMic } from '../support/virtual-mic'

/**
 * Settings → Voice input → Test microphone on the built app, with the real
 * recorder (arecord) on PulseAudio's null sink: speech played into the sink is
 * what the microphone hears, and the meter follows it live.
 */

const voice = voiceFixture({ text: 'Unused.' })

async function voiceInputSettings(): Promise<Page> {
  const app = await voice.launch()
  const page = await app.window('index')
  await page.getByTestId('open-settings').click()
  await page.getByTestId('settings-nav-voice-input').click()
  await page.getByTestId('mic-test').waitFor()
  return page
}

/** The meter's values, sampled in the page every 30 ms from now on. */
async function watchMeter(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const w = window as unknown as { __meter: number[] }
    w.__meter = []
    setInterval(() => w.__meter.push(document.querySelector<HTMLMeterElement>('.mic-meter')?.value ?? -1), 30)
  })
  return () => page.evaluate(() => (window as unknown as { __meter: number[] }).__meter)
}

describe('the microphone test in Settings', () => {
  it('shows a live level while you speak and says it heard you', async () => {
    const page = await voiceInputSettings()
    const meter = await watchMeter(page)
    const speech = renderSpeech('Testing my microphone, one two three.')
    await page.getByTestId('mic-test').click()
    await expect.poll(() => page.getByTestId('mic-test').innerText()).toMatch(/Recording/)
    await speakIntoMic(speech.path)
    await expect.poll(() => page.getByTestId('mic-test-result').innerText(), { timeout: 15_000 }).toMatch(/heard you/)
    const levels = await meter()
    expect(Math.max(...levels), 'the meter moved while the speech played').toBeGreaterThan(0.3)
    expect(levels.at(-1), 'the meter rests once the test is over').toBe(0)
    expect(await page.getByTestId('mic-test').isEnabled()).toBe(true)
  })

  it('says plainly that nothing was heard when the microphone is silent', async () => {
    const page = await voiceInputSettings()
    await page.getByTestId('mic-test').click()
    await expect
      .poll(() => page.getByTestId('mic-test-result').innerText(), { timeout: 15_000 })
      .toMatch(/Nothing was heard/)
  })
})
