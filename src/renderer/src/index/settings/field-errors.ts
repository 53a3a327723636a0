import type { z } from 'zod'

/** Where a problem is ("provider.baseUrl") and what to tell the person, in plain words. */
export type FieldErrors = Record<string, string>

const PLAIN: Record<string, string> = {
  'provider.baseUrl':
    'This is not a web address. It should look like https://api.openai.com/v1 or http://127.0.0.1:11434/v1.',
  'provider.model': 'Enter the name of a model, for example gpt-4o-mini.',
  'speech.provider.baseUrl':
    'This is not a web address. It should look like https://api.openai.com/v1 or http://127.0.0.1:8880/v1.',
  systemPrompt: 'The system prompt is too long: keep it under 20,000 characters.'
}

/** One plain sentence per field the schema refused, keyed by the field's path. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const out: FieldErrors = {}
  for (const issue of issues) {
    const path = issue.path.join('.')
    out[path] ??= PLAIN[path] ?? plainIssue(issue)
  }
  return out
}

function plainIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'number')
    return `Use a number of at least ${String(issue.minimum)}.`
  if (issue.code === 'too_big' && issue.origin === 'number')
    return `Use a number no larger than ${String(issue.maximum)}.`
  if (issue.code === 'too_small' && issue.origin === 'string') return 'This cannot be empty.'
  if (issue.code === 'too_big' && issue.origin === 'string')
    return `Keep this under ${String(issue.maximum)} characters.`
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Enter a number.'
  return 'This value is not accepted.'
}
