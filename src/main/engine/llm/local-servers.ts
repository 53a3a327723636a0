export interface LocalServer {
  preset: 'ollama' | 'lmstudio'
  baseUrl: string
  models: string[]
}

const CANDIDATES: Array<Omit<LocalServer, 'models'>> = [
  { preset: 'ollama', baseUrl: 'http://localhost:11434/v1' },
  { preset: 'lmstudio', baseUrl: 'http://localhost:1234/v1' }
]

async function probe(candidate: Omit<LocalServer, 'models'>, timeoutMs: number): Promise<LocalServer | null> {
  try {
    const res = await fetch(`${candidate.baseUrl}/models`, { signal: AbortSignal.timeout(timeoutMs) })
    if (!res.ok) return null
    const body = (await res.json()) as { data?: Array<{ id?: unknown }> }
    const models = (body.data ?? []).map((m) => m.id).filter((id): id is string => typeof id === 'string')
    return { ...candidate, models }
  } catch {
    return null // not running, not that server, or too slow: all mean "not here"
  }
}

/**
 * Which local OpenAI-compatible servers answer right now (first run with no key).
 * Probes in parallel with a short timeout; never throws.
 */
export async function detectLocalServers(
  opts: { timeoutMs?: number; candidates?: Array<Omit<LocalServer, 'models'>> } = {}
): Promise<LocalServer[]> {
  const found = await Promise.all((opts.candidates ?? CANDIDATES).map((c) => probe(c, opts.timeoutMs ?? 800)))
  return found.filter((s): s is LocalServer => s !== null)
}
