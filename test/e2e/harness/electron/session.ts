import { record } from './recorder'
import { strict } from './strict'

type Headers = Record<string, string[]>
interface HeadersDetails {
  url: string
  resourceType: string
  method: string
  responseHeaders: Headers
}
type HeadersCallback = (response: { cancel?: boolean; responseHeaders?: Headers }) => void
type HeadersListener = (details: HeadersDetails, callback: HeadersCallback) => void
type PermissionRequestHandler =
  ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void) | null
type PermissionCheckHandler =
  ((contents: unknown, permission: string, origin: string, details: unknown) => boolean) | null

/**
 * session.defaultSession. onHeadersReceived is applied for real to every page
 * the harness serves; permission handlers are kept so tests can ask them.
 */
class FakeSession {
  private headersListener: HeadersListener | null = null
  permissionRequestHandler: PermissionRequestHandler = null
  permissionCheckHandler: PermissionCheckHandler = null

  readonly webRequest = strict('session.webRequest', {
    onHeadersReceived: (filterOrListener: unknown, maybeListener?: HeadersListener | null): void => {
      const listener = (
        typeof filterOrListener === 'function' ? filterOrListener : maybeListener
      ) as HeadersListener | null
      this.headersListener = listener ?? null
    }
  })

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    record('session.setSpellCheckerEnabled', enabled)
  }

  async clearCache(): Promise<void> {
    record('session.clearCache')
  }

  /** Used by the file server: the headers a response gets after the app's hook. */
  applyHeaders = (details: HeadersDetails): Promise<Headers> => {
    const listener = this.headersListener
    if (!listener) return Promise.resolve(details.responseHeaders)
    return new Promise((resolve) => {
      listener(details, (response) => resolve(response.responseHeaders ?? details.responseHeaders))
    })
  }

  /** What the app's permission handlers answer, for tests (control: 'permission'). */
  async askPermission(permission: string, origin: string): Promise<{ check: boolean | null; request: boolean | null }> {
    const check = this.permissionCheckHandler ? this.permissionCheckHandler(null, permission, origin, {}) : null
    const request = this.permissionRequestHandler
      ? await new Promise<boolean>((resolve) =>
          this.permissionRequestHandler?.(null, permission, resolve, { requestingUrl: origin })
        )
      : null
    return { check, request }
  }
}

export const defaultSession = strict('session.defaultSession', new FakeSession())
export const session = strict('session', { defaultSession })
export type { FakeSession }
