import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { currentProfile } from './profile'
import { record } from './recorder'

/**
 * safeStorage with real, reversible AES-256-GCM under a key shared by every
 * launch of one test run (HARK_HARNESS_STORAGE_KEY), so a relaunched app can
 * read what it stored, and the stored bytes are never the plain text.
 * HARK_HARNESS_STORAGE picks the backend, else the platform profile does:
 * gnome_libsecret, basic_text (Linux without a keyring) or unavailable.
 */

type Backend = 'gnome_libsecret' | 'kwallet5' | 'basic_text' | 'unavailable'

let backend = (process.env['HARK_HARNESS_STORAGE'] || currentProfile().safeStorage.backend) as Backend
const keyHex = process.env['HARK_HARNESS_STORAGE_KEY']
const key = keyHex && keyHex.length === 64 ? Buffer.from(keyHex, 'hex') : randomBytes(32)
const prefix = Buffer.from('v11')

function assertAvailable(): void {
  if (backend === 'unavailable')
    throw new Error(
      'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.'
    )
}

export const safeStorage = {
  isEncryptionAvailable: (): boolean => backend !== 'unavailable',
  getSelectedStorageBackend: (): string => (backend === 'unavailable' ? 'unknown' : backend),
  setUsePlainTextEncryption: (usePlainText: boolean): void =>
    record('safeStorage.setUsePlainTextEncryption', usePlainText),
  isAsyncEncryptionAvailable: (): Promise<boolean> => Promise.resolve(backend !== 'unavailable'),

  encryptString(plainText: string): Buffer {
    assertAvailable()
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', key, iv)
    const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
    return Buffer.concat([prefix, iv, cipher.getAuthTag(), body])
  },

  decryptString(encrypted: Buffer): string {
    assertAvailable()
    try {
      if (!encrypted.subarray(0, 3).equals(prefix)) throw new Error('bad prefix')
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(3, 15))
      decipher.setAuthTag(encrypted.subarray(15, 31))
      return Buffer.concat([decipher.update(encrypted.subarray(31)), decipher.final()]).toString('utf8')
    } catch {
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
    }
  }
}

export function setStorageBackend(next: Backend): void {
  backend = next
}
