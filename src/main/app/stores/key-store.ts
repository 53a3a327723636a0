import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import type { KeyInfo } from '../../../shared/ipc/contract'
import type { ProviderPreset } from '../../../shared/settings'
import { writeFileAtomic } from './atomic-file'
import { UserFacingError } from '../ipc-router'

/**
 * API keys, one per provider, encrypted with safeStorage and never sent to a
 * renderer. On Linux without a keyring safeStorage falls back to 'basic_text'
 * (a hard-coded password): storing then needs the user's explicit consent.
 */
export class KeyStore {
  private readonly file: string

  constructor(
    dir: string,
    private readonly safeStorage: SafeStorage,
    private readonly platform: NodeJS.Platform = process.platform
  ) {
    this.file = join(dir, 'keys.json')
  }

  backend(): KeyInfo['backend'] {
    if (!this.safeStorage.isEncryptionAvailable()) return 'unavailable'
    if (this.platform === 'linux' && this.safeStorage.getSelectedStorageBackend() === 'basic_text') return 'basic_text'
    return 'keychain'
  }

  status(provider: ProviderPreset): KeyInfo {
    return { stored: provider in this.readAll(), backend: this.backend() }
  }

  set(provider: ProviderPreset, key: string, allowPlainText: boolean): KeyInfo {
    const backend = this.backend()
    if (backend === 'unavailable') {
      throw new UserFacingError('This system offers no secure storage, so Hark cannot save the key.', 'no-secure-storage')
    }
    if (backend === 'basic_text' && !allowPlainText) {
      throw new UserFacingError(
        'No system keyring was found, so the key would be stored with weak, built-in encryption. Confirm to store it anyway.',
        'plaintext-consent'
      )
    }
    const all = this.readAll()
    all[provider] = this.safeStorage.encryptString(key).toString('base64')
    writeFileAtomic(this.file, JSON.stringify(all))
    return this.status(provider)
  }

  clear(provider: ProviderPreset): KeyInfo {
    const all = this.readAll()
    delete all[provider]
    writeFileAtomic(this.file, JSON.stringify(all))
    return this.status(provider)
  }

  /** Main-process only: the decrypted key, or undefined. */
  get(provider: ProviderPreset): string | undefined {
    const sealed = this.readAll()[provider]
    if (!sealed || !this.safeStorage.isEncryptionAvailable()) return undefined
    try {
      return this.safeStorage.decryptString(Buffer.from(sealed, 'base64'))
    } catch {
      return undefined
    }
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.file)) return {}
    try {
      const data: unknown = JSON.parse(readFileSync(this.file, 'utf8'))
      return typeof data === 'object' && data !== null ? (data as Record<string, string>) : {}
    } catch {
      return {}
    }
  }
}
