import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'

/** One rule of the English Golden Rules for sentence boundaries (see ../shared/benchmarks/README.md). */
export interface GoldenRule {
  rule: number | null
  set: string
  name: string
  text: string
  expected: string[]
}

const repoRoot = resolve(__dirname, '../..')
/** Beside the clone in CI; HARK_GOLDEN_RULES points elsewhere (a worktree, say). */
export const goldenRulesPath =
  process.env['HARK_GOLDEN_RULES'] ?? resolve(repoRoot, '../shared/benchmarks/golden-rules-en.json')

/** The rules of one set ("pysbd48": the 48 behind the published scores). Throws when the file is missing. */
export function loadGoldenRules(set = 'pysbd48'): GoldenRule[] {
  if (!existsSync(goldenRulesPath)) {
    throw new Error(`Golden Rules not found at ${goldenRulesPath}: shared/benchmarks must sit beside the clone`)
  }
  const rules = (JSON.parse(readFileSync(goldenRulesPath, 'utf8')) as GoldenRule[]).filter((r) => r.set === set)
  if (rules.length === 0) throw new Error(`no rules of set ${set} in ${goldenRulesPath}`)
  return rules
}

/** A spoken-free list marker: "1.)", "2)", "3.", "a.", "• 9.", "⁃10.". */
const LIST_MARKER = /^(?:[•⁃]\s*)?(?:\d{1,3}|[a-z])(?:\.\)|\)|\.)\s+/u
const normal = (s: string): string => s.replace(/\s+/gu, ' ').trim()

/** The fair score: same utterances, whitespace normalised, a leading list marker optional. */
export function passes(got: readonly string[], expected: readonly string[]): boolean {
  return (
    got.length === expected.length &&
    expected.every((e, i) => {
      const g = normal(got[i]!)
      return g === normal(e) || g === normal(e).replace(LIST_MARKER, '')
    })
  )
}

/**
 * Intl.Segmenter used while streaming, as voice pipelines do: after each chunk
 * every sentence but the last is spoken; the rest is spoken at the end.
 */
export function intlStreamed(chunks: readonly string[]): string[] {
  const sentences = new Intl.Segmenter('en', { granularity: 'sentence' })
  const out: string[] = []
  let pending = ''
  for (const chunk of chunks) {
    pending += chunk
    const parts = [...sentences.segment(pending)].map((s) => s.segment)
    for (const part of parts.slice(0, -1)) if (part.trim()) out.push(part.trim())
    pending = parts.at(-1) ?? ''
  }
  if (pending.trim()) out.push(pending.trim())
  return out
}
