import type { HarkBridge } from '@shared/ipc/bridge'

declare global {
  interface Window {
    hark: HarkBridge
  }
}
