import type { QuickShown } from '@shared/ipc/quick'

/**
 * 'quick.shown', heard from the moment this module loads. When the popup is
 * summoned while still starting, main sends the event right after the page
 * loads, possibly before React has mounted: it is kept until the component
 * takes it.
 */

let pending: QuickShown | null = null
const listeners = new Set<(shown: QuickShown) => void>()

window.hark.on('quick.shown', (shown) => {
  if (listeners.size === 0) pending = shown
  listeners.forEach((l) => l(shown))
})

/** Calls `listener` for every show, starting with one that came before it subscribed. */
export function onShown(listener: (shown: QuickShown) => void): () => void {
  listeners.add(listener)
  if (pending) {
    listener(pending)
    pending = null
  }
  return () => listeners.delete(listener)
}
