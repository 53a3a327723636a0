import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import type { Settings } from '@shared/settings'
import { writeFileAtomic } from '../stores/atomic-file'

/**
 * Which conversation a quick prompt lands in. With saveTo 'quick-conversation'
 * every quick prompt goes to one conversation titled "Quick prompts"; its id
 * survives restarts in userData/quick-prompt.json. With 'new-conversation'
 * each one starts its own.
 */

export const QUICK_CONVERSATION_TITLE = 'Quick prompts'

const StateFile = z.object({ conversationId: z.string().min(1).optional() })

/** What is asked of the conversation store; all optional so any store fits. */
export interface QuickConversationStore {
  /** false once the user deleted it: a new one is started */
  exists?(conversationId: string): boolean
  /** creates it titled up front, so the first question does not name it */
  create?(title: string): { id: string }
  /** the fallback for stores that cannot create: rename after the first turn */
  rename?(conversationId: string, title: string): unknown
}

export class QuickConversation {
  private readonly file: string
  private conversationId: string | undefined

  constructor(
    userData: string,
    private readonly store: QuickConversationStore = {},
    private readonly log: (message: string) => void = console.warn
  ) {
    this.file = join(userData, 'quick-prompt.json')
    this.conversationId = this.load()
  }

  /** The conversation to continue, or undefined to start a new one. */
  target(saveTo: Settings['quickPrompt']['saveTo']): string | undefined {
    if (saveTo === 'new-conversation') return undefined
    const id = this.conversationId
    if (id && (!this.store.exists || this.store.exists(id))) return id
    if (!this.store.create) return undefined
    const created = this.store.create(QUICK_CONVERSATION_TITLE).id
    this.save(created)
    return created
  }

  /** Called with the id the turn actually used. */
  remember(saveTo: Settings['quickPrompt']['saveTo'], conversationId: string): void {
    if (saveTo === 'new-conversation' || conversationId === this.conversationId) return
    try {
      this.store.rename?.(conversationId, QUICK_CONVERSATION_TITLE)
    } catch (err) {
      this.log(`[hark] could not title the quick prompts conversation: ${String(err)}`)
    }
    this.save(conversationId)
  }

  private save(conversationId: string): void {
    this.conversationId = conversationId
    try {
      writeFileAtomic(this.file, JSON.stringify({ conversationId }))
    } catch (err) {
      this.log(`[hark] could not save the quick prompts conversation: ${String(err)}`)
    }
  }

  private load(): string | undefined {
    try {
      return StateFile.parse(JSON.parse(readFileSync(this.file, 'utf8'))).conversationId
    } catch {
      return undefined // missing or unreadable: a new "Quick prompts" conversation is started
    }
  }
}
