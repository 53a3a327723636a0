import { afterAll, afterEach, beforeAll } from 'vitest'
import { startFakeLlm, type FakeLlmOptions, type FakeLlm } from '../fake-llm'
import { installTranscriptions, type FakeStt } from '../fake-llm/transcriptions'
import { launchApp, type LaunchedApp, type LaunchOptions } from './app-launcher'
import { fakeLlmEnv } from './fresh-llm-and-user-data'
import { requirePulse } from './virtual-mic'

export interface VoiceFixture {
  /** The file's fake LLM, its transcriptions done by pocketsphinx. */
  readonly fake: FakeLlm
  readonly stt: FakeStt
  /** The running test's app once launched; closed after each test. */
  readonly app: LaunchedApp | null
  /** Launches the app on the fake LLM; `opts.env` is laid over the fake's. */
  launch(opts?: LaunchOptions): Promise<LaunchedApp>
}

/** For a file of voice tests: PulseAudio is required, one fake LLM serves the file, one app each test. */
export function voiceFixture(llmOpts: FakeLlmOptions): VoiceFixture {
  let fake: FakeLlm | undefined
  let stt: FakeStt | undefined
  let app: LaunchedApp | null = null
  beforeAll(async () => {
    requirePulse()
    fake = await startFakeLlm(llmOpts)
    stt = installTranscriptions(fake)
  })
  afterEach(async () => {
    await app?.close()
    app = null
  })
  afterAll(() => fake?.close())
  return {
    get fake() {
      return fake!
    },
    get stt() {
      return stt!
    },
    get app() {
      return app
    },
    async launch(opts: LaunchOptions = {}) {
      app = await launchApp({ ...opts, env: { ...fakeLlmEnv(fake!), ...opts.env } })
      return app
    }
  }
}
