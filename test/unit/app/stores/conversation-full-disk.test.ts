import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConversationStore } from '../../../../src/main/app/stores/conversation-store'

/**
 * userData on a real, tiny tmpfs that fills up mid-answer (mounting needs
 * root, as in this sandbox; without it the test fails, it is not skipped).
 */

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hark-full-disk-'))
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=128k', 'tmpfs', dir])
})
afterAll(() => {
  execFileSync('umount', [dir])
  rmSync(dir, { recursive: true, force: true })
})

/** Fills the disk until `leave` bytes are free; returns the filler to delete. */
function fill(leave: number): string {
  const filler = join(dir, 'filler')
  const { bavail, bsize } = statfsSync(dir)
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leave)))
  return filler
}

describe('ConversationStore on a disk that fills up', () => {
  it('says at once that the answer is not saved, never glues the next append onto a torn line, and keeps the conversation', () => {
    const failures: string[] = []
    const store = new ConversationStore(dir, { flushMs: 0 })
    store.onSaveFailed((m) => failures.push(m))
    const id = store.beginTurn(undefined, 'What fills a disk?', 't1')
    store.progress(id, 't1', 'First part. ')
    const filler = fill(1500)
    let text = 'First part. '
    for (let i = 0; i < 40 && failures.length === 0; i++) {
      text += `Sentence number ${i} with some words in it. `.repeat(10)
      store.progress(id, 't1', text)
    }
    expect(failures[0]).toMatch(/could not save the answer as it streamed: the disk is full/)
    store.progress(id, 't1', text + 'Still full. ')
    expect(failures).toHaveLength(1) // said once, not at every flush
    text += 'Still full. '

    rmSync(filler)
    text += 'After space came back.'
    store.progress(id, 't1', text)
    // Hark dies here, before the answer ends: the next start reads the log as it is
    const reopened = new ConversationStore(dir)
    expect(existsSync(join(dir, 'conversations', 'quarantine'))).toBe(false)
    const c = reopened.get(id)
    expect(c.messages[0]).toMatchObject({ role: 'user', content: 'What fills a disk?' })
    expect(c.messages[1]!.content).toMatch(/^First part\. /)
    expect(c.messages[1]!.content).toMatch(/After space came back\.$/)
    expect(reopened.notices.join('\n')).toMatch(/damaged line.*dropped.*the rest is kept/)
    expect(readdirSync(join(dir, 'conversations')).filter((f) => f.endsWith('.tmp'))).toEqual([])
  })

  it('reports a failed rewrite as a full disk, not as corruption', () => {
    const store = new ConversationStore(dir)
    const filler = fill(0)
    try {
      expect(() => store.create('x'.repeat(100))).toThrow(/could not save the conversation: the disk is full/)
    } finally {
      rmSync(filler)
    }
  })
})
