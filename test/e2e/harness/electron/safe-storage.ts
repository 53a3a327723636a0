import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { StorageBackend } from '../profiles/platform-profile'
import { currentProfile } from './profile'
import { record } from './recorder'
import { NotEmulatedError } from './strict'

/**
 * safeStorage with real, reversible AES-256-GCM under a key shared by every
 * launch of one test run (HARK_HARNESS_STORAGE_KEY), so a relaunched app can
 * read what it stored, and the stored bytes are never the plain text.
 * HARK_HARNESS_STORAGE picks the backend, else the platform profile does:
 * gnome_libsecret, basic_text (Linux without a keyring) or unavailable.
 *
 * basic_text follows Electron: encryption is unavailable, and encrypting
 * throws, until the app calls setUsePlainTextEncryption(true). The async API
 * initialises once, lazily; the harness takes the plain-text choice made by
 * then as binding, and refuses a later change (Electron does not say).
 */

let backend: StorageBackend | undefined
let plainTextAllowed = false
let asyncInitialised = false
const keyHex = process.env['HARK_HARNESS_STORAGE_KEY']
const key = keyHex && keyHex.length === 64 ? Buffer.from(keyHex, 'hex') : randomBytes(32)
const prefix = Buffer.from('v11')

const selected = (): StorageBackend =>
  (backend ??= (process.env['HARK_HARNESS_STORAGE'] || currentProfile().safeStorage.backend) as StorageBackend)

function available(): boolean {
  const b = selected()
  return b !== 'unavailable' && (b !== 'basic_text' || plainTextAllowed)
}

function assertAvailable(): void {
  if (!available())
    throw new Error(
      'Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.'
    )
}

function seal(plainText: string): Buffer {
  assertAvailable()
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
  return Buffer.concat([prefix, iv, cipher.getAuthTag(), body])
}

function open(encrypted: Buffer): string {
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

/** Rejects in a later tick, as the real async API's failures do. */
const later = <T>(fn: () => T): Promise<T> =>
  new Promise((resolve, reject) =>
    setImmediate(() => {
      asyncInitialised = true
      try {
        resolve(fn())
      } catch (err) {
        reject(err as Error)
      }
    })
  )

export const safeStorage = {
  isEncryptionAvailable: (): boolean => available(),
  getSelectedStorageBackend: (): string => (selected() === 'unavailable' ? 'unknown' : selected()),
  setUsePlainTextEncryption(usePlainText: boolean): void {
    record('safeStorage.setUsePlainTextEncryption', usePlainText)
    if (asyncInitialised && usePlainText !== plainTextAllowed)
      throw new NotEmulatedError('safeStorage.setUsePlainTextEncryption after the async encryptor initialised')
    plainTextAllowed = usePlainText
  },
  isAsyncEncryptionAvailable: (): Promise<boolean> => later(available),
  encryptString: seal,
  decryptString: open,
  encryptStringAsync: (plainText: string): Promise<Buffer> => later(() => seal(plainText)),
  decryptStringAsync: (encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> =>
    later(() => ({ shouldReEncrypt: false, result: open(encrypted) }))
}

export function setStorageBackend(next: StorageBackend): void {
  backend = next
}
