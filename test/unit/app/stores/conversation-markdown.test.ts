import { describe, expect, it } from 'vitest'
import { conversationToMarkdown, exportFileName } from '../../../../src/main/app/stores/conversation-markdown'
import { titleFrom } from '../../../../src/main/app/stores/conversation-title'
import type { Conversation } from '../../../../src/shared/conversation'

const conversation: Conversation = {
  id: 'c1',
  title: 'Rust: lifetimes / borrowing?',
  createdAt: 0,
  updatedAt: Date.UTC(2026, 0, 2),
  messageCount: 3,
  messages: [
    { id: 'm1', role: 'user', content: 'Explain lifetimes', createdAt: 0, status: 'complete' },
    {
      id: 'm2',
      role: 'assistant',
      content: "A lifetime is a scope.\n\n```rust\nfn f<'a>() {}\n```",
      reasoning: 'Think about scopes.',
      createdAt: 0,
      status: 'complete'
    },
    { id: 'm3', role: 'assistant', content: 'Also', createdAt: 0, status: 'interrupted' }
  ]
}

describe('conversation export', () => {
  it('writes a titled Markdown document with each side, reasoning folded, code kept verbatim', () => {
    const md = conversationToMarkdown(conversation)
    expect(md.startsWith('# Rust: lifetimes / borrowing?\n')).toBe(true)
    expect(md).toContain('_Exported from Hark on 2026-01-02_')
    expect(md).toContain('## You\n\nExplain lifetimes')
    expect(md).toContain(
      "## Hark\n\n<details><summary>Reasoning</summary>\n\nThink about scopes.\n\n</details>\n\nA lifetime is a scope.\n\n```rust\nfn f<'a>() {}\n```"
    )
    expect(md).toContain('> This answer was interrupted when Hark closed.')
  })

  it('names the file after the title, without characters file systems reject', () => {
    expect(exportFileName(conversation)).toBe('Rust-lifetimes-borrowing.md')
    expect(exportFileName({ ...conversation, title: '///' })).toBe('conversation.md')
  })
})

describe('automatic titles', () => {
  it('use the first line of the question, cut at a word', () => {
    expect(titleFrom('  Hello there\nsecond line')).toBe('Hello there')
    const long = 'word '.repeat(30)
    const t = titleFrom(long)
    expect(t.length).toBeLessThanOrEqual(61)
    expect(t.endsWith('word…')).toBe(true)
  })
})
