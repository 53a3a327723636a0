import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import { z } from 'zod'
import type { KeyInfo, KeySlot } from '@shared/ipc/settings'
import { originOf } from '@shared/url-origin'
import { writeFileAtomic } from './atomic-file'
import { describeStorageError, withoutBom } from './storage-error'
import { UserFacingError } from '../ipc/user-facing-error'

/**
 * API keys, one per provider and one for the provider voice, encrypted with safeStorage and never sent to a
 * renderer. Each key is bound to the origin it was saved for: pointing the
 * provider at another host (or a page asking to test one) never carries the
 * key there; the user enters it again for the new host.
 *
 * Only safeStorage's asynchronous API is used, so the main process never
 * blocks (the macOS Keychain prompt waits for the user). `unlock()` decrypts
 * the saved keys once into memory; lookups are then synchronous.
 *
 * On Linux without a keyring safeStorage falls back to 'basic_text' (a
 * hard-coded password) and refuses to encrypt until the app allows plain-text
 * encryption. Hark allows it only after the user consents, and records that
 * consent with the key, so the next launch can read it back.
 */

const Entry = z.object({ sealed: z.string(), origin: z.string(), plainText: z.boolean().optional() })
const KeyFile = z.record(z.string(), Entry)
type KeyFile = z.infer<typeof KeyFile>

type AsyncSafeStorage = Pick<
  SafeStorage,
  | 'getSelectedStorageBackend'
  | 'setUsePlainTextEncryption'
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
>

export interface KeyStoreOptions {
  platform?: NodeJS.Platform
  /** told once when an unreadable keys file is moved aside */
  onNotice?: (message: string) => void
}

export class KeyStore {
  private readonly file: string
  private readonly platform: NodeJS.Platform
  /** decrypted keys by provider, filled by unlock() and set() */
  private readonly open = new Map<string, { key: string; origin: string }>()
  private unlocking: Promise<void> | null = null
  private lastNotice = ''

  constructor(
    private readonly dir: string,
    private readonly safeStorage: AsyncSafeStorage,
    private readonly opts: KeyStoreOptions = {}
  ) {
    this.file = join(dir, 'keys.json')
    this.platform = opts.platform ?? process.platform
  }

  /** Decrypts the saved keys, once; every caller may await it. */
  unlock(): Promise<void> {
    this.unlocking ??= this.decryptAll()
    return this.unlocking
  }

  async backend(): Promise<KeyInfo['backend']> {
    // Asked before consent, the async encryptor would settle on "no plain text": basic_text is told apart first.
    if (this.isBasicText()) return 'basic_text'
    return (await this.safeStorage.isAsyncEncryptionAvailable()) ? 'keychain' : 'unavailable'
  }

  async status(provider: KeySlot): Promise<KeyInfo> {
    await this.unlock()
    return { stored: provider in this.readAll(), backend: await this.backend() }
  }

  /** Stores `key` for `provider`, usable only with URLs of the same origin as `forUrl`. */
  async set(provider: KeySlot, key: string, allowPlainText: boolean, forUrl: string): Promise<KeyInfo> {
    await this.unlock()
    const backend = await this.assertStorable(allowPlainText)
    const origin = originOf(forUrl)
    if (!origin)
      throw new UserFacingError(`Set a valid provider URL before saving its key (got "${forUrl}").`, 'invalid-url')
    const plainText = backend === 'basic_text'
    if (plainText) this.safeStorage.setUsePlainTextEncryption(true)
    const sealed = (await this.safeStorage.encryptStringAsync(key)).toString('base64')
    const all = this.readAll()
    all[provider] = { sealed, origin, ...(plainText ? { plainText } : {}) }
    writeFileAtomic(this.file, JSON.stringify(all))
    this.open.set(provider, { key, origin })
    return this.status(provider)
  }

  /** Throws what stands in the way of storing a key (no storage, or weak storage without consent). */
  async assertStorable(allowPlainText: boolean): Promise<KeyInfo['backend']> {
    const backend = await this.backend()
    if (backend === 'unavailable') {
      throw new UserFacingError(
        'This system offers no secure storage, so Hark cannot save the key.',
        'no-secure-storage'
      )
    }
    if (backend === 'basic_text' && !allowPlainText) {
      throw new UserFacingError(
        'No system keyring was found, so the key would be stored with weak, built-in encryption. Confirm to store it anyway.',
        'plaintext-consent'
      )
    }
    return backend
  }

  async clear(provider: KeySlot): Promise<KeyInfo> {
    await this.unlock()
    const all = this.readAll()
    delete all[provider]
    writeFileAtomic(this.file, JSON.stringify(all))
    this.open.delete(provider)
    return this.status(provider)
  }

  /** Main-process only: the key saved for this provider and `url`'s origin, once unlocked. */
  get(provider: KeySlot, url: string): string | undefined {
    const entry = this.open.get(provider)
    return entry && entry.origin === originOf(url) ? entry.key : undefined
  }

  /** Main-process only: a key saved for `url`'s origin under any provider (e.g. a separate speech-to-text host). */
  forUrl(url: string): string | undefined {
    const origin = originOf(url)
    return [...this.open.values()].find((e) => e.origin === origin)?.key
  }

  private isBasicText(): boolean {
    return this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend() === 'basic_text'
  }

  private async decryptAll(): Promise<void> {
    const entries = Object.entries(this.readAll())
    if (entries.length === 0) return
    // The user consented when saving these: plain-text encryption was allowed then, and is again.
    if (this.isBasicText() && entries.some(([, e]) => e.plainText)) this.safeStorage.setUsePlainTextEncryption(true)
    else if (this.isBasicText() || !(await this.safeStorage.isAsyncEncryptionAvailable())) return
    for (const [provider, entry] of entries) {
      try {
        const { result } = await this.safeStorage.decryptStringAsync(Buffer.from(entry.sealed, 'base64'))
        this.open.set(provider, { key: result, origin: entry.origin })
      } catch {
        // Unreadable (another machine's keyring, a changed keychain): the user enters it again.
      }
    }
  }

  /**
   * A missing file is no keys. One that cannot be read (EACCES) is left alone
   * and reported; only one whose content is broken is moved aside (never
   * overwritten). Never throws, even when the move fails.
   */
  private readAll(): KeyFile {
    if (!existsSync(this.file)) return {}
    let text: string
    try {
      text = readFileSync(this.file, 'utf8')
    } catch (err) {
      this.noticeOnce(`Your saved API keys could not be read: ${describeStorageError(err)}.`)
      return {}
    }
    try {
      return KeyFile.parse(JSON.parse(withoutBom(text)))
    } catch {
      this.opts.onNotice?.(this.moveAside())
      return {}
    }
  }

  /** readAll runs for every request: say a lasting problem once, not every time. */
  private noticeOnce(message: string): void {
    if (message === this.lastNotice) return
    this.lastNotice = message
    this.opts.onNotice?.(message)
  }

  private moveAside(): string {
    const aside = join(this.dir, `keys.broken-${Date.now()}.json`)
    try {
      renameSync(this.file, aside)
      return `Your saved API keys could not be read and were moved to ${aside}. Enter your key again in Settings.`
    } catch (err) {
      return `Your saved API keys could not be read, and the file could not be moved aside (${describeStorageError(err)}). Enter your key again in Settings.`
    }
  }
}
