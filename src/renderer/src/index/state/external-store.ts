/** A tiny observable value for useSyncExternalStore: immutable snapshots, shallow-merged updates. */
export class ExternalStore<S extends object> {
  protected state: S
  private readonly listeners = new Set<() => void>()

  constructor(initial: S) {
    this.state = initial
  }

  getSnapshot = (): S => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  protected set(patch: Partial<S>): void {
    this.state = { ...this.state, ...patch }
    this.listeners.forEach((l) => l())
  }
}
