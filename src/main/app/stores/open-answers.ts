/** A turn being written: which message it fills, from what offset. */
export interface OpenAnswer {
  conversationId: string
  messageId: string
  /** text the message already had (Continue appends to it) */
  base: string
  /** chars of this turn's text already on disk */
  persisted: number
  pending: string
  lastFlushAt: number
  timer?: ReturnType<typeof setTimeout>
  /** the version this answer replaced, shown again if it ends without text */
  replaced?: number
  /** the last append failed: said once, not at every flush while the disk stays full */
  failing?: boolean
}

/** The answers being streamed into conversations, by turn id. Closing one cancels its pending flush. */
export class OpenAnswers {
  private readonly byTurn = new Map<string, OpenAnswer>()

  get(turnId: string): OpenAnswer | undefined {
    return this.byTurn.get(turnId)
  }

  open(turnId: string, answer: OpenAnswer): void {
    this.byTurn.set(turnId, answer)
  }

  close(turnId: string): void {
    clearTimeout(this.byTurn.get(turnId)?.timer)
    this.byTurn.delete(turnId)
  }

  closeWhere(matches: (answer: OpenAnswer) => boolean): void {
    for (const [turnId, answer] of this.byTurn) if (matches(answer)) this.close(turnId)
  }

  some(matches: (answer: OpenAnswer) => boolean): boolean {
    return [...this.byTurn.values()].some(matches)
  }

  turnIds(): string[] {
    return [...this.byTurn.keys()]
  }

  all(): OpenAnswer[] {
    return [...this.byTurn.values()]
  }

  messageIds(): Set<string> {
    return new Set(this.all().map((a) => a.messageId))
  }
}
