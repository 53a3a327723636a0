/**
 * A failed read or write in words: a full disk and a permission problem are
 * what they are, not "corruption", and the user can act on them.
 */
export function describeStorageError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code
  const path = (err as NodeJS.ErrnoException | null)?.path
  const where = path ? ` (${path})` : ''
  if (code === 'ENOSPC' || code === 'EDQUOT') return `the disk is full${where}; free some space`
  if (code === 'EACCES' || code === 'EPERM') return `Hark is not allowed to use the file${where}; check its permissions`
  if (code === 'EROFS') return `the disk is read-only${where}`
  return err instanceof Error ? err.message : String(err)
}

/** An error of the file system (the disk, permissions), as opposed to a file whose content is bad. */
export function isFileSystemError(err: unknown): boolean {
  return typeof (err as NodeJS.ErrnoException | null)?.code === 'string'
}

/** A UTF-8 byte order mark, which some editors put at the start of a file JSON.parse rejects. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
