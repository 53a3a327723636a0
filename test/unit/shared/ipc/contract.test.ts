import { describe, expect, it } from 'vitest'
import { contracts, eventNames, routeNames, subjects } from '../../../../src/shared/ipc/contract'

describe('the IPC contract', () => {
  it('declares every route and event in exactly one subject', () => {
    const routeCount = subjects.reduce((n, s) => n + Object.keys(contracts[s].routes).length, 0)
    const eventCount = subjects.reduce((n, s) => n + Object.keys(contracts[s].events).length, 0)
    expect(new Set(routeNames).size).toBe(routeCount)
    expect(new Set(eventNames).size).toBe(eventCount)
  })
})
