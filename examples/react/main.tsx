// React 19 passes objects to custom elements as properties and `on<event-name>` props as
// event listeners, so the kb-* elements need no wrapper components.
import 'kb-elements'; // registers the kb-* elements
import type { KbHelp } from 'kb-elements';
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';

const KB = `${import.meta.env.BASE_URL}help/kb.json`; // served and emitted by kbElements() in vite.config.ts

function Settings({ onHelp }: { onHelp: (articleId: string, sectionId?: string) => void }) {
  return (
    <form className="settings">
      <label htmlFor="threshold">Spam threshold</label>
      <input id="threshold" type="number" defaultValue={5} />
      {/* Learn more: the app shows the article in its own help center. */}
      <kb-tip
        for="threshold"
        src={KB}
        context="settings.spam-filter"
        onkb-article-open={(event) => {
          event.preventDefault();
          onHelp(event.articleId, event.sectionId);
        }}
      />
    </form>
  );
}

function App() {
  const help = useRef<KbHelp>(null);
  const [lastSearch, setLastSearch] = useState('');
  const [opened, setOpened] = useState('');
  return (
    <main>
      <h1>Skyhost settings (React {'19'})</h1>
      <Settings
        onHelp={(id, section) => {
          setOpened(id);
          help.current?.open(id, section); // a method of the element, through a ref
        }}
      />
      <p id="status">
        Last search: <output id="last-search">{lastSearch}</output>; opened: <output id="opened">{opened}</output>
      </p>
      <kb-help
        ref={help}
        src={KB}
        strings={{ searchPlaceholder: 'Ask Skyhost anything' }}
        onkb-search={(event) => setLastSearch(event.query)}
        onkb-article-open={(event) => setOpened(event.articleId)}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
