import type { SafeStorage } from 'electron'

/**
 * Reversible, and visibly not plaintext, like the real thing; only the async
 * API. basic_text refuses to encrypt until plain text is allowed, as Electron does.
 */
export function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorage & { plainTextCalls: boolean[] } {
  const plainTextCalls: boolean[] = []
  const usable = (): boolean => backend !== 'basic_text' || plainTextCalls.at(-1) === true
  const xor = (b: Buffer): Buffer => Buffer.from([...b].map((x) => x ^ 0x5a))
  return {
    plainTextCalls,
    getSelectedStorageBackend: () => backend,
    setUsePlainTextEncryption: (v: boolean) => void plainTextCalls.push(v),
    isAsyncEncryptionAvailable: async () => usable(),
    encryptStringAsync: async (s: string) => {
      if (!usable()) throw new Error('Encryption is not available.')
      return xor(Buffer.from(s))
    },
    decryptStringAsync: async (b: Buffer) => {
      if (!usable()) throw new Error('Decryption is not available.')
      return { shouldReEncrypt: false, result: xor(b).toString() }
    }
  } as unknown as SafeStorage & { plainTextCalls: boolean[] }
}
