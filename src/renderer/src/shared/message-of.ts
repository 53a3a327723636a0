/** The words of an error that crossed the bridge (only its message survives), or of anything thrown. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
