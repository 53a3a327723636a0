/** `host[:port]` of a base URL, for messages that say where the problem is. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || baseUrl
  } catch {
    return baseUrl
  }
}

const LOCAL_HOST =
  /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0|10(?:\.\d{1,3}){3}|192\.168(?:\.\d{1,3}){2}|172\.(?:1[6-9]|2\d|3[01])(?:\.\d{1,3}){2}|[^.]+\.local)$/i

/** Local and LAN servers (Ollama, LM Studio, llama.cpp) work without an API key. */
export function isLocalUrl(baseUrl: string): boolean {
  try {
    return LOCAL_HOST.test(new URL(baseUrl).hostname)
  } catch {
    return false
  }
}
