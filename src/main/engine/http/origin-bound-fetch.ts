/**
 * The redirect policy for every request that carries a prompt, audio or a key:
 * redirects within the origin are followed (at most MAX_HOPS), a redirect to
 * any other origin is refused with RedirectRefusedError, so nothing is ever
 * re-sent to a server the user did not name. Pass `originBoundFetch` as the
 * openai SDK's `fetch` option (or wrap another fetch with `originBound`).
 */

const MAX_HOPS = 5

export class RedirectRefusedError extends Error {
  constructor(
    readonly from: URL,
    readonly to: URL | null,
    readonly status: number
  ) {
    super(
      to
        ? `${from.host} redirected the request (${status}) to ${to.origin}`
        : `${from.host} answered with a redirect (${status}) that could not be followed`
    )
    this.name = 'RedirectRefusedError'
  }
}

const isRedirect = (status: number) => status >= 300 && status < 400 && status !== 304

/** What the fetch spec does to the method and body on each redirect status. */
function nextInit(status: number, init: RequestInit): RequestInit {
  const method = (init.method ?? 'GET').toUpperCase()
  if (status === 303 ? method !== 'HEAD' : (status === 301 || status === 302) && method === 'POST')
    return { ...init, method: 'GET', body: null }
  return init
}

const replayable = (body: RequestInit['body']) => !(body instanceof ReadableStream)

function urlOf(input: string | URL | Request): URL {
  return new URL(input instanceof Request ? input.url : input)
}

export function originBound(fetchImpl: typeof fetch): typeof fetch {
  return async (input, init = {}) => {
    let url = urlOf(input)
    let current: RequestInit = { ...init, redirect: 'manual' }
    for (let hop = 0; ; hop++) {
      const res = await fetchImpl(hop === 0 ? input : url, current)
      if (!isRedirect(res.status)) return res
      await res.body?.cancel().catch(() => {})
      const location = res.headers.get('location')
      const to = location ? new URL(location, url) : null
      const follows = to?.origin === url.origin && hop < MAX_HOPS && !(input instanceof Request)
      if (!to || !follows) throw new RedirectRefusedError(url, to, res.status)
      current = nextInit(res.status, current)
      if (current.body != null && !replayable(current.body)) throw new RedirectRefusedError(url, to, res.status)
      url = to
    }
  }
}

export const originBoundFetch: typeof fetch = originBound((input, init) => globalThis.fetch(input, init))
