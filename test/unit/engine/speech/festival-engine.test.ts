import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createFestivalEngine, festivalArgs, festivalSynth } from '../../../../src/main/engine/speech/festival-engine'
import { cleanSpeechText } from '../../../../src/main/engine/speech/speech-text'
import { TtsError } from '../../../../src/main/engine/speech/speech-types'
import { wavSeconds } from '../../../../src/main/engine/speech/wav-player'
import { findOnPath } from '../../../../src/main/engine/platform/find-on-path'

const dir = mkdtempSync(join(tmpdir(), 'hark-festival-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A "player" that writes the WAV it is given to a file instead of a speaker. */
function recordingEngine(name: string) {
  const out = join(dir, `${name}.wav`)
  const engine = createFestivalEngine({ findPlayer: () => ({ cmd: 'sh', args: ['-c', 'cat > "$1"', 'sh', out] }) })
  return { engine, out }
}

async function speakToFile(name: string, text: string, rate?: number): Promise<string> {
  const { engine, out } = recordingEngine(name)
  await engine.speak(text, { rate, signal: new AbortController().signal })
  return out
}

describe('festivalArgs', () => {
  it('never contains the text and passes only a whitelisted voice and a formatted number', () => {
    expect(festivalArgs({})).toEqual(['-o', '-'])
    expect(festivalArgs({ voice: 'voice_kal_diphone', rate: 2 }, () => ['kal_diphone'])).toEqual([
      '-o',
      '-',
      '-eval',
      '(voice_kal_diphone)',
      '-eval',
      "(Parameter.set 'Duration_Stretch 0.500)"
    ])
  })

  it('rejects voices that are not installed or not plain names', () => {
    const installed = () => ['kal_diphone']
    for (const voice of ['kal_diphone) (system "id")', 'rab_diphone', '../x']) {
      expect(() => festivalArgs({ voice }, installed)).toThrow(TtsError)
    }
  })

  it('rejects rates that are not finite numbers in range', () => {
    for (const rate of [NaN, Infinity, 0, -1, 100]) expect(() => festivalArgs({ rate })).toThrow(/rate/)
  })
})

describe('festival text guard', () => {
  it('refuses text festival would segfault on', () => {
    for (const text of ['', '   ', '\n\t', '...', '—', '"', '-', 'é', '日本', '\u0000']) {
      expect(festivalSynth.canSpeak(cleanSpeechText(text)), JSON.stringify(text)).toBe(false)
    }
  })

  it('strips control characters and collapses whitespace', () => {
    expect(cleanSpeechText('  a\u0000b\u001b[31m  c\n\nd ')).toBe('a b [31m c d')
  })
})

describe('festival engine (real text2wave, no audio device)', () => {
  it('needs festival installed', () => {
    expect(findOnPath('text2wave'), 'install festival: apt-get install festival festvox-kallpc16k').not.toBeNull()
  })

  it('speaks hostile Scheme as words and never runs it', async () => {
    const marker = `/tmp/hark-pwned-unit-${process.pid}`
    rmSync(marker, { force: true })
    const out = await speakToFile('hostile', `Okay.") (system "touch ${marker}") (SayText "done`)
    expect(existsSync(marker)).toBe(false)
    expect(wavSeconds(readFileSync(out))).toBeGreaterThan(1)
  })

  it.each([
    ['quotes', 'She said "hi" and left.'],
    ['a backslash', 'C:\\path\\ ends with \\'],
    ['a leading dash', '-v voice_x -o /tmp/x hello'],
    ['a lone unbalanced paren', '(define x 1']
  ])('speaks text with %s', async (name, text) => {
    const out = await speakToFile(name.replace(/ /g, '-'), text)
    expect(wavSeconds(readFileSync(out))).toBeGreaterThan(0.3)
  })

  it('skips empty and unpronounceable text without starting anything', async () => {
    for (const text of ['', '   ', '...', '"']) {
      const out = await speakToFile('empty', text)
      expect(existsSync(out)).toBe(false)
    }
  })

  it('a faster rate makes shorter audio', async () => {
    const text = 'This sentence is spoken at two different speeds.'
    const normal = wavSeconds(readFileSync(await speakToFile('normal', text)))!
    const fast = wavSeconds(readFileSync(await speakToFile('fast', text, 2)))!
    expect(fast).toBeLessThan(normal * 0.75)
  })

  it('an aborted speak rejects as aborted and plays nothing', async () => {
    const { engine, out } = recordingEngine('aborted')
    const ctl = new AbortController()
    const spoken = engine.speak('A long sentence that will be stopped before it plays.', { signal: ctl.signal })
    ctl.abort()
    await expect(spoken).rejects.toMatchObject({ code: 'aborted' })
    expect(existsSync(out)).toBe(false)
  })

  it('lists the installed voices', async () => {
    expect(await createFestivalEngine().voices()).toContain('kal_diphone')
  })
})
