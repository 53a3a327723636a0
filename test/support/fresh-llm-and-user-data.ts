import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach } from 'vitest'
import { startFakeLlm, type FakeLlm, type FakeLlmOptions } from '../fake-llm'

/** The environment that points the app at a fake LLM. */
export const fakeLlmEnv = (llm: FakeLlm): Record<string, string> => ({
  OPENAI_BASE_URL: llm.url,
  OPENAI_API_KEY: 'test-key',
  HARK_MODEL: 'fake-model'
})

export interface FreshLlmAndUserData {
  llm: FakeLlm
  userData: string
}

/**
 * For each test of the calling describe: a new fake LLM and an empty userData
 * dir, handed to `use` before the test. The app may still be writing while
 * afterEach runs, so the dirs are removed only once the describe is done.
 */
export function freshLlmAndUserData(
  llmOpts: FakeLlmOptions,
  dirPrefix: string,
  use: (fresh: FreshLlmAndUserData) => void
): void {
  const made: string[] = []
  let fresh: FreshLlmAndUserData
  beforeEach(async () => {
    fresh = { llm: await startFakeLlm(llmOpts), userData: mkdtempSync(join(tmpdir(), dirPrefix)) }
    use(fresh)
  })
  afterEach(async () => {
    await fresh.llm.close()
    made.push(fresh.userData)
  })
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 })))
}
