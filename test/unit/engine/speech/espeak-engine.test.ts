import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createEspeakEngine } from '../../../../src/main/engine/speech/espeak-engine'
import { fixWavSizes, wavSeconds } from '../../../../src/main/engine/speech/wav-player'

const dir = mkdtempSync(join(tmpdir(), 'hark-espeak-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('espeak-ng engine (real espeak-ng, no audio device)', () => {
  it.each([
    ['a leading dash', `--version -w ${dir}/pwned hello`],
    ['quotes and a backslash', 'She said "hi" \\ then left.']
  ])('speaks text with %s as words', async (name, text) => {
    const out = join(dir, `${name.replace(/ /g, '-')}.wav`)
    const engine = createEspeakEngine({ findPlayer: () => ({ cmd: 'sh', args: ['-c', 'cat > "$1"', 'sh', out] }) })
    expect(await engine.check()).toBeNull()
    await engine.speak(text, { signal: new AbortController().signal })
    expect(existsSync(join(dir, 'pwned'))).toBe(false)
    expect(wavSeconds(fixWavSizes(readFileSync(out)))).toBeGreaterThan(0.5)
  })

  it('lists voices from espeak-ng --voices', async () => {
    expect(await createEspeakEngine().voices()).toContain('en-us')
  })
})
