import { describe, expect, it } from 'vitest'
import { voiceConversation } from '../../../../src/main/app/voice/voice-target'

describe('voiceConversation', () => {
  it('starts a new conversation when the setting says new', () => {
    expect(voiceConversation('new', 'shown', 'last')).toBeUndefined()
  })

  it('joins the conversation the main window shows', () => {
    expect(voiceConversation('current', 'shown', 'last')).toBe('shown')
  })

  it('starts a new one when the main window shows a new, empty conversation', () => {
    expect(voiceConversation('current', null, 'last')).toBeUndefined()
  })

  it('falls back to the last conversation spoken in when the window never said', () => {
    expect(voiceConversation('current', undefined, 'last')).toBe('last')
    expect(voiceConversation('current', undefined, undefined)).toBeUndefined()
  })
})
