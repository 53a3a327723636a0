import { Marked, type Token, type Tokens } from 'marked'
import DOMPurify from 'dompurify'
import { escapeHtml, highlightCode } from './highlight'
import type { MarkdownBlock } from './incremental-markdown'
import { isOpenFence, LIMITS } from './markdown-limits'

/**
 * Markdown tokens to safe HTML. Model output is untrusted: everything marked
 * produces goes through DOMPurify, and links open outside the app.
 */

/** How many levels an answer's headings sit below the page's. */
export const HEADING_SHIFT = 2

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    code(token: Tokens.Code & { growing?: boolean }): string {
      return codeBlockHtml(token.text, token.lang, token.growing ? LIMITS.openHighlightChars : LIMITS.highlightChars)
    },
    heading({ tokens, depth }: Tokens.Heading): string {
      // The page has its h1 and each message its h2: an answer's `#` is an h3 that looks like a `#`.
      const level = Math.min(6, depth + HEADING_SHIFT)
      return `<h${level} class="md-h${depth}">${this.parser.parseInline(tokens)}</h${level}>\n`
    }
  }
})

function codeBlockHtml(code: string, lang: string | undefined, highlightLimit: number): string {
  const label = (lang ?? '').trim().split(/\s+/)[0] ?? ''
  const body = highlightCode(code, label, highlightLimit)
  const langClass = label ? ` language-${escapeHtml(label)}` : ''
  return (
    `<div class="code-block"><div class="code-head"><span class="code-lang">${escapeHtml(label)}</span>` +
    `<button type="button" class="copy-code" aria-label="Copy code" data-label="Copy"></button></div>` +
    `<pre><code class="hljs${langClass}">${body}</code></pre></div>`
  )
}

export function lexMarkdown(source: string): Token[] {
  return marked.lexer(source)
}

let configured = false
function purifier(): typeof DOMPurify {
  if (!configured) {
    // Configured once: passing a config to every sanitize() call re-parses it each time.
    // No style attributes: an answer must not be able to position or restyle itself over the app.
    DOMPurify.setConfig({ ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form', 'input'], FORBID_ATTR: ['style'] })
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.hasAttribute('class')) keepOwnClasses(node)
      if (node.tagName === 'A') {
        node.setAttribute('target', '_blank')
        node.setAttribute('rel', 'noopener noreferrer')
      }
    })
    configured = true
  }
  return DOMPurify
}

/** Only the classes this renderer and highlight.js write: the app's own (fixed, overlay…) are not the model's to use. */
const OWN_CLASS = /^(hljs(-[\w-]+)?|[a-z]+_|language-[\w+#.-]+|code-(block|head|lang)|copy-code|md-h[1-6])$/

function keepOwnClasses(node: Element): void {
  const kept = (node.getAttribute('class') ?? '').split(/\s+/).filter((c) => OWN_CLASS.test(c))
  if (kept.length > 0) node.setAttribute('class', kept.join(' '))
  else node.removeAttribute('class')
}

/** HTML for already-lexed tokens, sanitised. */
export function renderTokens(tokens: Token[]): string {
  return purifier().sanitize(marked.parser(tokens))
}

const PLAIN_NOTE =
  '<p class="md-plain-note">Shown as plain text: this part is too large or too deeply nested to format.</p>'

/**
 * HTML for a block. One shown as plain text (see markdown-limits.ts) is
 * escaped, so there is nothing to sanitise. The open block (`growing`) is
 * rendered again on every update: code in a fence still open there gets
 * colours only while short, and all of them once the fence closes.
 */
export function renderBlock(block: MarkdownBlock, growing = false): string {
  if (!block.plain) return renderTokens(growing ? block.tokens.map(markGrowing) : block.tokens)
  const note = block.plain.note ? PLAIN_NOTE : ''
  return `${note}<div class="md-plain${block.plain.code ? ' code' : ''}">${escapeHtml(block.source)}</div>`
}

function markGrowing(token: Token): Token {
  return token.type === 'code' && isOpenFence(token.raw) ? { ...token, growing: true } : token
}
