/** Only the recorders' command lines are used: Hark spawns them itself (microphone.ts). */
declare module 'node-record-lpcm16/recorders' {
  export interface RecorderOptions {
    sampleRate: number
    channels: number
    audioType: string
    device?: string | undefined
    endOnSilence?: boolean
  }

  export interface RecorderCommand {
    cmd: string
    args: Array<string | number>
    spawnOptions?: { env?: NodeJS.ProcessEnv }
  }

  const recorders: { load(name: string): (options: RecorderOptions) => RecorderCommand }
  export default recorders
}
