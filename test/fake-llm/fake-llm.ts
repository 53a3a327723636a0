import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { DEFAULT_ANSWER, DEFAULT_REASONING } from './default-answer'
import { isScenarioName, scenarios, type ScenarioName } from './scenarios'
import type { ChatBody, ChatContext, ConnectionRecord, RequestRecord, RouteHandler, Scenario, Timing } from './types'

export interface FakeLlmOptions {
  port?: number
  scenario?: ScenarioName
  /** the answer text (default: ~8 sentences of prose) */
  text?: string
  reasoning?: string
  timing?: Partial<Timing>
  models?: string[]
  routes?: Record<string, RouteHandler>
}

export interface FakeLlm {
  /** base URL ending in /v1 */
  url: string
  /** API requests, in order (connection warm-ups are kept apart, in `warmups`) */
  requests: RequestRecord[]
  /** `GET /` of the origin root, as Hark's connection warmer sends ahead of a question */
  warmups: RequestRecord[]
  setScenario(name: ScenarioName): void
  setText(text: string): void
  setTiming(timing: Partial<Timing>): void
  /** add a route such as 'POST /v1/audio/transcriptions' */
  route(key: string, handler: RouteHandler): void
  onClose(listener: (c: ConnectionRecord) => void): () => void
  /** resolves when the response to request `index` (default: the latest) closes; rejects after timeoutMs */
  waitForClose(index?: number, timeoutMs?: number): Promise<ConnectionRecord>
  close(): Promise<void>
}

/** Scenario for one request: header `x-fake-scenario`, else model `scenario:NAME`, else the fake's current one. */
function pickScenario(req: IncomingMessage, body: ChatBody, current: ScenarioName): ScenarioName {
  const header = req.headers['x-fake-scenario']
  const fromModel = body.model?.startsWith('scenario:') ? body.model.slice('scenario:'.length) : undefined
  const name = (typeof header === 'string' ? header : undefined) ?? fromModel
  return name && isScenarioName(name) ? name : current
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (c: Buffer) => parts.push(c))
    req.on('end', () => resolve(Buffer.concat(parts)))
    req.on('error', reject)
  })
}

function parseBody(raw: Buffer, req: IncomingMessage): unknown {
  if (!String(req.headers['content-type'] ?? '').includes('json')) return raw.toString('utf8')
  try {
    return JSON.parse(raw.toString('utf8'))
  } catch {
    return raw.toString('utf8')
  }
}

/** Sleep that ends early when the response closes, so parked scenarios never outlive their client. */
function sleeper(res: ServerResponse): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve) => {
      if (res.destroyed || ms <= 0) return resolve()
      const done = () => {
        clearTimeout(timer)
        res.off('close', done)
        resolve()
      }
      const timer = setTimeout(done, ms)
      res.on('close', done)
    })
}

export async function startFakeLlm(opts: FakeLlmOptions = {}): Promise<FakeLlm> {
  let scenario: ScenarioName = opts.scenario ?? 'normal'
  let text = opts.text
  let timing: Timing = { chunkSize: 16, delayMs: 2, headerDelayMs: 10_000, ...opts.timing }
  let attempts = new Map<ScenarioName, number>()
  const requests: RequestRecord[] = []
  const warmups: RequestRecord[] = []
  let nextIndex = 0
  const routes = new Map<string, RouteHandler>(Object.entries(opts.routes ?? {}))
  const closeListeners = new Set<(c: ConnectionRecord) => void>()
  const models = opts.models ?? ['fake-model', 'fake-reasoner']

  routes.set('GET /v1/models', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(
      JSON.stringify({
        object: 'list',
        data: models.map((id) => ({ id, object: 'model', created: 1, owned_by: 'fake' }))
      })
    )
  })
  routes.set('POST /v1/chat/completions', async (req, res, _raw, record) => {
    const body = (record.body && typeof record.body === 'object' ? record.body : {}) as ChatBody
    const name = pickScenario(req, body, scenario)
    record.scenario = name
    const attempt = attempts.get(name) ?? 0
    attempts.set(name, attempt + 1)
    const ctx: ChatContext = {
      req,
      res,
      body,
      stream: body.stream === true,
      includeUsage: body.stream_options?.include_usage === true,
      answer: text ?? (scenarios[name] as Scenario).answer ?? DEFAULT_ANSWER,
      reasoning: opts.reasoning ?? DEFAULT_REASONING,
      timing,
      attempt,
      record,
      sleep: sleeper(res)
    }
    await scenarios[name].run(ctx)
  })

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy())
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req)
    const path = (req.url ?? '/').split('?')[0]
    // A real server answers its root with a short page; a warm-up is not an API request.
    const warmup = req.method === 'GET' && path === '/'
    const index = warmup ? warmups.length : nextIndex++
    const connection: ConnectionRecord = {
      requestIndex: index,
      closed: false,
      closedByClient: false,
      stillSending: false,
      serverDropped: false
    }
    const record: RequestRecord = {
      index,
      method: req.method ?? 'GET',
      path,
      headers: { ...req.headers },
      body: parseBody(raw, req),
      scenario: null,
      at: Date.now(),
      connection,
      writes: []
    }
    if (warmup) {
      warmups.push(record)
      res.writeHead(200, { 'content-type': 'text/plain' })
      res.end('fake OpenAI-compatible server\n')
      return
    }
    requests.push(record)
    res.on('close', () => {
      connection.closed = true
      connection.closedAt = Date.now()
      connection.stillSending = !res.writableEnded
      connection.closedByClient = !res.writableEnded && !connection.serverDropped
      for (const l of closeListeners) l(connection)
    })
    const handler = routes.get(`${req.method} ${path}`)
    if (!handler) {
      res.writeHead(404, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { message: `No route ${req.method} ${path}`, type: 'invalid_request_error' } }))
      return
    }
    await handler(req, res, raw, record)
  }

  function onClose(listener: (c: ConnectionRecord) => void): () => void {
    closeListeners.add(listener)
    return () => closeListeners.delete(listener)
  }

  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    warmups,
    setScenario(name) {
      scenario = name
      attempts = new Map()
    },
    setText(t) {
      text = t
    },
    setTiming(t) {
      timing = { ...timing, ...t }
    },
    route(key, handler) {
      routes.set(key, handler)
    },
    onClose,
    waitForClose(index, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const target = () =>
          (index === undefined ? requests.at(-1) : requests.find((r) => r.index === index))?.connection
        const settle = (c: ConnectionRecord | undefined) => {
          if (!c?.closed) return false
          clearTimeout(timer)
          off()
          resolve(c)
          return true
        }
        const off = onClose(() => settle(target()))
        const timer = setTimeout(() => {
          off()
          reject(new Error(`fake LLM: connection of request ${index ?? 'latest'} did not close within ${timeoutMs} ms`))
        }, timeoutMs)
        settle(target())
      })
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    }
  }
}
