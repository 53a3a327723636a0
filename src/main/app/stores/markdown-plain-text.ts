/**
 * Markdown as a person reads it, for search snippets: no `|---|` rows, table
 * pipes, fences, heading or list marks, emphasis, or link targets. Words in
 * tables and code stay (they are worth finding). One pass per line.
 */
export function markdownPlainText(markdown: string): string {
  return markdown
    .split('\n')
    .map(plainLine)
    .filter((line) => line !== '')
    .join('\n')
}

const TABLE_RULE = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/
const FENCE = /^\s*(```|~~~)/
const BLOCK_MARK = /^\s*(#{1,6}\s+|>\s?|[-*+]\s+(\[[ xX]\]\s+)?|\d{1,9}[.)]\s+)/

function plainLine(line: string): string {
  if (TABLE_RULE.test(line) || FENCE.test(line)) return ''
  let text = line.replace(BLOCK_MARK, '')
  if (text.includes('|')) text = text.replace(/^\s*\||\|\s*$/g, '').replace(/\s*\|\s*/g, ' · ')
  return inlinePlain(text).trim()
}

function inlinePlain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url), ![alt](src)
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)(.+?)(?<=\S)[*_](?![\w*])/g, '$1$2')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
}
