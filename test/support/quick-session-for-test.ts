import { onTestFinished } from 'vitest'
import { startQuickSession, type QuickSession } from '../e2e/quick-prompt-driver'

/** A quick-prompt session for the running test, closed when the test finishes. */
export async function quickSessionForTest(opts?: Parameters<typeof startQuickSession>[0]): Promise<QuickSession> {
  const session = await startQuickSession(opts)
  onTestFinished(() => session.close())
  return session
}
