import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runProcess, type RunOptions } from '../../../../src/main/engine/speech/run-process'
import { SapiEngine, sapiRate } from '../../../../src/main/engine/speech/sapi-engine'
import type { SapiUtterance, SapiVoice } from '../../../../src/main/engine/speech/sapi-voice'
import { SayEngine, sayCommand } from '../../../../src/main/engine/speech/say-engine'
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
    await new SayEngine(run).speak(`-o /tmp/x ${hostile}`, { voice: 'Alex', rate: 2, signal: signal() })
    const { cmd, args, opts } = runs[0]!
    expect(cmd).toBe('say')
    expect(args).toEqual([
      '-o',
      expect.stringMatching(/utterance\.wav$/),
      '--file-format=WAVE',
      '--data-format=LEI16@22050',
      '-f',
      '-',
      '-v',
      'Alex',
      '-r',
      '350'
    ])
    expect(opts.input).toBe(` -o /tmp/x ${hostile}`)
    expect(opts.timeoutMs).toBeGreaterThan(0)
  })

  it('reports sound when the player starts on the synthesised file, not when say starts', async () => {
    const { runs, run } = recordingRun()
    const onSound = () => {}
    await new SayEngine(run).speak('Hello there.', { signal: signal(), onSound })
    expect(runs.map((r) => r.cmd)).toEqual(['say', 'afplay'])
    const [say, player] = runs
    expect(say!.opts.onStarted).toBeUndefined()
    expect(player!.args).toEqual([say!.args[1]])
    expect(player!.opts.onStarted).toBe(onSound)
  })

  it('removes the synthesised file once it has played, and when synthesis fails', async () => {
    const files: string[] = []
    const run = async (cmd: string, args: string[]) => {
      if (cmd === 'say') files.push(args[1]!)
      if (files.length > 1) throw new TtsError('say exited with code 1', 'failed')
      return { stdout: Buffer.alloc(0), stderr: '' }
    }
    await new SayEngine(run).speak('One.', { signal: signal() })
    await expect(new SayEngine(run).speak('Two.', { signal: signal() })).rejects.toBeInstanceOf(TtsError)
    expect(files).toHaveLength(2)
    for (const file of files) expect(existsSync(dirname(file))).toBe(false)
  })

  it('rejects a voice name that looks like an option or code before running anything', async () => {
    const { runs, run } = recordingRun()
    for (const voice of ['-o', "Zira'); x; ('"]) {
      await expect(new SayEngine(run).speak('hello', { voice, signal: signal() })).rejects.toBeInstanceOf(TtsError)
    }
    expect(() => sayCommand('hi', { rate: 99 }, '/tmp/x.wav')).toThrow(TtsError)
    expect(runs).toEqual([])
  })

  it('turns a missing binary into a rejected promise, not an unhandled error event', async () => {
    const missing = (_cmd: string, args: string[], opts: RunOptions) => runProcess('hark-no-such-say', args, opts)
    await expect(new SayEngine(missing).speak('hello there', { signal: signal() })).rejects.toMatchObject({
      name: 'TtsError',
      code: 'missing'
    })
  })

  it('says nothing, and runs nothing, for text without a word', async () => {
    const { runs, run } = recordingRun()
    await new SayEngine(run).speak(' ... ', { signal: signal() })
    expect(runs).toEqual([])
  })
})

function recordingVoice() {
  const said: SapiUtterance[] = []
  const voice = { speak: async (u: SapiUtterance) => void said.push(u), warm: () => {} } as unknown as SapiVoice
  return { said, voice }
}

describe('SapiEngine', () => {
  it('hands the cleaned text, a checked voice and SAPI rate to the one Windows voice', async () => {
    const { said, voice } = recordingVoice()
    const onSound = () => {}
    await new SapiEngine(voice).speak(hostile, { voice: 'Microsoft Zira Desktop', rate: 2, signal: signal(), onSound })
    expect(said).toHaveLength(1)
    expect(said[0]).toMatchObject({ text: hostile, voice: 'Microsoft Zira Desktop', rate: 6, onSound })
    expect(said[0]!.timeoutMs).toBeGreaterThan(0)
  })

  it('maps rates onto SAPI -10…10 and refuses a bad voice or rate before speaking', async () => {
    expect([sapiRate(undefined), sapiRate(1), sapiRate(0.5), sapiRate(3)]).toEqual([0, 0, -6, 10])
    const { said, voice } = recordingVoice()
    const engine = new SapiEngine(voice)
    await expect(engine.speak('hello', { voice: "Zira'); x; ('", signal: signal() })).rejects.toBeInstanceOf(TtsError)
    await expect(engine.speak('hello', { rate: 99, signal: signal() })).rejects.toBeInstanceOf(TtsError)
    await engine.speak(' ... ', { signal: signal() })
    expect(said).toEqual([])
  })
})
