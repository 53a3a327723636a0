import { currentProfile } from './profile'

/**
 * Chromium canonicalises a Windows file URL's drive letter to a capital
 * (url_canon_fileurl.cc), while Node's pathToFileURL keeps the case of the
 * path it is given, and __dirname keeps whatever case the launching shell
 * used: file:///c:/… loads, and the frame reports file:///C:/….
 *
 * The harness runs on Linux, where paths have no drive. Under the win32
 * profile a one-letter folder directly inside HARK_HARNESS_DRIVE_ROOT stands
 * for a drive, and the test links its capital twin to it (C -> c), as C:\ and
 * c:\ are one drive; loading a URL there canonicalises it as Chromium would.
 */
export function chromiumFileUrl(url: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = env['HARK_HARNESS_DRIVE_ROOT']
  if (currentProfile(env).platform !== 'win32' || !root || !url.startsWith('file:')) return url
  const base = new URL(`file://${root.replace(/\/?$/, '/')}`).href
  if (!url.startsWith(base)) return url
  const rest = url.slice(base.length)
  return /^[a-z]\//.test(rest) ? base + rest[0]!.toUpperCase() + rest.slice(1) : url
}
