import { describe, expect, it } from 'vitest'
import {
  pieceAt,
  progressFirstPiece,
  textPiece,
  withFirstPieces
} from '../../../../src/main/app/conversations/message-pieces'
import { TEXT_PIECE_CHARS } from '../../../../src/shared/ipc/conversations'
import type { Conversation, StoredMessage } from '../../../../src/shared/conversation'

const message = (id: string, content: string): StoredMessage => ({
  id,
  role: 'assistant',
  content,
  createdAt: 0,
  status: 'complete'
})
const conversation = (messages: StoredMessage[]): Conversation => ({
  id: 'c1',
  title: 'Long',
  createdAt: 0,
  updatedAt: 0,
  messageCount: messages.length,
  messages
})

describe('a conversation sent to a window in pieces', () => {
  const long = 'All work and no play. '.repeat(Math.ceil((TEXT_PIECE_CHARS * 2.5) / 22))

  it('sends a long message’s first piece and its whole length, and short ones whole', () => {
    const c = conversation([message('q', 'Why?'), message('a', long)])
    const { conversation: sent, cut } = withFirstPieces(c)
    expect(sent.messages[0]!.content).toBe('Why?')
    expect(sent.messages[1]!.content).toBe(long.slice(0, TEXT_PIECE_CHARS))
    expect(cut).toEqual([{ messageId: 'a', length: long.length }])
    expect(c.messages[1]!.content).toBe(long) // the store's own copy is untouched
  })

  it('gives the rest piece by piece, which add up to the whole message', () => {
    const c = conversation([message('a', long)])
    let text = withFirstPieces(c).conversation.messages[0]!.content
    for (let piece = textPiece(c, 'a', text.length); piece; piece = textPiece(c, 'a', text.length)) {
      expect(piece.length).toBeLessThanOrEqual(TEXT_PIECE_CHARS)
      text += piece
    }
    expect(text).toBe(long)
  })

  it('never ends a piece between the two halves of an emoji', () => {
    const text = 'a'.repeat(TEXT_PIECE_CHARS - 1) + '😀' + 'b'
    const first = pieceAt(text, 0)
    expect(first.length).toBe(TEXT_PIECE_CHARS - 1)
    expect(first + pieceAt(text, first.length)).toBe(text)
  })

  it('refuses a message the conversation does not hold', () => {
    expect(() => textPiece(conversation([]), 'nope', 0)).toThrow('That message no longer exists.')
  })

  it('sends a running turn’s first piece and how much it has streamed', () => {
    const sent = progressFirstPiece({ turnId: 't', conversationId: 'c1', base: '', text: long, length: long.length })
    expect(sent.text).toBe(long.slice(0, TEXT_PIECE_CHARS))
    expect(sent.length).toBe(long.length)
  })
})
