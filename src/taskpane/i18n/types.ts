import type { Lang } from '../../core/messages/types';

/** One UI string in both languages. Dutch first. */
export type Localized = Record<Lang, string>;
