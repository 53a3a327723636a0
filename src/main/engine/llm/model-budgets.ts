/** Context windows in tokens, matched by substring of the model id (most specific first). */
const CONTEXT_WINDOWS: Array<[pattern: string, tokens: number]> = [
  ['gpt-4.1', 1_000_000],
  ['gpt-4o', 128_000],
  ['gpt-4-turbo', 128_000],
  ['o1', 128_000],
  ['o3', 200_000],
  ['o4', 200_000],
  ['gpt-5', 400_000],
  ['gpt-4', 8_192],
  ['gpt-3.5', 16_385],
  ['claude', 200_000],
  ['gemini', 1_000_000],
  ['llama-3.1', 128_000],
  ['llama-3.2', 128_000],
  ['llama-3.3', 128_000],
  ['llama3.1', 128_000],
  ['llama3.2', 128_000],
  ['llama3', 8_192],
  ['mixtral', 32_768],
  ['mistral', 32_768],
  ['qwen', 32_768],
  ['deepseek', 64_000],
  ['gemma', 8_192],
  ['phi', 4_096]
]

export const DEFAULT_CONTEXT_WINDOW = 8_192

/** Tokens kept free for the answer. */
const ANSWER_RESERVE = 0.25

export function contextWindowOf(model: string): number {
  const id = model.toLowerCase()
  return CONTEXT_WINDOWS.find(([p]) => id.includes(p))?.[1] ?? DEFAULT_CONTEXT_WINDOW
}

/** How many prompt tokens to send to a model: its window minus room for the answer, capped so a turn stays cheap. */
export function promptBudgetOf(model: string, cap = 32_000): number {
  return Math.min(cap, Math.floor(contextWindowOf(model) * (1 - ANSWER_RESERVE)))
}
