/**
 * An error whose message is meant for the user: the IPC router passes it to
 * the window as it is, where any other error becomes a generic line and a log.
 */
export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message)
  }
}
