import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { afterEach, describe, expect, it } from 'vitest'
import { streamChat } from '../../../src/main/engine/llm/chat-stream'

const root = resolve(__dirname, '../../..')
const children: ChildProcess[] = []
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGTERM')
})

/** Start the standalone fake as its own process and read the URL from its first stdout line. */
async function launch(args: string[]): Promise<string> {
  const child = spawn(
    process.execPath,
    [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'test/fake-llm/cli.ts', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] }
  )
  children.push(child)
  const first = new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('fake LLM CLI printed no URL within 20 s')), 20_000)
    child.once('exit', (code) => fail(new Error(`fake LLM CLI exited ${code}`)))
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      ok(line)
    })
  })
  return (JSON.parse(await first) as { url: string }).url
}

async function answer(url: string, model = 'fake-model'): Promise<{ text: string; error: string | null }> {
  let text = ''
  try {
    for await (const c of streamChat(
      { baseUrl: url, apiKey: '', model, retryBaseDelayMs: 20 },
      { messages: [{ role: 'user', content: 'hi' }], stream: true }
    )) {
      if (c.type === 'text') text += c.text
    }
    return { text, error: null }
  } catch (e) {
    return { text, error: (e as { kind: string }).kind }
  }
}

describe('fake LLM launcher (separate process)', () => {
  it('prints its URL first and serves the given text at the given speed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hark-fake-'))
    writeFileSync(join(dir, 'answer.txt'), 'One short line. Another one.')
    const url = await launch(['--port', '0', '--text', join(dir, 'answer.txt'), '--tps', '200'])
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/)
    expect(await answer(url)).toEqual({ text: 'One short line. Another one.', error: null })
  })

  it('plays the chosen scenario, and a per-request one by model name', async () => {
    const url = await launch(['--scenario', 'unauthorized'])
    expect((await answer(url)).error).toBe('auth')
    expect((await answer(url, 'scenario:normal')).error).toBeNull()
  })

  it('refuses an unknown scenario with the list of known ones', async () => {
    const child = spawn(
      process.execPath,
      [resolve(root, 'node_modules/tsx/dist/cli.mjs'), 'test/fake-llm/cli.ts', '--scenario', 'nope'],
      { cwd: root }
    )
    children.push(child)
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d))
    const code = await new Promise((r) => child.once('exit', r))
    expect(code).toBe(2)
    expect(err).toMatch(/unknown scenario "nope"; known: normal,/)
  })
})
