import { Marked, type Token, type Tokens } from 'marked'
import DOMPurify from 'dompurify'
import { escapeHtml, highlightCode } from './highlight'

/**
 * Markdown tokens to safe HTML. Model output is untrusted: everything marked
 * produces goes through DOMPurify, and links open outside the app.
 */

const marked = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    code({ text, lang }: Tokens.Code): string {
      return codeBlockHtml(text, lang)
    }
  }
})

function codeBlockHtml(code: string, lang: string | undefined): string {
  const label = (lang ?? '').trim().split(/\s+/)[0] ?? ''
  const body = highlightCode(code, label)
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
    DOMPurify.setConfig({ ADD_ATTR: ['target'], FORBID_TAGS: ['style', 'form', 'input'] })
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        node.setAttribute('target', '_blank')
        node.setAttribute('rel', 'noopener noreferrer')
      }
    })
    configured = true
  }
  return DOMPurify
}

/** HTML for already-lexed tokens, sanitised. */
export function renderTokens(tokens: Token[]): string {
  return purifier().sanitize(marked.parser(tokens))
}
