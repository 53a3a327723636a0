import { existsSync, readFileSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import { z } from 'zod'
import type { KeyInfo } from '@shared/ipc/settings'
import type { ProviderPreset } from '@shared/settings'
import { writeFileAtomic } from './atomic-file'
import { describeStorageError, withoutBom } from './storage-error'
import { UserFacingError } from '../ipc/user-facing-error'

/**
 * API keys, one per provider, encrypted with safeStorage and never sent to a
 * renderer. Each key is bound to the origin it was saved for: pointing the
 * provider at another host (or a page asking to test one) never carries the
 * key there; the user enters it again for the new host. On Linux without a
 * keyring safeStorage falls back to 'basic_text' (a hard-coded password):
 * storing then needs the user's explicit consent.
 */

const KeyFile = z.record(z.string(), z.object({ sealed: z.string(), origin: z.string() }))
type KeyFile = z.infer<typeof KeyFile>

export interface KeyStoreOptions {
  platform?: NodeJS.Platform
  /** told once when an unreadable keys file is moved aside */
  onNotice?: (message: string) => void
}

export function originOf(url: string): string | null {
  try {
    const { protocol, origin } = new URL(url)
    return protocol === 'http:' || protocol === 'https:' ? origin : null
  } catch {
    return null
  }
}

export class KeyStore {
  private readonly file: string
  private readonly platform: NodeJS.Platform
  private lastNotice = ''

  constructor(
    private readonly dir: string,
    private readonly safeStorage: SafeStorage,
    private readonly opts: KeyStoreOptions = {}
  ) {
    this.file = join(dir, 'keys.json')
    this.platform = opts.platform ?? process.platform
  }

  backend(): KeyInfo['backend'] {
    if (!this.safeStorage.isEncryptionAvailable()) return 'unavailable'
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend() === 'basic_text') return 'basic_text'
    return 'keychain'
  }

  status(provider: ProviderPreset): KeyInfo {
    return { stored: provider in this.readAll(), backend: this.backend() }
  }

  /** Stores `key` for `provider`, usable only with URLs of the same origin as `forUrl`. */
  set(provider: ProviderPreset, key: string, allowPlainText: boolean, forUrl: string): KeyInfo {
    const backend = this.backend()
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
    const origin = originOf(forUrl)
    if (!origin)
      throw new UserFacingError(`Set a valid provider URL before saving its key (got "${forUrl}").`, 'invalid-url')
    const all = this.readAll()
    all[provider] = { sealed: this.safeStorage.encryptString(key).toString('base64'), origin }
    writeFileAtomic(this.file, JSON.stringify(all))
    return this.status(provider)
  }

  clear(provider: ProviderPreset): KeyInfo {
    const all = this.readAll()
    delete all[provider]
    writeFileAtomic(this.file, JSON.stringify(all))
    return this.status(provider)
  }

  /** Main-process only: the decrypted key, if one was saved for this provider and `url`'s origin. */
  get(provider: ProviderPreset, url: string): string | undefined {
    const entry = this.readAll()[provider]
    return entry && entry.origin === originOf(url) ? this.open(entry.sealed) : undefined
  }

  /** Main-process only: a key saved for `url`'s origin under any provider (e.g. a separate speech-to-text host). */
  forUrl(url: string): string | undefined {
    const origin = originOf(url)
    const entry = Object.values(this.readAll()).find((e) => e.origin === origin)
    return entry ? this.open(entry.sealed) : undefined
  }

  private open(sealed: string): string | undefined {
    if (!this.safeStorage.isEncryptionAvailable()) return undefined
    try {
      return this.safeStorage.decryptString(Buffer.from(sealed, 'base64'))
    } catch {
      return undefined
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
