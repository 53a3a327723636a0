import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { ConversationStore } from '../../../../src/main/app/stores/conversation-store'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Runs the streaming child until `minLength` chars were handed to the store, then SIGKILLs it. */
async function streamThenKill(
  minLength: number
): Promise<{ conversationId: string; lengthAtKill: number; rate: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures/stream-then-die.ts'), dir], {
    cwd: join(__dirname, '../../../..'),
    stdio: ['ignore', 'pipe', 'inherit']
  })
  let conversationId = ''
  let lengthAtKill = 0
  let firstAt = 0
  let buffer = ''
  const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)))
  const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await new Promise<void>((res) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      for (const line of lines) {
        if (line.startsWith('conversation ')) conversationId = line.slice(13)
        if (!line.startsWith('len ')) continue
        firstAt ||= Date.now()
        lengthAtKill = Number(line.slice(4))
        if (lengthAtKill >= minLength && child.exitCode === null && !child.killed) {
          child.kill('SIGKILL')
          res()
        }
      }
    })
    child.on('exit', () => res())
  })
  clearTimeout(timeout)
  expect(await exited).toBe('SIGKILL')
  return { conversationId, lengthAtKill, rate: lengthAtKill / Math.max(1, Date.now() - firstAt) }
}

it('loses at most about a second of a streaming answer when the process is SIGKILLed, and marks it interrupted', async () => {
  dir = mkdtempSync(join(tmpdir(), 'hark-crash-'))
  const { conversationId, lengthAtKill, rate } = await streamThenKill(3000)

  const store = new ConversationStore(dir)
  expect(store.notices).toEqual([])
  const answer = store.get(conversationId).messages[1]!
  expect(answer.status).toBe('interrupted')
  expect(answer.content.length).toBeGreaterThan(0)
  // what reached disk is exactly a prefix of what was streamed
  expect(answer.content).toMatch(/^(word\d+ )+/)
  const words = answer.content.trim().split(' ')
  words.forEach((w, i) => expect(w).toBe(`word${i}`))
  // lost text: at most what streams in ~1 s (rate is chars/ms; 1.5 s allows for a loaded machine)
  const lost = lengthAtKill - answer.content.length
  expect(lost).toBeLessThanOrEqual(Math.max(200, rate * 1500))
})
