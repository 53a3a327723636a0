export declare const SUPPORTED_NODE: string
export declare function nodeCanFetchElectron(version: string): boolean
export declare function nodeVersionProblem(version: string): string | null
