import type { ChildProcess } from 'node:child_process'
import { rawPlayerArgs, type PcmFormat, type WavPlayer } from './wav-player'
import { WarmProcess } from './warm-process'

/** Players whose raw-PCM argv we know (rawPlayerArgs); any other is given whole WAVs. */
export const playsRaw = (player: WavPlayer): boolean => player.cmd === 'paplay' || player.cmd === 'aplay'

/**
 * A raw-PCM player started before its audio exists: given the format up
 * front, paplay and aplay connect to the sound server and open their stream
 * at start, so that start-up (25–50 ms here, more under load) is off the
 * first sound's path. One waits per engine; it is let go when idle.
 */
export class WarmPlayer {
  private readonly waiting: WarmProcess

  constructor(private readonly player: WavPlayer) {
    this.waiting = new WarmProcess(player.cmd)
  }

  warm(format: PcmFormat): void {
    this.waiting.warm(rawPlayerArgs(this.player, format))
  }

  /**
   * The waiting player for exactly this format, if any; a fresh one is warmed
   * for the next utterance, unless this one is stopped: after Stop nothing of
   * the voice stays behind (the next turn warms one again).
   */
  take(format: PcmFormat, signal: AbortSignal): ChildProcess | null {
    const child = this.waiting.take(rawPlayerArgs(this.player, format))
    this.warm(format)
    if (signal.aborted) this.waiting.discard()
    else signal.addEventListener('abort', () => this.waiting.discard(), { once: true })
    return child
  }
}
