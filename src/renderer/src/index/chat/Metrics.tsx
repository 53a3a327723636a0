import type { StoredMessage } from '@shared/conversation'
import type { LiveTurn } from '@renderer/shared/live-turn'
import { useVoice } from '../use-voice'

/**
 * The quiet line under an answer: time to first token and to first speech,
 * speed, tokens. "First speech" is when sound started (the speech `started`
 * event), known only for a turn this window followed; with the voice off it says so.
 */
export function Metrics({ message, live }: { message: StoredMessage; live?: LiveTurn }): React.JSX.Element | null {
  const voiceOff = useVoice((s) => !s.speechOn)
  const timings = live?.timings ?? message.timings
  const usage = live?.usage ?? message.usage
  if (!timings) return null
  const parts: string[] = []
  if (timings.firstTokenMs !== null) parts.push(`first token ${seconds(timings.firstTokenMs)}`)
  const speech = live?.firstSpeechMs ?? null
  if (speech !== null) parts.push(`first speech ${seconds(speech)}`)
  else if (voiceOff) parts.push('voice off')
  const rate = tokensPerSecond(
    message.content.length,
    usage?.completionTokens,
    timings.totalMs - (timings.firstTokenMs ?? 0)
  )
  if (rate) parts.push(rate)
  if (usage) parts.push(`${usage.promptTokens} in · ${usage.completionTokens} out`)
  return (
    <div className="metrics" data-testid="metrics">
      {parts.join('  ·  ')}
    </div>
  )
}

function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`
}

/** From usage when the provider reports it, else estimated at ~4 characters a token. */
function tokensPerSecond(chars: number, tokens: number | undefined, ms: number): string | null {
  if (ms <= 0) return null
  const count = tokens ?? chars / 4
  const rate = count / (ms / 1000)
  return `${rate.toFixed(rate < 10 ? 1 : 0)} tok/s${tokens === undefined ? ' (est.)' : ''}`
}
