import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { forwardRef } from 'react';
import { formatError, isCalcError } from '../../core/errors';
import type { Lang } from '../../core/messages/types';
import { t } from '../i18n';
import { localizeDetails } from '../i18n/message';

/** Props of `ErrorBar`. */
export interface ErrorBarProps {
  lang: Lang;
  /** A `CalcError` (shown in `lang`) or anything else thrown (shown as unexpected). */
  error: unknown;
  onDismiss: () => void;
}

/** The text shown for an error: the catalogue message of a `CalcError`, else a generic one with the raw message. */
export function errorText(error: unknown, lang: Lang): string {
  // The details (a field's label, …) in the language shown now, not the one of the moment it failed.
  if (isCalcError(error)) return formatError(error.code, localizeDetails(error.details, lang), lang);
  const message = error instanceof Error ? error.message : String(error);
  return t(lang, 'shell.error.unexpected', { message });
}

/**
 * The pane's error bar: an alert that screen readers announce, dismissible by keyboard (the ✕
 * button, or Escape anywhere in the bar). Focusable (tabIndex -1) so the shell can move focus to
 * it after the action that failed.
 */
export const ErrorBar = forwardRef<HTMLDivElement, ErrorBarProps>(function ErrorBar(
  { lang, error, onDismiss },
  ref,
): JSX.Element {
  return (
    <MessageBar
      ref={ref}
      tabIndex={-1}
      intent="error"
      layout="multiline"
      role="alert"
      data-testid="error-bar"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onDismiss();
        }
      }}
    >
      <MessageBarBody>
        <MessageBarTitle>{t(lang, 'shell.error.title')}</MessageBarTitle>
        {errorText(error, lang)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button
            appearance="transparent"
            icon={<span aria-hidden="true">✕</span>}
            aria-label={t(lang, 'shell.error.dismiss')}
            onClick={onDismiss}
          />
        }
      />
    </MessageBar>
  );
});
