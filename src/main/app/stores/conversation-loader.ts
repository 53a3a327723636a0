import { mkdirSync, readdirSync, readFileSync, unlinkSync } from 'node:fs'
import { join } from 'node:path'
import type { Conversation } from '@shared/conversation'
import { replay } from './conversation-log'
import { quarantineFile } from './quarantine'
import { describeStorageError, isFileSystemError, withoutBom } from './storage-error'

export const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/

export interface LoadedConversations {
  conversations: Map<string, Conversation>
  /** read fine but left with an interrupted answer or a torn line: rewrite them, keeping them whatever happens */
  needRepair: Conversation[]
  /** what the user is told about what could not be read, was quarantined or was cut off */
  notices: string[]
}

/**
 * Reads every conversation file in `dir` at start-up, and never throws: a file
 * whose content is broken is moved to quarantine/, one the disk or permissions
 * keep from being read is left alone, and both become notices.
 */
export function loadConversations(dir: string): LoadedConversations {
  const loaded: LoadedConversations = { conversations: new Map(), needRepair: [], notices: [] }
  try {
    mkdirSync(dir, { recursive: true })
    for (const name of readdirSync(dir)) loadEntry(dir, name, loaded)
  } catch (err) {
    loaded.notices.push(`Saved conversations could not be read: ${err instanceof Error ? err.message : String(err)}`)
  }
  return loaded
}

function loadEntry(dir: string, name: string, loaded: LoadedConversations): void {
  const path = join(dir, name)
  if (name.endsWith('.tmp')) return void tryUnlink(path) // a rewrite that never got renamed
  if (!name.endsWith('.jsonl')) return
  const id = name.slice(0, -'.jsonl'.length)
  let replayed: ReturnType<typeof replay>
  try {
    if (!SAFE_ID.test(id)) throw new Error('its name is not a conversation id')
    replayed = replay(withoutBom(readFileSync(path, 'utf8')), id)
  } catch (err) {
    if (isFileSystemError(err))
      loaded.notices.push(`A saved conversation (${name}) could not be read: ${describeStorageError(err)}.`)
    else loaded.notices.push(quarantineFile(dir, name, err))
    return
  }
  const { conversation, interrupted, tornLines } = replayed
  loaded.conversations.set(id, conversation)
  if (tornLines > 0) {
    loaded.notices.push(
      `Part of an answer in "${conversation.title || 'New conversation'}" was cut off when it was saved (${tornLines} damaged line${tornLines === 1 ? '' : 's'} dropped); the rest is kept.`
    )
  }
  if (interrupted > 0 || tornLines > 0) loaded.needRepair.push(conversation)
}

function tryUnlink(path: string): void {
  try {
    unlinkSync(path)
  } catch {
    // another instance's temp file, or already gone: harmless
  }
}
