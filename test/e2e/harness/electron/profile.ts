import { defaultProfile, profileNamed, type PlatformProfile } from '../profiles'

/**
 * The platform profile this app process runs under (HARK_HARNESS_PROFILE, set
 * by launchApp's `profile`; default linux-x11). The launcher gives the app the
 * profile's session environment; this side makes `process.platform` say the
 * profile's platform, before the app's first line runs (register.cjs).
 */
export function currentProfile(env: NodeJS.ProcessEnv = process.env): PlatformProfile {
  return profileNamed(env['HARK_HARNESS_PROFILE'] ?? defaultProfile)
}

export function applyPlatform(env: NodeJS.ProcessEnv = process.env): void {
  // process.platform is a plain read-only property in Node, as in Electron.
  Object.defineProperty(process, 'platform', {
    value: currentProfile(env).platform,
    enumerable: true,
    configurable: true
  })
}
