import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import type { Lang } from '../../core/messages/types';
import { t } from '../i18n';

/** Props of `ViewErrorBoundary`. */
export interface ViewErrorBoundaryProps {
  lang: Lang;
  children: ReactNode;
}

/** Keeps one broken view from blanking the whole pane: the other tabs stay usable. */
export class ViewErrorBoundary extends Component<ViewErrorBoundaryProps, { error?: Error }> {
  override state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  override render(): ReactNode {
    if (this.state.error) {
      return (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>
            {t(this.props.lang, 'shell.viewCrashed', { message: this.state.error.message })}
          </MessageBarBody>
        </MessageBar>
      );
    }
    return this.props.children;
  }
}
