import type { TtsEngine } from './speech-types'

/** `--speak none`: every utterance is "spoken" at once, so turns still complete. */
export class NoneEngine implements TtsEngine {
  readonly name = 'none'
  async check(): Promise<string | null> {
    return null
  }
  async speak(): Promise<void> {}
}
