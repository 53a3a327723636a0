import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { spawnProgram, type SpawnProgram } from '../../../../src/main/engine/platform/spawn-program'
import { SAPI_ARGS } from '../../../../src/main/engine/speech/sapi-protocol'
import { SapiVoice, type SapiUtterance } from '../../../../src/main/engine/speech/sapi-voice'
import { installFakePowershell } from '../../../support/fake-powershell-on-path'

const dirs: string[] = []
const voices: SapiVoice[] = []
afterEach(() => {
  voices.splice(0).forEach((v) => v.close())
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
})

/** A SapiVoice whose "powershell" is the fake, found on PATH by the one spawn entry point. */
function fakeVoice(opts: { idleMs?: number; cancelGraceMs?: number } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hark-fake-sapi-'))
  dirs.push(dir)
  const fake = installFakePowershell(dir)
  const spawned: string[] = []
  const spawn: SpawnProgram = (name, args, options) => {
    spawned.push(name)
    const env = { ...process.env, PATH: `${dir}${delimiter}${process.env['PATH']}`, ...fake.env }
    return spawnProgram(name, args, { ...options, env })
  }
  const voice = new SapiVoice({ spawn, ...opts })
  voices.push(voice)
  return { voice, spawned, ...fake }
}

function utterance(text: string, more: Partial<SapiUtterance> = {}): SapiUtterance {
  return { text, voice: '', rate: 0, signal: new AbortController().signal, timeoutMs: 10_000, ...more }
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500 && !check(); i++) await new Promise((r) => setTimeout(r, 10))
  if (!check()) throw new Error(`timed out waiting for ${what}`)
}

describe('SapiVoice (against a fake PowerShell speaking the same protocol)', () => {
  it('speaks many sentences through one process, in order, each reporting its sound', async () => {
    const { voice, spoken, starts, spawned } = fakeVoice()
    const sounded: string[] = []
    const texts = ['One.', 'Two.', 'Three.', 'Four.', 'Five.']
    await Promise.all(texts.map((t) => voice.speak(utterance(t, { onSound: () => sounded.push(t) }))))
    expect(spawned).toEqual(['powershell'])
    expect(starts()).toHaveLength(1)
    expect(spoken()).toEqual(texts)
    expect(sounded).toEqual(texts)
  })

  it('starts its process when warmed, ahead of the first sentence, and speaks through that one', async () => {
    const { voice, starts } = fakeVoice()
    voice.warm()
    await until(() => starts().length === 1, 'the warmed process')
    voice.warm()
    await voice.speak(utterance('Hello there.'))
    expect(starts()).toHaveLength(1)
  })

  it('is cancelled mid-utterance without losing its process, and the next utterance speaks', async () => {
    const { voice, log, spoken, starts } = fakeVoice()
    const stop = new AbortController()
    let sounding = false
    const long = voice.speak(utterance('A LONG sentence.', { signal: stop.signal, onSound: () => (sounding = true) }))
    await until(() => sounding, 'sound')
    stop.abort()
    await expect(long).rejects.toMatchObject({ name: 'TtsError', code: 'aborted' })
    await voice.speak(utterance('Next one.'))
    expect(log().filter((e) => e.cancel)).toHaveLength(1)
    expect(spoken()).toEqual(['A LONG sentence.', 'Next one.'])
    expect(starts()).toHaveLength(1)
  })

  it('hands hostile text and voice names to the process as data only', async () => {
    const { voice, log, starts } = fakeVoice()
    const payloads = [
      `Okay'); Remove-Item -Recurse C:\\ ; ("$(calc)`,
      'first line\ncancel 1\nspeak 99 0  aGk=\r\nlast',
      '`$(Start-Process calc)` @" here-string "@ ; exit',
      'Ünïcödé — ✓ 日本語 \u0000 nul',
      'x'.repeat(5000)
    ]
    for (const text of payloads) await voice.speak(utterance(text, { voice: "Zira'; exit; '" }))
    const speaks = log().filter((e) => e.speak)
    expect(speaks.map((e) => e.speak!.text)).toEqual(payloads)
    expect(speaks.every((e) => e.speak!.voice === "Zira'; exit; '")).toBe(true)
    // one line per utterance, whatever it held; nothing else arrived
    expect(log().filter((e) => e.line)).toHaveLength(payloads.length)
    expect(starts()[0]!.start).toEqual(SAPI_ARGS)
  })

  it('restarts a process that died while speaking once, and says the utterance', async () => {
    const { voice, starts } = fakeVoice()
    await voice.speak(utterance('This will CRASH-ONCE.'))
    expect(starts()).toHaveLength(2)
  })

  it('gives a clear error when the restarted process dies too, and starts afresh for the next one', async () => {
    const { voice, starts } = fakeVoice()
    const failed = voice.speak(utterance('This will CRASH every time.'))
    await expect(failed).rejects.toMatchObject({ name: 'TtsError', code: 'failed' })
    await expect(failed).rejects.toThrow(/Windows voice \(powershell\) stopped twice.*code 3.*SAPI exploded/)
    expect(starts()).toHaveLength(2)
    await voice.speak(utterance('Fine again.'))
    expect(starts()).toHaveLength(3)
  })

  it('stops a process that never answers at the utterance timeout, and fails only that utterance', async () => {
    const { voice, starts } = fakeVoice()
    voice.warm()
    await until(() => starts().length === 1, 'the process')
    await expect(voice.speak(utterance('SILENT forever.', { timeoutMs: 300 }))).rejects.toThrow(/did not finish/)
    await voice.speak(utterance('Spoken.'))
    expect(starts()).toHaveLength(2)
  })

  it('kills a process that does not fall silent after a cancel, and moves on', async () => {
    const { voice, starts } = fakeVoice({ cancelGraceMs: 200 })
    const stop = new AbortController()
    const silent = voice.speak(utterance('SILENT and deaf.', { signal: stop.signal }))
    await until(() => starts().length === 1, 'the process')
    stop.abort()
    await expect(silent).rejects.toMatchObject({ code: 'aborted' })
    await voice.speak(utterance('Spoken.'))
    expect(starts()).toHaveLength(2)
  })

  it('its process exits when its stdin closes, and the next utterance starts another', async () => {
    const { voice, log, starts } = fakeVoice()
    await voice.speak(utterance('Before.'))
    voice.close()
    await until(() => log().some((e) => e.exit === 'stdin closed'), 'the process to exit')
    await voice.speak(utterance('After.'))
    expect(starts()).toHaveLength(2)
  })

  it('closes the stdin of a process left waiting past its idle time', async () => {
    const { voice, log } = fakeVoice({ idleMs: 100 })
    await voice.speak(utterance('Then nothing.'))
    await until(() => log().some((e) => e.exit === 'stdin closed'), 'the idle process to exit')
  })

  it('says which program is missing when PowerShell is not on PATH', async () => {
    const voice = new SapiVoice({
      spawn: (name, args, opts) => spawnProgram(name, args, { ...opts, env: { PATH: '' } })
    })
    await expect(voice.speak(utterance('Hello.'))).rejects.toMatchObject({ code: 'missing' })
  })
})
