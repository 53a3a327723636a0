/**
 * Makes gaps in the emulation loud: reading a property the harness does not
 * provide throws, instead of quietly yielding undefined and a confusing
 * failure three calls later.
 */

// Probes made by module loaders, promise resolution, inspectors and JSON.
const probes = new Set([
  'then',
  'toJSON',
  'default',
  '__esModule',
  'constructor',
  'inspect',
  'nodeType',
  'asymmetricMatch',
  '$$typeof'
])

export class NotEmulatedError extends Error {
  constructor(what: string) {
    super(`harness does not emulate ${what} (add it to test/e2e/harness/electron/)`)
    this.name = 'NotEmulatedError'
  }
}

export function strict<T extends object>(name: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop === 'symbol' || prop in obj || probes.has(prop)) return Reflect.get(obj, prop, receiver)
      throw new NotEmulatedError(`${name}.${prop}`)
    }
  })
}
