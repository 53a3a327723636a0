import type { ConversationSummary } from '@shared/conversation'

export interface ModelChoices {
  recent: string[]
  /** listed by the provider and not already among the recent ones */
  available: string[]
}

/** Models picked in conversations, most recently used first (the list comes newest first). */
export function recentModels(conversations: ConversationSummary[], limit = 5): string[] {
  const seen = new Set<string>()
  for (const c of conversations) {
    if (c.model) seen.add(c.model)
    if (seen.size >= limit) break
  }
  return [...seen]
}

/** What the picker lists for `filter` (case-insensitive substring; empty lists all). */
export function modelChoices(recent: string[], listed: string[], filter: string): ModelChoices {
  const q = filter.trim().toLowerCase()
  const matches = (m: string): boolean => !q || m.toLowerCase().includes(q)
  const recentSet = new Set(recent)
  return {
    recent: recent.filter(matches),
    available: listed.filter((m) => !recentSet.has(m) && matches(m))
  }
}
