import { describe, expect, it } from 'vitest'
import type { Conversation } from '@shared/conversation'
import { searchConversations } from '../../../../src/main/app/stores/conversation-search'
import { markdownPlainText } from '../../../../src/main/app/stores/markdown-plain-text'

const conversation = (content: string, title = 'Ports'): Conversation => ({
  id: 'c1',
  title,
  createdAt: 1,
  updatedAt: 1,
  messageCount: 1,
  messages: [{ id: 'm1', role: 'assistant', content, createdAt: 1, status: 'complete' }]
})

const marked = (hit: { snippet: string; match: { at: number; length: number } }) =>
  hit.snippet.slice(hit.match.at, hit.match.at + hit.match.length)

describe('search snippets', () => {
  it('are clean text: no table rules, pipes, emphasis, heading marks, fences or link targets', () => {
    const answer = [
      '## Common ports',
      '',
      '| Port | Service |',
      '|---|:---:|',
      '| 22 | **ssh** for the harbour master |',
      '',
      'See [the guide](https://example.test/ports) and run `nc -z host 22`.',
      '```sh',
      'nc -z harbour 22',
      '```'
    ].join('\n')
    const [hit] = searchConversations([conversation(answer, 'Network')], 'harbour master', 10)
    expect(hit!.snippet).not.toMatch(/\|---|\*\*|##|```|\(https/)
    expect(hit!.snippet).toContain('ssh for the harbour master')
    expect(marked(hit!)).toBe('harbour master')
  })

  it('finds words split by markdown, and marks the match case as written', () => {
    const [hit] = searchConversations([conversation('It is **very** Important.', 'x')], 'very important', 10)
    expect(marked(hit!)).toBe('very Important')
  })

  it('marks a title match in the title, and cuts long snippets at words with ellipses', () => {
    expect(marked(searchConversations([conversation('', 'Harbour Ports')], 'ports', 10)[0]!)).toBe('Ports')
    const long = `${'alpha beta gamma '.repeat(10)}needle ${'delta epsilon '.repeat(10)}`
    const [hit] = searchConversations([conversation(long, 'x')], 'needle', 10)
    expect(hit!.snippet).toMatch(/^…\S/)
    expect(hit!.snippet).toMatch(/\S…$/)
    expect(hit!.snippet).not.toMatch(/^…(lpha|eta|amma)/)
    expect(marked(hit!)).toBe('needle')
  })

  it('turns markdown into lines as a person reads them', () => {
    expect(markdownPlainText('# Title\n> quoted *word*\n1. first\n- [x] done __bold__\n![alt](p.png)')).toBe(
      'Title\nquoted word\nfirst\ndone bold\nalt'
    )
    expect(markdownPlainText('keep snake_case_names and 2*3*4')).toBe('keep snake_case_names and 2*3*4')
  })
})
