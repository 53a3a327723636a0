import type { ServerResponse } from 'node:http'

/** How one SSE event is framed on the wire; the variants real providers produce. */
export interface Framing {
  eol: '\n' | '\r\n'
  /** split the JSON over several `data:` lines (legal SSE; the client must join them) */
  multiline: boolean
  /** comment lines sent before every event, e.g. `: OPENROUTER PROCESSING` */
  keepAlive: string[]
  /** leave the blank line off the last event before the body ends */
  noTrailingBlankAtEnd: boolean
}

export const plainFraming: Framing = { eol: '\n', multiline: false, keepAlive: [], noTrailingBlankAtEnd: false }

export function encodeEvent(data: string, framing: Framing, event?: string, last = false): string {
  const { eol } = framing
  const comments = framing.keepAlive.map((c) => `: ${c}${eol}`).join('')
  const lines = framing.multiline ? splitForLines(data) : [data]
  const head = event ? `event: ${event}${eol}` : ''
  const body = lines.map((l) => `data: ${l}${eol}`).join('')
  const blank = last && framing.noTrailingBlankAtEnd ? '' : eol
  return comments + head + body + blank
}

/** Break JSON after commas: joined back with '\n' it is still the same JSON value. */
function splitForLines(data: string): string[] {
  if (!data.startsWith('{')) return [data]
  const parts = data.split(/(?<=,)(?=")/)
  return parts.length > 1 ? parts : [data]
}

export function startSse(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers
  })
  res.flushHeaders()
}

/** Write unless the client went away; resolves false when it did. */
export function write(res: ServerResponse, data: string | Buffer): boolean {
  if (res.destroyed || res.writableEnded) return false
  res.write(data)
  return true
}

/** Two writes, a moment apart, that split the bytes inside the first multibyte character, as a proxy might. */
export async function writeSplitUtf8(res: ServerResponse, text: string): Promise<boolean> {
  const bytes = Buffer.from(text, 'utf8')
  const lead = bytes.findIndex((b) => b >= 0xc0)
  if (lead < 0) return write(res, bytes)
  if (!write(res, bytes.subarray(0, lead + 1))) return false
  await new Promise((r) => setTimeout(r, 2))
  return write(res, bytes.subarray(lead + 1))
}
