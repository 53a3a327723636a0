import { ensurePulse } from './pulse-server'

/**
 * vitest globalSetup for the audio and e2e projects. It runs in the main
 * process before any worker exists, so setting process.env.PULSE_SERVER here
 * is inherited by the workers and by everything they spawn.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const before = process.env.PULSE_SERVER
  const pulse = await ensurePulse()
  process.env.HARK_TEST_PULSE_SERVER = pulse.server
  return async () => {
    await pulse.stop()
    if (!pulse.owned) return
    if (before === undefined) delete process.env.PULSE_SERVER
    else process.env.PULSE_SERVER = before
  }
}
