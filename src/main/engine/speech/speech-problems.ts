import { TtsError, type TtsEngine } from './speech-types'

/**
 * What the voice tells the user when it cannot speak, said once rather than
 * on every utterance: each engine's check() is run once, a problem that turns
 * speech off is reported once, and the same failure (a dead sound server, say)
 * once until speech works again.
 */
export class SpeechProblems {
  private readonly checked = new WeakMap<TtsEngine, Promise<string | null>>()
  private reportedProblem = false
  private lastFailure: string | null = null

  constructor(private readonly report: (message: string) => void) {}

  /** null when `engine` is usable, else why not (its check(), run once) */
  problemOf(engine: TtsEngine): Promise<string | null> {
    const known = this.checked.get(engine)
    if (known) return known
    const problem = engine.check().catch((err: Error) => `cannot use ${engine.name}: ${err.message}`)
    this.checked.set(engine, problem)
    return problem
  }

  speechIsOff(problem: string): void {
    if (this.reportedProblem) return
    this.reportedProblem = true
    this.report(`Speech is off: ${problem}`)
  }

  failed(engine: TtsEngine, err: unknown): void {
    if (err instanceof TtsError && err.code === 'missing') {
      this.checked.set(engine, Promise.resolve(err.message))
      return this.speechIsOff(err.message)
    }
    const message = `${engine.name} could not speak: ${(err as Error).message ?? String(err)}`
    if (message === this.lastFailure) return
    this.lastFailure = message
    this.report(message)
  }

  spoke(): void {
    this.lastFailure = null
  }

  /** a new engine: its problems are told afresh */
  reset(): void {
    this.reportedProblem = false
    this.lastFailure = null
  }
}
