import { Component } from "preact";
import type { ComponentChildren } from "preact";
import { t } from "../i18n";
import { ErrorState } from "./States";

/** Keeps one broken part of the UI from taking the rest down with it. */
export class ErrorBoundary extends Component<{ children: ComponentChildren; name: string }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown) {
    console.error(`byline: ${this.props.name} failed`, error);
  }

  render() {
    if (this.state.error) {
      return (
        <div class={`pane boundary boundary-${this.props.name}`}>
          <ErrorState
            testid={`${this.props.name}-crash`}
            title={t("error.internal")}
            message={this.state.error.message}
            onRetry={() => this.setState({ error: null })}
          />
        </div>
      );
    }
    return this.props.children;
  }
}
