import { TtsError } from './speech-types'

export const MIN_RATE = 0.25
export const MAX_RATE = 4

/**
 * A finite rate in [0.25, 4], else a TtsError. Rates end up in argv and in
 * festival's Scheme, so only numbers we checked ever get there.
 */
export function checkedRate(rate: number): number {
  if (!Number.isFinite(rate) || rate < MIN_RATE || rate > MAX_RATE) {
    throw new TtsError(`speech rate must be between ${MIN_RATE} and ${MAX_RATE}, got ${rate}`, 'failed')
  }
  return rate
}
