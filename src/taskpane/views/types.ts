import type { ComponentType } from 'react';
import type { Lang } from '../../core/messages/types';
import type { WorkbookGateway } from '../host/types';

/** Props every view receives from the shell. */
export interface ViewProps {
  gateway: WorkbookGateway;
  lang: Lang;
}

/** A view (tab) of the task pane. */
export interface ViewDef {
  id: string;
  label: Record<Lang, string>;
  /** Two lines: what this view computes. Shown at the top of the view. */
  help: Record<Lang, string>;
  Component: ComponentType<ViewProps>;
}
