export { startFakeLlm, type FakeLlm, type FakeLlmOptions } from './fake-llm'
export { scenarios, scenarioNames, isScenarioName, type ScenarioName } from './scenarios'
export { DEFAULT_ANSWER, DEFAULT_REASONING, MULTIBYTE_ANSWER } from './default-answer'
export type { ConnectionRecord, RequestRecord, RouteHandler, Timing } from './types'
