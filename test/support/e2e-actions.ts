import type { Page } from 'playwright-core'

/** A user's steps in the main window, shared by the e2e tests. */

/**
 * Types a question and presses Enter: the way to ask in every state. While the
 * voice still speaks an earlier answer the button beside the box is Stop, not Ask.
 */
export async function ask(page: Page, prompt: string): Promise<void> {
  const input = page.getByTestId('prompt-input')
  await input.fill(prompt)
  await input.press('Enter')
}

/** Polls `check` until it holds, or fails naming `what`. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 20_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Nothing is left busy (neither the answer nor the voice): with a new question typed, the button is Ask, not Stop. */
export async function readyToAskAgain(page: Page): Promise<boolean> {
  await page.getByTestId('prompt-input').fill('And another question?')
  return (await page.getByTestId('ask-button').isEnabled()) && (await page.getByTestId('stop-button').count()) === 0
}
