import { playPcmStream } from './pcm-stream-player'
import { rawPlayerArgs, type PcmFormat, type WavPlayer } from './wav-player'
import { WarmProcess } from './warm-process'

/** Players whose raw-PCM argv we know (rawPlayerArgs); any other is given whole WAVs. */
const playsRaw = (player: WavPlayer): boolean => player.cmd === 'paplay' || player.cmd === 'aplay'

/** A warm player for `player` when it can take raw PCM; null for none (whole WAVs only). */
export function warmPlayerFor(player: WavPlayer | null): WarmPlayer | null {
  return player && playsRaw(player) ? new WarmPlayer(player) : null
}

/**
 * A raw-PCM player started before its audio exists: given the format up
 * front, paplay and aplay connect to the sound server and open their stream
 * at start, so that start-up (25–50 ms here, more under load) is off the
 * first sound's path. One waits per engine, until the engine is released.
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
   * Plays through the player waiting for exactly this format (or a fresh
   * one). The next utterance's player is warmed once this one sounds: started
   * any earlier, it would compete with this one's first sound. A stopped
   * utterance warms none.
   */
  play(format: PcmFormat, pieces: AsyncIterable<Buffer>, signal: AbortSignal, onSound?: () => void): Promise<void> {
    const started = this.waiting.take(rawPlayerArgs(this.player, format))
    const sounded = (): void => {
      onSound?.()
      if (!signal.aborted) this.warm(format)
    }
    return playPcmStream(this.player, format, pieces, signal, sounded, started)
  }

  /** The waiting player goes; one already playing is not ours any more. */
  release(): void {
    this.waiting.discard()
  }
}
