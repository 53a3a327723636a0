import type { Conversation, StoredMessage } from '@shared/conversation'

/** A conversation as a Markdown document a person can read, keep or share. */
export function conversationToMarkdown(c: Conversation): string {
  const title = c.title || 'New conversation'
  const header = [`# ${title}`, '', `_Exported from Hark on ${new Date(c.updatedAt).toISOString().slice(0, 10)}_`]
  return [...header, ...c.messages.flatMap(section)].join('\n').trimEnd() + '\n'
}

function section(m: StoredMessage): string[] {
  const who = m.role === 'user' ? '## You' : '## Hark'
  const out = ['', who, '']
  if (m.reasoning) out.push('<details><summary>Reasoning</summary>', '', m.reasoning.trim(), '', '</details>', '')
  out.push(m.content.trim() || '_(no text)_')
  const note = statusNote(m)
  if (note) out.push('', `> ${note}`)
  return out
}

function statusNote(m: StoredMessage): string | null {
  if (m.status === 'interrupted') return m.error?.message ?? 'This answer was interrupted when Hark closed.'
  if (m.status === 'partial' && m.role === 'assistant') return 'This answer was stopped before it finished.'
  if (m.status === 'error') return `This answer failed: ${m.error?.message ?? 'unknown error'}`
  return null
}

/** A file name for the export: the title, made safe for every file system. */
export function exportFileName(c: Conversation): string {
  const base = (c.title || 'conversation')
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 60)
  return `${base || 'conversation'}.md`
}
