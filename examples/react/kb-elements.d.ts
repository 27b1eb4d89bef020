// JSX types for the kb-* elements in React 19: attributes, properties and `on<event>` props.
import type { KbHelp, KbLauncher, KbSearch, KbStrings, KbTip } from 'kb-elements';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

type Element<T, Props> = DetailedHTMLProps<HTMLAttributes<T>, T> & Props & { class?: string };
type ArticleOpen = (event: Event & { articleId: string; sectionId?: string }) => void;
type Common = {
  src?: string;
  theme?: 'light' | 'dark' | 'auto';
  strings?: Partial<KbStrings>;
  'onkb-article-open'?: ArticleOpen;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'kb-help': Element<
        KbHelp,
        Common & { routing?: 'hash'; heading?: string; 'onkb-search'?: (event: Event & { query: string; resultCount: number }) => void }
      >;
      'kb-search': Element<KbSearch, Common & { placeholder?: string; hotkey?: boolean }>;
      'kb-tip': Element<KbTip, Common & { article?: string; context?: string; section?: string; for?: string; help?: string }>;
      'kb-launcher': Element<
        KbLauncher,
        { src?: string; position?: string; theme?: string; 'onkb-launcher-open'?: (event: Event) => void }
      >;
    }
  }
}
