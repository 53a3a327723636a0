import { readFileSync, rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runProcess, timeoutForText } from '../../../../src/main/engine/speech/run-process'

const hint = 'apt-get install something'

/** Running, not a zombie: a container's pid 1 may never reap orphans. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch {
    return false
  }
}

describe('runProcess', () => {
  it('passes stdin through and collects stdout', async () => {
    const r = await runProcess('cat', [], { input: 'hello "world" \\', timeoutMs: 5000, missingHint: hint })
    expect(r.stdout.toString()).toBe('hello "world" \\')
  })

  it('reports a missing binary as missing, with the install hint', async () => {
    await expect(runProcess('hark-no-such-binary', [], { timeoutMs: 5000, missingHint: hint })).rejects.toMatchObject({
      code: 'missing',
      message: expect.stringContaining(hint)
    })
  })

  it('kills a hung process at its timeout', async () => {
    const started = Date.now()
    await expect(runProcess('sleep', ['30'], { timeoutMs: 300, missingHint: hint })).rejects.toMatchObject({
      code: 'failed'
    })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('abort kills the whole process tree it started, grandchildren included', async () => {
    const ctl = new AbortController()
    const pidFile = `/tmp/hark-run-process-${process.pid}`
    const run = runProcess('sh', ['-c', `sleep 30 & echo $! > ${pidFile}; wait`], {
      signal: ctl.signal,
      timeoutMs: 20_000,
      missingHint: hint
    })
    await new Promise((r) => setTimeout(r, 300))
    const grandchild = Number(readFileSync(pidFile, 'utf8'))
    expect(alive(grandchild)).toBe(true)
    ctl.abort()
    await expect(run).rejects.toMatchObject({ code: 'aborted' })
    await new Promise((r) => setTimeout(r, 100))
    expect(alive(grandchild)).toBe(false)
    rmSync(pidFile, { force: true })
  })

  it('reports a non-zero exit with the end of stderr', async () => {
    await expect(
      runProcess('sh', ['-c', 'echo broken >&2; exit 3'], { timeoutMs: 5000, missingHint: hint })
    ).rejects.toMatchObject({
      code: 'failed',
      message: expect.stringMatching(/code 3: broken/)
    })
  })

  it('gives longer text a longer budget', () => {
    expect(timeoutForText('a'.repeat(100))).toBeGreaterThan(timeoutForText('a'))
    expect(timeoutForText('')).toBe(5000)
  })
})
