/**
 * A long, realistic markdown answer (prose, lists, tables, several code
 * blocks), deterministic so runs compare.
 */
const PROSE = [
  'Streaming renderers must stay fast as the answer grows, which is the whole point of this benchmark.',
  'Each block is parsed once when it is finished, so the cost per token should not depend on the length so far.',
  'A naive renderer parses **everything** again on each delta, and its cost grows with every `token` that arrives.',
  'See [the documentation](https://example.com/docs) for details, or ask again with a narrower question.'
]

const CODE = [
  '```ts\nexport function add(a: number, b: number): number {\n  return a + b\n}\n\nconst total = [1, 2, 3].reduce(add, 0)\nconsole.log(`total: ${total}`)\n```',
  '```python\ndef fib(n):\n    a, b = 0, 1\n    for _ in range(n):\n        a, b = b, a + b\n    return a\n\nprint([fib(i) for i in range(10)])\n```',
  '```bash\nset -euo pipefail\nfor f in *.log; do\n  grep -c ERROR "$f" || true\ndone\n```'
]

function section(i: number): string {
  const prose = (n: number): string => Array.from({ length: n }, (_, k) => PROSE[(i + k) % PROSE.length]).join(' ')
  const parts = [
    `## Section ${i + 1}`,
    prose(3),
    `- first point about item ${i}\n- second point with \`code\`\n- third point, **bold**`,
    prose(2)
  ]
  if (i % 2 === 0) parts.push(CODE[i % CODE.length]!)
  if (i % 5 === 0) parts.push('| Name | Value |\n| --- | --- |\n| alpha | 1 |\n| beta | 2 |')
  if (i % 3 === 0) parts.push(`1. step one\n2. step two\n3. step three`)
  return parts.join('\n\n')
}

export function longMarkdown(chars: number): string {
  let out = ''
  for (let i = 0; out.length < chars; i++) out += (i ? '\n\n' : '') + section(i)
  return out.slice(0, chars)
}
