import * as fs from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SafeStorage } from 'electron'
import { ConversationStore } from '../../../../src/main/app/stores/conversation-store'
import { KeyStore } from '../../../../src/main/app/stores/key-store'
import { SettingsStore } from '../../../../src/main/app/stores/settings-store'
import type { TurnOutcome } from '../../../../src/main/engine/turn'

/**
 * Faults the disk and permissions cause, injected at the stores' I/O seam
 * (node:fs), since the tests run as root and root is never refused a file:
 * an unreadable file is not a broken one and is never moved aside.
 */

const faults = vi.hoisted(() => ({ path: '', op: '' as 'read' | 'rename' | 'write' | '' }))

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>()
  const denied = (op: string, path: unknown): void => {
    if (faults.op === op && String(path).startsWith(faults.path)) {
      throw Object.assign(new Error(`EACCES: permission denied, ${op} '${String(path)}'`), {
        code: 'EACCES',
        path: String(path)
      })
    }
  }
  return {
    ...real,
    readFileSync: ((p: fs.PathOrFileDescriptor, o?: unknown) => {
      denied('read', p)
      return real.readFileSync(p, o as BufferEncoding)
    }) as typeof real.readFileSync,
    renameSync: (a: fs.PathLike, b: fs.PathLike) => {
      denied('rename', a)
      real.renameSync(a, b)
    },
    writeFileSync: ((p: fs.PathOrFileDescriptor, d: string, o?: fs.WriteFileOptions) => {
      denied('write', p)
      real.writeFileSync(p, d, o)
    }) as typeof real.writeFileSync
  }
})

afterEach(() => {
  faults.op = ''
  faults.path = ''
})

const dir = () => fs.mkdtempSync(join(tmpdir(), 'hark-faults-'))

const safeStorage = {
  getSelectedStorageBackend: () => 'gnome_libsecret',
  setUsePlainTextEncryption: () => {},
  isAsyncEncryptionAvailable: async () => true,
  encryptStringAsync: async (s: string) => Buffer.from(s).reverse(),
  decryptStringAsync: async (b: Buffer) => ({ shouldReEncrypt: false, result: Buffer.from(b).reverse().toString() })
} as unknown as SafeStorage

const url = 'https://api.openai.com/v1'

async function unlocked(d: string, onNotice?: (m: string) => void): Promise<KeyStore> {
  const keys = new KeyStore(d, safeStorage, { platform: 'linux', onNotice })
  await keys.unlock()
  return keys
}

describe('KeyStore.readAll', () => {
  it('leaves keys.json where it is on EACCES and says it is a permission problem', async () => {
    const d = dir()
    await (await unlocked(d)).set('openai', 'sk-1', false, url)
    const notices: string[] = []
    faults.op = 'read'
    faults.path = join(d, 'keys.json')
    const keys = await unlocked(d, (m) => notices.push(m))
    expect(keys.get('openai', url)).toBeUndefined()
    expect(await keys.status('openai')).toMatchObject({ stored: false })
    expect(notices).toEqual([expect.stringMatching(/not allowed to use the file.*permissions/)])
    faults.op = ''
    expect(fs.readdirSync(d)).toEqual(['keys.json'])
    expect((await unlocked(d)).get('openai', url)).toBe('sk-1')
  })

  it('never throws when a broken keys.json cannot be moved aside', async () => {
    const d = dir()
    fs.writeFileSync(join(d, 'keys.json'), '{ not json')
    const notices: string[] = []
    faults.op = 'rename'
    faults.path = join(d, 'keys.json')
    const keys = await unlocked(d, (m) => notices.push(m))
    expect(() => keys.get('openai', url)).not.toThrow()
    expect(notices[0]).toMatch(/could not be read, and the file could not be moved aside/)
  })

  it('accepts a keys.json that starts with a byte order mark', async () => {
    const d = dir()
    await (await unlocked(d)).set('openai', 'sk-1', false, url)
    fs.writeFileSync(join(d, 'keys.json'), '\uFEFF' + fs.readFileSync(join(d, 'keys.json'), 'utf8'))
    expect((await unlocked(d)).get('openai', url)).toBe('sk-1')
  })
})

describe('SettingsStore', () => {
  it('accepts a settings.json that starts with a byte order mark', () => {
    const d = dir()
    fs.writeFileSync(join(d, 'settings.json'), '\uFEFF' + JSON.stringify({ theme: 'dark' }))
    const store = new SettingsStore(d)
    expect(store.notices).toEqual([])
    expect(store.get().theme).toBe('dark')
  })

  it('does not call an unreadable settings.json broken, and never moves it aside', () => {
    const d = dir()
    fs.writeFileSync(join(d, 'settings.json'), JSON.stringify({ theme: 'dark' }))
    faults.op = 'read'
    faults.path = join(d, 'settings.json')
    const store = new SettingsStore(d)
    faults.op = ''
    expect(store.notices[0]).toMatch(/not allowed to use the file/)
    store.update({ theme: 'light' })
    expect(fs.readdirSync(d)).toEqual(['settings.json'])
  })
})

const cut = (text: string): TurnOutcome =>
  ({
    type: 'error',
    turnId: 't1',
    kind: 'interrupted',
    message: 'The answer was cut off: the stream ended before it finished.',
    retryable: true,
    partialText: text
  }) as TurnOutcome

describe('ConversationStore', () => {
  it('leaves a conversation it may not read where it is, and says why', () => {
    const d = dir()
    const id = new ConversationStore(d).beginTurn(undefined, 'Keep me', 't1')
    faults.op = 'read'
    faults.path = join(d, 'conversations', `${id}.jsonl`)
    const store = new ConversationStore(d)
    expect(store.notices).toEqual([expect.stringMatching(/could not be read: Hark is not allowed to use the file/)])
    expect(fs.existsSync(join(d, 'conversations', 'quarantine'))).toBe(false)
    faults.op = ''
    expect(new ConversationStore(d).get(id).messages[0]).toMatchObject({ content: 'Keep me' })
  })

  it('keeps a conversation that read fine when the repair after it fails', () => {
    const d = dir()
    const first = new ConversationStore(d, { flushMs: 0 })
    const id = first.beginTurn(undefined, 'Still here?', 't1')
    first.progress(id, 't1', 'Half an answer')
    faults.op = 'write'
    faults.path = join(d, 'conversations', id)
    const store = new ConversationStore(d)
    expect(store.get(id).messages.map((m) => m.content)).toEqual(['Still here?', 'Half an answer'])
    expect(store.notices.join()).toMatch(/could not be tidied up on disk.*kept as it is/)
    expect(fs.existsSync(join(d, 'conversations', 'quarantine'))).toBe(false)
  })

  it('stores a stream cut off without an error as interrupted, which Continue picks up', () => {
    const d = dir()
    const store = new ConversationStore(d)
    const id = store.beginTurn(undefined, 'Tell me more', 't1')
    store.endTurn(id, 't1', cut('The first half'))
    expect(new ConversationStore(d).get(id).messages[1]).toMatchObject({
      status: 'interrupted',
      content: 'The first half',
      error: { kind: 'interrupted' }
    })
    expect(store.beginContinue(id, 't2')).toBe('The first half')
  })
})
