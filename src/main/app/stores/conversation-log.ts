import { z } from 'zod'
import type { Conversation, StoredMessage } from '@shared/conversation'

/**
 * One conversation = one JSON-lines file. Whole-file rewrites (atomic) hold a
 * snapshot: a `meta` line then one `msg` line per message. While an answer
 * streams, `append` lines are added to the end, so a crash loses only text
 * not yet flushed. A message whose snapshot line still says `open` was being
 * streamed when Hark died: it replays as `interrupted`.
 */

const ErrorInfo = z.object({ kind: z.string(), message: z.string() })
const UsageShape = z.object({ promptTokens: z.number(), completionTokens: z.number(), totalTokens: z.number() })
const TimingsShape = z.object({
  firstTokenMs: z.number().nullable(),
  firstUtteranceMs: z.number().nullable(),
  totalMs: z.number()
})

const BaseMessage = z.object({
  id: z.string().min(1),
  role: z.enum(['user', 'assistant']),
  content: z.string(),
  reasoning: z.string().optional(),
  createdAt: z.number(),
  status: z.enum(['complete', 'partial', 'interrupted', 'error']),
  turnId: z.string().optional(),
  model: z.string().optional(),
  error: ErrorInfo.optional(),
  usage: UsageShape.nullable().optional(),
  timings: TimingsShape.optional()
})
type LoggedMessage = z.infer<typeof BaseMessage> & { versions?: { others: LoggedMessage[][]; index: number } }
const MessageShape: z.ZodType<LoggedMessage> = BaseMessage.extend({
  versions: z
    .lazy(() => z.object({ others: z.array(z.array(MessageShape)), index: z.number().int().min(0) }))
    .optional()
})

const MetaRecord = z.object({
  t: z.literal('meta'),
  v: z.literal(1),
  id: z.string().min(1),
  title: z.string(),
  createdAt: z.number(),
  updatedAt: z.number(),
  model: z.string().optional(),
  titleBy: z.enum(['model', 'user']).optional()
})
const MsgRecord = z.object({ t: z.literal('msg'), m: MessageShape, open: z.boolean().optional() })
const AppendRecord = z.object({ t: z.literal('append'), id: z.string(), text: z.string(), at: z.number() })

const LogRecord = z.discriminatedUnion('t', [MetaRecord, MsgRecord, AppendRecord])
type LogRecord = z.infer<typeof LogRecord>

export class CorruptLogError extends Error {}

export function snapshotLines(c: Conversation, open: ReadonlySet<string>): string {
  const { id, title, createdAt, updatedAt, model, titleBy } = c
  const meta: LogRecord = { t: 'meta', v: 1, id, title, createdAt, updatedAt, model, titleBy }
  const lines = [JSON.stringify(meta)]
  for (const m of c.messages) lines.push(JSON.stringify(open.has(m.id) ? { t: 'msg', m, open: true } : { t: 'msg', m }))
  return lines.join('\n') + '\n'
}

export function appendLine(messageId: string, text: string, at: number): string {
  return JSON.stringify({ t: 'append', id: messageId, text, at } satisfies LogRecord) + '\n'
}

export interface Replayed {
  conversation: Conversation
  /** messages found still open (streaming) and now marked interrupted */
  interrupted: number
  /** half-written lines dropped: a crash or a full disk mid-append */
  tornLines: number
}

/**
 * Parses a log. Only the header must be whole: a torn line after it (the last
 * one when Hark died mid-append; an earlier one when the disk filled, since the
 * next append starts on a fresh line) loses only its own text, so it is
 * dropped and counted. Throws CorruptLogError when the header is not there.
 */
export function replay(text: string, expectedId: string): Replayed {
  const records: LogRecord[] = []
  let tornLines = 0
  for (const line of text.split('\n')) {
    if (line === '') continue
    const record = parseLine(line)
    if (record) records.push(record)
    else if (records.length > 0) tornLines++
    else throw new CorruptLogError('its first line is not a conversation header')
  }
  return build(records, expectedId, tornLines)
}

function parseLine(line: string): LogRecord | null {
  try {
    const parsed = LogRecord.safeParse(JSON.parse(line))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

function build(records: LogRecord[], expectedId: string, tornLines: number): Replayed {
  const [meta, ...rest] = records
  if (meta?.t !== 'meta') throw new CorruptLogError('it does not start with a conversation header')
  if (meta.id !== expectedId) throw new CorruptLogError(`its header names another conversation (${meta.id})`)
  const { t: _t, v: _v, ...fields } = meta
  const conversation: Conversation = { ...fields, messageCount: 0, messages: [] }
  const byId = new Map<string, StoredMessage>()
  const open = new Set<string>()
  for (const r of rest) {
    if (r.t === 'meta') throw new CorruptLogError('it has a second header')
    if (r.t === 'msg') {
      const m = { ...r.m } as StoredMessage
      if (byId.has(m.id)) Object.assign(byId.get(m.id)!, m)
      else conversation.messages.push(m)
      byId.set(m.id, byId.get(m.id) ?? m)
      if (r.open) open.add(m.id)
      else open.delete(m.id)
    } else {
      const target = byId.get(r.id)
      if (target) target.content += r.text
      conversation.updatedAt = Math.max(conversation.updatedAt, r.at)
    }
  }
  for (const id of open) byId.get(id)!.status = 'interrupted'
  conversation.messageCount = conversation.messages.length
  return { conversation, interrupted: open.size, tornLines }
}
