import { describe, expect, it } from 'vitest'
import type { ConversationSummary } from '@shared/conversation'
import { groupByDate } from '../../../../src/renderer/src/index/sidebar/date-groups'
import { modelChoices, recentModels } from '../../../../src/renderer/src/index/chat/model-choices'
import { acceleratorLabel } from '../../../../src/renderer/src/index/settings/accelerator'
import { describeError } from '../../../../src/renderer/src/index/chat/describe-error'

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime()
const summary = (id: string, updatedAt: number, model?: string): ConversationSummary => ({
  id,
  title: id,
  createdAt: updatedAt,
  updatedAt,
  messageCount: 2,
  ...(model ? { model } : {})
})

describe('date groups in the sidebar', () => {
  it('heads Today, Yesterday, Previous 7 days, then each month, in the list’s order', () => {
    const now = new Date(2026, 11, 1, 9) // 1 December 2026, 09:00 local
    const list = [
      summary('this-morning', at(2026, 12, 1, 0)),
      summary('last-night', at(2026, 11, 30, 23)),
      summary('tuesday', at(2026, 11, 25)),
      summary('eight-days', at(2026, 11, 23)),
      summary('november', at(2026, 11, 2)),
      summary('october', at(2026, 10, 31))
    ]
    expect(groupByDate(list, now, 'en-GB').map((g) => [g.label, g.conversations.map((c) => c.id)])).toEqual([
      ['Today', ['this-morning']],
      ['Yesterday', ['last-night']],
      ['Previous 7 days', ['tuesday']],
      ['November 2026', ['eight-days', 'november']],
      ['October 2026', ['october']]
    ])
  })
})

describe('the model picker’s lists', () => {
  it('puts recently picked models first, once each, and filters both lists as typed', () => {
    const recent = recentModels([
      summary('a', 3, 'm-2'),
      summary('b', 2),
      summary('c', 1, 'm-1'),
      summary('d', 0, 'm-2')
    ])
    expect(recent).toEqual(['m-2', 'm-1'])
    expect(modelChoices(recent, ['m-1', 'gpt-4o', 'gpt-4o-mini'], '')).toEqual({
      recent: ['m-2', 'm-1'],
      available: ['gpt-4o', 'gpt-4o-mini']
    })
    expect(modelChoices(recent, ['gpt-4o', 'gpt-4o-mini'], ' MINI ')).toEqual({
      recent: [],
      available: ['gpt-4o-mini']
    })
  })
})

describe('hotkey labels', () => {
  it('write accelerators as each platform does', () => {
    expect(acceleratorLabel('CommandOrControl+Shift+Space', false)).toBe('Ctrl+Shift+Space')
    expect(acceleratorLabel('CommandOrControl+Shift+Space', true)).toBe('⌘⇧Space')
    expect(acceleratorLabel('Alt+Up', true)).toBe('⌥↑')
    expect(acceleratorLabel('Control+Alt+K', false)).toBe('Ctrl+Alt+K')
  })
})

describe('error copy', () => {
  it('keeps one sentence of what happened and gives the fix as a button', () => {
    const auth = describeError('auth', 'The API key was rejected by api.openai.com. Check it in Settings.')
    expect(auth).toEqual({
      sentence: 'The API key was rejected by api.openai.com.',
      action: { type: 'open-settings', section: 'provider', label: 'Open Settings' }
    })
    const unreachable = describeError(
      'network',
      'Could not reach 127.0.0.1. Is the server running? Check the base URL and your connection.'
    )
    expect(unreachable).toEqual({ sentence: 'Could not reach 127.0.0.1.', action: null })
    expect(describeError('context-length', 'The conversation is too long for m. Start a new one.').action?.type).toBe(
      'new-conversation'
    )
    expect(describeError(undefined, undefined).sentence).toBe('The answer failed.')
  })
})
