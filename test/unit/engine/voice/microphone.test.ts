import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCapture } from '../../../../src/main/engine/voice/microphone'
import { MicrophoneError } from '../../../../src/main/engine/voice/microphone-error'
import { chooseRecorder } from '../../../../src/main/engine/voice/recorder-binary'
import { findOnPath } from '../../../../src/main/engine/platform/find-on-path'
import { waitUntil } from '../../../support/e2e-actions'
import { tone } from './pcm-fixtures'

/**
 * The microphone spawns whatever `arecord` is first on PATH, so these
 * tests put scripted fakes there: one that streams audio and exits 1 when
 * stopped (as arecord does), ones that fail the usual ways.
 */

let dir: string
const savedPath = process.env['PATH']

function fakeRecorder(name: string, body: string): string {
  const bin = join(dir, name)
  mkdirp(bin)
  writeFileSync(join(bin, 'arecord'), `#!/bin/sh\n${body}\n`)
  chmodSync(join(bin, 'arecord'), 0o755)
  return bin
}

function mkdirp(path: string): void {
  rmSync(path, { recursive: true, force: true })
  mkdirSync(path, { recursive: true })
}

function withPath<T>(bin: string, fn: () => T): T {
  process.env['PATH'] = bin === '/nonexistent' ? bin : `${bin}:${savedPath}`
  try {
    return fn()
  } finally {
    process.env['PATH'] = savedPath
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hark-mic-'))
  writeFileSync(join(dir, 'tone.raw'), tone(200))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('startCapture', () => {
  it('names the package to install when the recorder is missing, without spawning', () => {
    const err = catchSync(() => startCapture({ recorder: 'arecord', env: { PATH: dir }, platform: 'linux' }, () => {}))
    expect(err).toBeInstanceOf(MicrophoneError)
    expect((err as MicrophoneError).code).toBe('missing-recorder')
    expect((err as MicrophoneError).message).toMatch(/"arecord".*alsa-utils/)
    const sox = catchSync(() => startCapture({ recorder: 'sox', env: { PATH: dir }, platform: 'linux' }, () => {}))
    expect((sox as MicrophoneError).message).toMatch(/"sox" package/)
  })

  it('turns a spawn ENOENT into a clear error instead of crashing', async () => {
    // the PATH check passes but exec fails with ENOENT: the script's interpreter does not exist
    const bin = fakeRecorder('ghost', 'exit 0')
    writeFileSync(join(bin, 'arecord'), '#!/nonexistent/sh\nexit 0\n')
    const capture = withPath(bin, () => startCapture({ recorder: 'arecord' }, () => {}))
    await expect(capture.ended).rejects.toMatchObject({
      code: 'missing-recorder',
      message: expect.stringMatching(/alsa-utils/)
    })
  })

  it('runs the recorder by the absolute path it found, so a PATH the spawn does not see still works', async () => {
    const bin = fakeRecorder('absolute', `/bin/cat "${dir}/tone.raw"`)
    const got: Buffer[] = []
    const capture = withPath('/nonexistent', () =>
      startCapture({ recorder: 'arecord', env: { PATH: bin } }, (c) => got.push(c))
    )
    await expect(capture.ended).resolves.toBeUndefined()
    expect(Buffer.concat(got).equals(tone(200))).toBe(true)
  })

  it('delivers the audio and ends cleanly when stopped, although arecord exits 1', async () => {
    const bin = fakeRecorder('streaming', `trap 'exit 1' TERM\nwhile :; do cat "${dir}/tone.raw"; sleep 0.05; done`)
    const got: Buffer[] = []
    const capture = withPath(bin, () => startCapture({ recorder: 'arecord' }, (c) => got.push(c)))
    await waitUntil('200 ms of tone arrived', () => Buffer.concat(got).length >= tone(200).length, 5000)
    capture.stop()
    capture.stop() // twice is harmless
    await expect(capture.ended).resolves.toBeUndefined()
    expect(Buffer.concat(got).subarray(0, 100).equals(tone(200).subarray(0, 100))).toBe(true)
  })

  it.each([
    ['no-device', 'arecord: main:831: audio open error: No such file or directory'],
    ['permission', 'arecord: main:831: audio open error: Permission denied'],
    ['busy', 'arecord: main:831: audio open error: Device or resource busy'],
    ['failed', 'arecord: something odd']
  ])('explains a recorder that fails at start (%s)', async (code, stderr) => {
    const bin = fakeRecorder(`fail-${code}`, `echo "${stderr}" >&2\nexit 1`)
    const capture = withPath(bin, () => startCapture({ recorder: 'arecord' }, () => {}))
    const err = await capture.ended.then(
      () => null,
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(MicrophoneError)
    expect(err).toMatchObject({ code })
  })

  it('gives up on a recorder that produces no audio, and kills it', async () => {
    const bin = fakeRecorder('mute', `trap 'exit 1' TERM\nwhile :; do sleep 0.05; done`)
    const capture = withPath(bin, () => startCapture({ recorder: 'arecord', noAudioTimeoutMs: 300 }, () => {}))
    await expect(capture.ended).rejects.toMatchObject({ code: 'no-audio' })
  })

  it('kills a recorder that ignores SIGTERM', async () => {
    const bin = fakeRecorder('stubborn', `trap '' TERM\nwhile :; do cat "${dir}/tone.raw"; sleep 0.05; done`)
    const capture = withPath(bin, () => startCapture({ recorder: 'arecord' }, () => {}))
    await new Promise((r) => setTimeout(r, 100))
    capture.stop()
    await expect(capture.ended).resolves.toBeUndefined()
  }, 10_000)
})

describe('recorder choice', () => {
  it('uses arecord on Linux and sox elsewhere unless told', () => {
    expect(chooseRecorder('auto', 'linux')).toBe('arecord')
    expect(chooseRecorder('auto', 'darwin')).toBe('sox')
    expect(chooseRecorder('auto', 'win32')).toBe('sox')
    expect(chooseRecorder('rec', 'linux')).toBe('rec')
  })

  it('finds executables on PATH only', () => {
    const bin = fakeRecorder('lookup', 'exit 0')
    expect(findOnPath('arecord', { PATH: `/nonexistent:${bin}` }, 'linux')).toBe(join(bin, 'arecord'))
    expect(findOnPath('tone.raw', { PATH: dir }, 'linux')).toBeNull() // not executable
    expect(findOnPath('arecord', {}, 'linux')).toBeNull()
  })
})

function catchSync(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  return null
}

describe('startCapture and the device', () => {
  it('refuses a device with plugin syntax without spawning anything (defence in depth)', () => {
    const marker = join(dir, 'pwned')
    const bin = fakeRecorder('never', `touch "${marker}"`)
    const err = withPath(bin, () =>
      catchSync(() => startCapture({ recorder: 'arecord', device: `file:'|touch ${marker}'` }, () => {}))
    )
    expect(err).toMatchObject({ code: 'no-device', message: expect.stringMatching(/not a name the recorder lists/) })
    expect(existsSync(marker)).toBe(false)
  })
})
