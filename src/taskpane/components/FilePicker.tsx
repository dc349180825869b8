import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef } from 'react';
import type { Lang } from '../../core/messages/types';
import { t } from '../i18n';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    minWidth: 0,
  },
  // Never shown, so the browser's own "Choose File / No file chosen" (in the browser's language,
  // not the pane's) never appears; the label still names it, for scripts and tests.
  input: { display: 'none' },
  name: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', minWidth: 0 },
});

/** Props of `FilePicker`. */
export interface FilePickerProps {
  lang: Lang;
  /** What the file is for, e.g. 'Exportbestand kiezen': labels the (hidden) input and describes the button. */
  label: string;
  accept: string;
  disabled?: boolean;
  /** The chosen file's name (shown beside the button), or undefined. */
  fileName?: string;
  onFile: (file: File | undefined) => void;
}

/**
 * A file choice in the pane's language: a labelled button that opens a hidden file input, and
 * the chosen file's name beside it. Choosing the same file again still reports it (the input is
 * cleared after each choice).
 */
export function FilePicker({
  lang,
  label,
  accept,
  disabled,
  fileName,
  onFile,
}: FilePickerProps): JSX.Element {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const labelId = useId();
  const nameId = useId();
  return (
    <div className={styles.root}>
      <label id={labelId} htmlFor={inputId}>
        {label}
      </label>
      <Button
        aria-describedby={`${labelId} ${nameId}`}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {t(lang, 'pane.file.choose')}
      </Button>
      <Caption1 id={nameId} className={styles.name}>
        {fileName ?? t(lang, 'pane.file.none')}
      </Caption1>
      <input
        ref={input}
        id={inputId}
        className={styles.input}
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          onFile(file);
        }}
      />
    </div>
  );
}
