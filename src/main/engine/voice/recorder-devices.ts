import { execFile } from 'node:child_process'
import { recorderDevicePattern } from '../../../shared/settings'
import type { RecorderName } from './recorder-binary'

/**
 * The input devices a recorder offers, which is the whole of what Settings may
 * choose from: a device string is a language to ALSA (`file:'|cmd'` runs a
 * command), so Hark only passes names the recorder itself listed, and only
 * plain ones. 'default' is always first.
 */

export type ListDevicesRun = (cmd: string, args: string[]) => Promise<string>

const run: ListDevicesRun = (cmd, args) =>
  new Promise((resolve) => {
    execFile(cmd, args, { timeout: 5000, maxBuffer: 1024 * 1024 }, (err, stdout) => resolve(err ? '' : stdout))
  })

/** `arecord -L` prints each name at the start of a line, its description indented below it. */
export function parseArecordList(output: string): string[] {
  return output.split('\n').filter((line) => line !== '' && !/^\s/.test(line))
}

export function isPlainDeviceName(name: string): boolean {
  return recorderDevicePattern.test(name)
}

/** sox and rec name no devices of their own on Linux (AUDIODEV is driver-specific): only the default. */
export async function listRecorderDevices(recorder: RecorderName, exec: ListDevicesRun = run): Promise<string[]> {
  const listed = recorder === 'arecord' ? parseArecordList(await exec('arecord', ['-L'])) : []
  const plain = listed.filter((d) => d !== '' && isPlainDeviceName(d))
  return ['default', ...new Set(plain.filter((d) => d !== 'default'))]
}

/** '' (the system default) or a name from `devices`. */
export function isListedDevice(device: string, devices: readonly string[]): boolean {
  return device === '' || (isPlainDeviceName(device) && devices.includes(device))
}
