import type { Page } from 'playwright-core'
import type { TurnEvent } from '../../src/shared/turn-events'

export interface SeenEvent {
  event: TurnEvent
  /** Date.now() in the page when it arrived: same clock as the test's */
  at: number
}

/**
 * Subscribes through the page's real bridge (window.hark.on('turn.events')), as the UI
 * does, and keeps every turn event with its arrival time.
 */
export async function recordTurnEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __seenTurnEvents?: unknown[] }
    if (w.__seenTurnEvents) return
    const seen: unknown[] = []
    w.__seenTurnEvents = seen
    window.hark.on('turn.events', (batch) => batch.forEach((event) => seen.push({ event, at: Date.now() })))
  })
}

export function seenTurnEvents(page: Page): Promise<SeenEvent[]> {
  return page.evaluate(() => (window as unknown as { __seenTurnEvents?: SeenEvent[] }).__seenTurnEvents ?? [])
}

/** Polls the page until an event matches; returns it. */
export async function waitForTurnEvent(
  page: Page,
  match: (e: TurnEvent) => boolean,
  timeoutMs = 30_000
): Promise<SeenEvent> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const hit = (await seenTurnEvents(page)).find((s) => match(s.event))
    if (hit) return hit
    await new Promise((r) => setTimeout(r, 25))
  }
  const types = (await seenTurnEvents(page)).map((s) => s.event.type).join(', ')
  throw new Error(`no matching turn event within ${timeoutMs} ms (saw: ${types || 'nothing'})`)
}
