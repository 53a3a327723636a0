import type { StoredMessage } from '@shared/conversation'
import type { TurnOutcome } from '../../engine/turn'

/** Writes a turn's outcome into its answer; `base` is the text a Continue started from. */
export function finishMessage(m: StoredMessage, base: string, outcome: TurnOutcome): void {
  if (outcome.type === 'done') {
    m.content = base + outcome.text
    m.status = 'complete'
    if (outcome.reasoning) m.reasoning = (m.reasoning ?? '') + outcome.reasoning
    m.usage = outcome.usage
    m.timings = outcome.timings
    delete m.error
    return
  }
  m.content = base + outcome.partialText
  // A stream cut off without an error is interrupted: its text is kept, Continue picks it up.
  m.status = outcome.kind === 'aborted' ? 'partial' : outcome.kind === 'interrupted' ? 'interrupted' : 'error'
  if (outcome.kind === 'aborted') delete m.error
  else m.error = { kind: outcome.kind, message: outcome.message }
}
