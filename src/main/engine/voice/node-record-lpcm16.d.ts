declare module 'node-record-lpcm16' {
  import type { ChildProcess } from 'node:child_process'
  import type { Readable } from 'node:stream'

  export interface RecordOptions {
    sampleRate?: number
    channels?: number
    recorder?: string
    device?: string
    audioType?: string
    endOnSilence?: boolean
  }

  export interface Recording {
    process: ChildProcess
    stream(): Readable
    stop(): void
  }

  export function record(options?: RecordOptions): Recording
}
