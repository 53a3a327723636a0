/**
 * Chromium keeps only the last `--enable-features` switch, so two features
 * appended separately (or one appended after the user's own) silently lose
 * all but one: GlobalShortcutsPortal, which makes global shortcuts work on
 * Wayland, was the usual victim. Every feature goes through this one call.
 */

export interface CommandLineLike {
  getSwitchValue(name: string): string
  appendSwitch(name: string, value?: string): void
}

/** Linux: global shortcuts through the XDG desktop portal (Wayland). */
export const appFeatures = (platform: NodeJS.Platform = process.platform): string[] =>
  platform === 'linux' ? ['GlobalShortcutsPortal'] : []

export function mergeFeatures(...lists: Array<string | string[]>): string {
  const all = lists.flatMap((l) => (Array.isArray(l) ? l : l.split(',')))
  return [...new Set(all.map((f) => f.trim()).filter(Boolean))].join(',')
}

/** Call once, before `app.whenReady()`. */
export function applyCommandLineSwitches(cl: CommandLineLike, platform: NodeJS.Platform = process.platform): void {
  const merged = mergeFeatures(cl.getSwitchValue('enable-features'), appFeatures(platform))
  if (merged) cl.appendSwitch('enable-features', merged)
}
