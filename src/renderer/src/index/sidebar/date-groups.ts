import type { ConversationSummary } from '@shared/conversation'

export interface DateGroup {
  label: string
  conversations: ConversationSummary[]
}

/**
 * The sidebar's headings, by when a conversation was last used, in local
 * time: Today, Yesterday, Previous 7 days, then one per month. Expects the
 * list newest first (as main sends it) and keeps that order.
 */
export function groupByDate(conversations: ConversationSummary[], now: Date, locale?: string): DateGroup[] {
  const month = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric' })
  const groups: DateGroup[] = []
  for (const c of conversations) {
    const label = labelFor(new Date(c.updatedAt), now, month)
    const last = groups.at(-1)
    if (last?.label === label) last.conversations.push(c)
    else groups.push({ label, conversations: [c] })
  }
  return groups
}

function labelFor(when: Date, now: Date, month: Intl.DateTimeFormat): string {
  const days = daysBetween(when, now)
  if (days <= 0) return 'Today'
  if (days === 1) return 'Yesterday'
  if (days <= 7) return 'Previous 7 days'
  return month.format(when)
}

/** Calendar days from `a` to `b` in local time (daylight-saving days count as one). */
function daysBetween(a: Date, b: Date): number {
  const start = new Date(a.getFullYear(), a.getMonth(), a.getDate())
  const end = new Date(b.getFullYear(), b.getMonth(), b.getDate())
  return Math.round((end.getTime() - start.getTime()) / 86_400_000)
}
