import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConversationStore } from '../../../../src/main/app/stores/conversation-store'
import { doneOutcome, failedOutcome } from '../../../support/turn-outcomes'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hark-versions-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const done = doneOutcome
const stopped = (turnId: string, partialText: string) => failedOutcome(turnId, partialText, 'aborted')

const contents = (store: ConversationStore, id: string) => store.get(id).messages.map((m) => m.content)
const last = (store: ConversationStore, id: string) => store.get(id).messages.at(-1)!

function answered(store: ConversationStore): string {
  const id = store.beginTurn(undefined, 'Q', 't1')
  store.endTurn(id, 't1', done('t1', 'First answer.'))
  return id
}

describe('answer versions', () => {
  it('keeps the earlier answer when regenerating, browsable both ways, and after a restart', () => {
    const store = new ConversationStore(dir)
    const id = answered(store)
    store.beginAnswer(id, 't2')
    store.endTurn(id, 't2', done('t2', 'Second answer.'))
    expect(contents(store, id)).toEqual(['Q', 'Second answer.'])
    expect(last(store, id).versions).toMatchObject({ index: 1, others: [[{ content: 'First answer.' }]] })

    const answer = last(store, id).id
    store.showVersion(id, answer, 0)
    expect(contents(store, id)).toEqual(['Q', 'First answer.'])
    const reloaded = new ConversationStore(dir)
    expect(contents(reloaded, id)).toEqual(['Q', 'First answer.'])
    expect(last(reloaded, id).versions?.index).toBe(0)
    reloaded.showVersion(id, last(reloaded, id).id, 1)
    expect(contents(reloaded, id)).toEqual(['Q', 'Second answer.'])
  })

  it('a regenerate stopped before any text shows the earlier answer again, losing nothing', () => {
    const store = new ConversationStore(dir)
    const id = answered(store)
    store.beginAnswer(id, 't2')
    store.endTurn(id, 't2', stopped('t2', ''))
    expect(contents(store, id)).toEqual(['Q', 'First answer.'])
    expect(last(store, id).versions).toBeUndefined()
    expect(contents(new ConversationStore(dir), id)).toEqual(['Q', 'First answer.'])
  })

  it('a regenerate stopped before any text shows again the version that was on screen, not the newest', () => {
    const store = new ConversationStore(dir)
    const id = answered(store)
    store.beginAnswer(id, 't2')
    store.endTurn(id, 't2', done('t2', 'Second answer.'))
    store.showVersion(id, last(store, id).id, 0)
    store.beginAnswer(id, 't3')
    store.endTurn(id, 't3', stopped('t3', ''))
    expect(contents(store, id)).toEqual(['Q', 'First answer.'])
    expect(last(store, id).versions).toMatchObject({ index: 0, others: [[{ content: 'Second answer.' }]] })
  })

  it('a regenerate stopped part-way keeps both: the partial text shown, the earlier answer a version away', () => {
    const store = new ConversationStore(dir)
    const id = answered(store)
    store.beginAnswer(id, 't2')
    store.endTurn(id, 't2', stopped('t2', 'Half of a'))
    expect(last(store, id)).toMatchObject({ content: 'Half of a', status: 'partial' })
    expect(last(store, id).versions?.others).toEqual([[expect.objectContaining({ content: 'First answer.' })]])
  })

  it('a failed answer with no text is not kept as a version when retried', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'Q', 't1')
    store.endTurn(id, 't1', failedOutcome('t1', '', 'server'))
    store.beginAnswer(id, 't2')
    store.endTurn(id, 't2', done('t2', 'Now it works.'))
    expect(last(store, id).versions).toBeUndefined()
  })

  it('edit and resend keeps the old question with its answer as a version of the conversation from there', () => {
    const store = new ConversationStore(dir)
    const id = answered(store)
    store.beginTurn(id, 'Follow-up', 't2')
    store.endTurn(id, 't2', done('t2', 'Follow-up answer.'))
    const q1 = store.get(id).messages[0]!.id
    store.beginEdit(id, q1, 'Q edited', 't3')
    store.endTurn(id, 't3', done('t3', 'Edited answer.'))
    expect(contents(store, id)).toEqual(['Q edited', 'Edited answer.'])
    const edited = store.get(id).messages[0]!
    expect(edited.versions?.others[0]!.map((m) => m.content)).toEqual([
      'Q',
      'First answer.',
      'Follow-up',
      'Follow-up answer.'
    ])
    store.showVersion(id, edited.id, 0)
    expect(contents(store, id)).toEqual(['Q', 'First answer.', 'Follow-up', 'Follow-up answer.'])
    expect(store.messagesFor(id).map((m) => m.content)).toEqual([
      'Q',
      'First answer.',
      'Follow-up',
      'Follow-up answer.'
    ])
  })

  it('keeps versions nested: regenerating inside an older branch keeps that branch’s own versions', () => {
    const store = new ConversationStore(dir)
    const id = answered(store)
    store.beginAnswer(id, 't2')
    store.endTurn(id, 't2', done('t2', 'Second answer.'))
    store.beginEdit(id, store.get(id).messages[0]!.id, 'Other Q', 't3')
    store.endTurn(id, 't3', done('t3', 'Other answer.'))
    const question = store.get(id).messages[0]!
    store.showVersion(id, question.id, 0)
    expect(contents(store, id)).toEqual(['Q', 'Second answer.'])
    expect(last(store, id).versions?.others[0]![0]!.content).toBe('First answer.')
  })

  it('refuses to switch versions while an answer streams in the conversation, or to a version that is not there', () => {
    const store = new ConversationStore(dir)
    const id = answered(store)
    store.beginAnswer(id, 't2')
    const answer = last(store, id).id
    expect(() => store.showVersion(id, answer, 0)).toThrow(/Wait for the answer/)
    store.endTurn(id, 't2', done('t2', 'Second.'))
    expect(() => store.showVersion(id, answer, 5)).toThrow(/no longer there/)
    expect(() => store.showVersion(id, store.get(id).messages[0]!.id, 0)).toThrow(/no longer there/)
  })

  it('still reads a file written before versions, models and title sources existed', () => {
    const id = '0a0a0a0a-0000-4000-8000-000000000000'
    mkdirSync(join(dir, 'conversations'), { recursive: true })
    const lines = [
      { t: 'meta', v: 1, id, title: 'Old one', createdAt: 1, updatedAt: 2 },
      { t: 'msg', m: { id: 'u1', role: 'user', content: 'Old Q', createdAt: 1, status: 'complete' } },
      { t: 'msg', m: { id: 'a1', role: 'assistant', content: 'Old A', createdAt: 2, status: 'complete' } }
    ]
    writeFileSync(join(dir, 'conversations', `${id}.jsonl`), lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
    const store = new ConversationStore(dir)
    expect(store.notices).toEqual([])
    expect(contents(store, id)).toEqual(['Old Q', 'Old A'])
    store.beginAnswer(id, 't1')
    store.endTurn(id, 't1', done('t1', 'New A'))
    expect(last(new ConversationStore(dir), id).versions?.others[0]![0]!.content).toBe('Old A')
  })
})

describe('the model and the title of a conversation', () => {
  it('remembers the model picked for a conversation and which model wrote each answer', () => {
    const store = new ConversationStore(dir)
    const id = store.beginTurn(undefined, 'Q', 't1', 'model-a')
    store.endTurn(id, 't1', done('t1', 'A'), 'model-a')
    store.setModel(id, 'model-b')
    store.beginTurn(id, 'Q2', 't2')
    store.endTurn(id, 't2', done('t2', 'B'), 'model-b')
    const reloaded = new ConversationStore(dir)
    expect(reloaded.modelOf(id)).toBe('model-b')
    expect(reloaded.list()[0]!.model).toBe('model-b')
    expect(
      reloaded
        .get(id)
        .messages.filter((m) => m.role === 'assistant')
        .map((m) => m.model)
    ).toEqual(['model-a', 'model-b'])
    reloaded.setModel(id, null)
    expect(new ConversationStore(dir).modelOf(id)).toBeUndefined()
  })

  it('takes the model’s title only while the title is still the first line, so a rename wins', () => {
    const store = new ConversationStore(dir)
    const id = answered(store)
    expect(store.list()[0]).toMatchObject({ title: 'Q' })
    expect(store.list()[0]!.titleBy).toBeUndefined()
    store.setModelTitle(id, 'Harbour towns')
    expect(new ConversationStore(dir).list()[0]).toMatchObject({ title: 'Harbour towns', titleBy: 'model' })
    store.setModelTitle(id, 'Another try')
    expect(store.list()[0]!.title).toBe('Harbour towns')

    const other = answered(store)
    store.rename(other, 'Mine')
    store.setModelTitle(other, 'The model’s')
    expect(store.get(other).title).toBe('Mine')
  })
})
