/**
 * Answers shaped to hurt a markdown renderer (issue 11): each once blanked
 * the main window or froze it for seconds. Shared by the unit tests, the e2e
 * test and the bench; the fake LLM streams them as its `text`.
 */

/** about 2,000 nested quotes: marked's recursion overflowed the stack at ~1,900 */
export function deepQuotes(depth = 2000): string {
  return `Here is a quote:\n\n${'>'.repeat(depth)} the innermost words\n\nAnd the end.`
}

/** one paragraph with no blank line in it, `chars` long */
export function hugeParagraph(chars: number): string {
  const sentence = 'All work and no play makes the answer a very long paragraph. '
  return sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars)
}

/** a code fence that never closes, `chars` long */
export function openFence(chars: number): string {
  const line = 'const total = values.reduce((sum, v) => sum + v * 2, 0) // keep going\n'
  return `Some code:\n\n\`\`\`js\n${line.repeat(Math.ceil(chars / line.length))}`.slice(0, chars)
}

/** a list nested one level deeper on every line, `chars` long */
export function nestedList(chars: number): string {
  let out = ''
  for (let i = 0; out.length < chars; i++) out += `${'  '.repeat(i)}- item ${i}\n`
  return out.slice(0, chars)
}

/** ordinary prose of paragraphs, lists and a closed code block: the baseline */
export function ordinaryProse(chars: number): string {
  const piece = [
    'The harbour town wakes slowly. Fishing boats come in with the tide, and **gulls** follow them.',
    '',
    '- nets are mended on the quay',
    '- the market opens at seven',
    '',
    '```js',
    'const catchOfTheDay = boats.map((b) => b.haul)',
    '```',
    '',
    ''
  ].join('\n')
  return piece.repeat(Math.ceil(chars / piece.length)).slice(0, chars)
}

export const POISON_SHAPES = {
  'deep quotes (2,000 >)': () => deepQuotes(),
  'paragraph (10 MB)': () => hugeParagraph(10_000_000),
  'open code fence (1 MB)': () => openFence(1_000_000),
  'nested list (90 KB)': () => nestedList(90_000)
}

/** The shapes streamed into the window (e2e and bench): the 10 MB paragraph takes minutes to stream here. */
export const STREAMED_POISON_SHAPES = {
  'deep quotes (2,000 >)': () => deepQuotes(),
  'open code fence (1 MB)': () => openFence(1_000_000),
  'nested list (90 KB)': () => nestedList(90_000),
  'paragraph of sentences (2 MB)': () => hugeParagraph(2_000_000)
}
