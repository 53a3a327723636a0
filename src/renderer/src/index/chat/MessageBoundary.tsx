import { Component, type ErrorInfo, type ReactNode } from 'react'

interface Props {
  /** the message's text, shown as it is if its rendering fails */
  text: string
  children: ReactNode
}

/**
 * A message that fails to render (model output is untrusted, and a parser can
 * throw on it) shows its text plainly and says so, instead of React unmounting
 * the whole window. It stays plain for the life of the row: trying again on
 * every streamed update could fail, expensively, on every one.
 */
export class MessageBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A message could not be rendered; showing it as plain text.', error, info.componentStack)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <div className="markdown message-fallback" data-testid="message-fallback">
        <p className="md-plain-note" role="note">
          This message could not be formatted, so it is shown as plain text.
        </p>
        <div className="md-plain">{this.props.text}</div>
      </div>
    )
  }
}
