import { join } from 'node:path'
import { afterEach, onTestFailed, onTestFinished, type TestContext } from 'vitest'
import { launchApp, type LaunchedApp, type LaunchOptions } from './app-launcher'
import { repoRoot } from './harness-app'

const screenshotDir = join(repoRoot, 'test-results/screenshots')

const slug = (name: string): string => name.replace(/[^\w-]+/g, '_').slice(0, 80)

async function saveScreenshots(app: LaunchedApp, testName: string): Promise<void> {
  const files = await app.screenshots(screenshotDir, slug(testName)).catch(() => [])
  console.error(
    `[e2e] "${testName}" failed; window screenshots: ${files.join(', ') || 'none'}\n[e2e] app output:\n${app.output()}`
  )
}

/**
 * Launches the app for one test: on failure its windows are saved as PNGs
 * (and its output printed) before it is closed.
 */
export async function appForTest(opts: LaunchOptions = {}): Promise<LaunchedApp> {
  const app = await launchApp(opts)
  // onTestFailed runs after onTestFinished, so closing waits for the screenshots.
  onTestFinished(async ({ task }) => {
    if (task.result?.state !== 'fail') await app.close()
  })
  onTestFailed(async ({ task }) => {
    await saveScreenshots(app, task.name)
    await app.close()
  })
  return app
}

/** For an app shared by a file's tests (closed in afterAll): screenshots of each failing test. */
export function screenshotsOnFailure(current: () => LaunchedApp | undefined): void {
  afterEach(async ({ task }: TestContext) => {
    const app = current()
    if (app && task.result?.state === 'fail') await saveScreenshots(app, task.name)
  })
}
