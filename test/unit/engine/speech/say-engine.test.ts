import { describe, expect, it } from 'vitest'
import { runProcess, type RunOptions } from '../../../../src/main/engine/speech/run-process'
import { SayEngine, WINDOWS_SAY_SCRIPT, sayCommand } from '../../../../src/main/engine/speech/say-engine'
import { TtsError } from '../../../../src/main/engine/speech/speech-types'

function recordingRun() {
  const runs: Array<{ cmd: string; args: string[]; opts: RunOptions }> = []
  const run = async (cmd: string, args: string[], opts: RunOptions) => {
    runs.push({ cmd, args, opts })
    return { stdout: Buffer.alloc(0), stderr: '' }
  }
  return { runs, run }
}

const signal = () => new AbortController().signal
const hostile = `Okay'); Remove-Item -Recurse C:\\ ; ("$(calc)`

describe('SayEngine', () => {
  it('on macOS feeds the text to `say` on stdin, never as an argument', async () => {
    const { runs, run } = recordingRun()
    await new SayEngine('darwin', run).speak(`-o /tmp/x ${hostile}`, { voice: 'Alex', rate: 2, signal: signal() })
    expect(runs).toHaveLength(1)
    const { cmd, args, opts } = runs[0]!
    expect(cmd).toBe('say')
    expect(args).toEqual(['-f', '-', '-v', 'Alex', '-r', '350'])
    expect(opts.input).toBe(` -o /tmp/x ${hostile}`)
    expect(opts.timeoutMs).toBeGreaterThan(0)
  })

  it('on Windows runs a constant PowerShell script, with voice and rate in the environment', async () => {
    const { runs, run } = recordingRun()
    await new SayEngine('win32', run).speak(hostile, { voice: 'Microsoft Zira Desktop', rate: 2, signal: signal() })
    const { cmd, args, opts } = runs[0]!
    expect(cmd).toBe('powershell')
    expect(args).toEqual(['-NoProfile', '-NonInteractive', '-Command', WINDOWS_SAY_SCRIPT])
    expect(opts.env).toEqual({ HARK_SAY_VOICE: 'Microsoft Zira Desktop', HARK_SAY_RATE: '6' })
    expect(opts.input).toBe(hostile)
    expect(args.join(' ')).not.toContain('Remove-Item')
  })

  it('rejects a voice name that looks like an option or code before running anything', async () => {
    const { runs, run } = recordingRun()
    for (const voice of ['-o', "Zira'); x; ('"]) {
      await expect(new SayEngine('darwin', run).speak('hello', { voice, signal: signal() })).rejects.toBeInstanceOf(
        TtsError
      )
    }
    expect(() => sayCommand('win32', 'hi', { rate: 99 })).toThrow(TtsError)
    expect(runs).toEqual([])
  })

  it('turns a missing binary into a rejected promise, not an unhandled error event', async () => {
    const missing = (_cmd: string, args: string[], opts: RunOptions) => runProcess('hark-no-such-say', args, opts)
    await expect(new SayEngine('darwin', missing).speak('hello there', { signal: signal() })).rejects.toMatchObject({
      name: 'TtsError',
      code: 'missing'
    })
  })

  it('says nothing, and runs nothing, for text without a word', async () => {
    const { runs, run } = recordingRun()
    await new SayEngine('win32', run).speak(' ... ', { signal: signal() })
    expect(runs).toEqual([])
  })
})
