/**
 * Up recalls earlier prompts, Down walks back towards the draft, like a shell.
 * Kept in localStorage so the popup remembers across restarts.
 */

const KEY = 'hark.quick.prompts'
const LIMIT = 50

export class PromptHistory {
  private prompts: string[]
  /** prompts.length means "the draft" */
  private cursor: number
  private draft = ''

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage()) {
    this.prompts = load(storage)
    this.cursor = this.prompts.length
  }

  add(prompt: string): void {
    const text = prompt.trim()
    if (!text) return
    this.prompts = [...this.prompts.filter((p) => p !== text), text].slice(-LIMIT)
    this.cursor = this.prompts.length
    this.draft = ''
    try {
      this.storage?.setItem(KEY, JSON.stringify(this.prompts))
    } catch {
      // storage full or denied: history lives in memory only
    }
  }

  /** The previous prompt, or null at the oldest. `current` is kept as the draft. */
  previous(current: string): string | null {
    if (this.cursor === 0) return null
    if (this.cursor === this.prompts.length) this.draft = current
    this.cursor--
    return this.prompts[this.cursor] ?? null
  }

  /** The next newer prompt, the draft after the newest, null when already there. */
  next(): string | null {
    if (this.cursor >= this.prompts.length) return null
    this.cursor++
    return this.cursor === this.prompts.length ? this.draft : (this.prompts[this.cursor] ?? null)
  }
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

function load(storage: Pick<Storage, 'getItem'> | null): string[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]')
    return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string').slice(-LIMIT) : []
  } catch {
    return []
  }
}
