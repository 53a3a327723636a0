/**
 * The user started typing a question: ask main to open the connections it
 * will use, so the question does not pay connection set-up. Main warms only
 * its own configured endpoints and repeats nothing younger than ~1.5 s, so
 * calling this on every keystroke is cheap; a failure changes nothing.
 */
export function warmEndpoints(): void {
  void window.hark.invoke('provider.warm', {}).catch(() => {})
}
