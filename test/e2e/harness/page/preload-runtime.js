/* global window */
/**
 * Runs in the page before any page script, like Electron's preload. It gives
 * the REAL preload bundle a sandboxed `require('electron')` whose ipcRenderer
 * talks to main through a binding only this closure holds, and a contextBridge
 * that copies and freezes what it exposes, as context isolation would.
 *
 * Plain JavaScript, read as text: it is injected into the page, never imported.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function harkPreloadRuntime(cfg, runPreload) {
  'use strict'
  // The binding is the page's only door to main: take it out of the page's reach.
  const call = window[cfg.binding]
  delete window[cfg.binding]

  const listeners = new Map()
  const rendererEvent = () => ({ sender: ipcRenderer, senderId: 0, ports: [] })

  const ipcRenderer = {
    invoke(channel, ...args) {
      return call({ kind: 'invoke', channel: String(channel), args: structuredClone(args) }).then((r) => {
        if (r.ok) return r.value
        throw new Error(`Error invoking remote method '${channel}': ${r.message}`)
      })
    },
    send(channel, ...args) {
      call({ kind: 'send', channel: String(channel), args: structuredClone(args) }).catch(() => undefined)
    },
    sendSync() {
      throw new Error('harness does not emulate ipcRenderer.sendSync')
    },
    on(channel, fn) {
      if (!listeners.has(channel)) listeners.set(channel, [])
      listeners.get(channel).push(fn)
      return ipcRenderer
    },
    once(channel, fn) {
      const wrapped = (...a) => {
        ipcRenderer.removeListener(channel, wrapped)
        fn(...a)
      }
      return ipcRenderer.on(channel, wrapped)
    },
    removeListener(channel, fn) {
      const list = listeners.get(channel) || []
      const i = list.lastIndexOf(fn)
      if (i >= 0) list.splice(i, 1)
      return ipcRenderer
    },
    off(channel, fn) {
      return ipcRenderer.removeListener(channel, fn)
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear()
      else listeners.delete(channel)
      return ipcRenderer
    },
    listenerCount(channel) {
      return (listeners.get(channel) || []).length
    }
  }

  // main -> page: webContents.send lands here (under a per-launch random name).
  Object.defineProperty(window, cfg.deliver, {
    value: (channel, args) => {
      for (const fn of [...(listeners.get(channel) || [])]) {
        try {
          fn(rendererEvent(), ...structuredClone(args))
        } catch (err) {
          queueMicrotask(() => {
            throw err
          })
        }
      }
    },
    enumerable: false
  })

  /** What crosses the bridge is copied, never shared; functions become proxies; errors keep only their message. */
  function copy(value) {
    if (typeof value === 'function') {
      return function bridged(...args) {
        try {
          return copy(value(...args.map(copy)))
        } catch (err) {
          throw copyError(err)
        }
      }
    }
    if (value instanceof Promise) return value.then(copy, (err) => Promise.reject(copyError(err)))
    if (value instanceof Error) return copyError(value)
    if (value === null || typeof value !== 'object') return value
    if (Array.isArray(value)) return value.map(copy)
    if (Object.getPrototypeOf(value) === Object.prototype) {
      const out = {}
      for (const key of Object.keys(value)) out[key] = copy(value[key])
      return out
    }
    return structuredClone(value)
  }
  function copyError(err) {
    return err instanceof Error ? new Error(err.message) : copy(err)
  }
  function deepFreeze(value) {
    if (value && typeof value === 'object' && !Object.isFrozen(value)) {
      Object.freeze(value)
      Object.values(value).forEach(deepFreeze)
    }
    return value
  }

  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (key in window) throw new Error('Cannot bind an API on top of an existing property on the window object')
      Object.defineProperty(window, key, {
        value: deepFreeze(copy(api)),
        enumerable: true,
        writable: false,
        configurable: false
      })
    }
  }

  const notEmulated = (what) => {
    throw new Error(`harness does not emulate ${what} (see test/e2e/harness/page/preload-runtime.js)`)
  }
  const electron = new Proxy(
    { contextBridge, ipcRenderer },
    {
      get: (o, k) =>
        typeof k === 'symbol' || k in o || k === '__esModule' || k === 'default'
          ? o[k]
          : notEmulated(`electron.${String(k)} in the preload`)
    }
  )
  // A sandboxed preload can require only 'electron' (and a few Node built-ins Hark does not use).
  const sandboxRequire = (id) => (id === 'electron' ? electron : notEmulated(`require('${id}') in a sandboxed preload`))
  const module = { exports: {} }
  runPreload(sandboxRequire, module, module.exports)
}
