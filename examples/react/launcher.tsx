// The lazy path: only the launcher button loads with the app (a few KiB). Vite puts the help
// center's code in a separate chunk, fetched on the first open, when the pointer rests on the
// button, or when a page of the app renders another kb-* element.
import { on, openArticle } from 'kb-elements/launcher';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const KB = `${import.meta.env.BASE_URL}help/kb.json`; // served and emitted by kbElements() in vite.config.ts

function App() {
  const [opens, setOpens] = useState(0);
  useEffect(() => on('open', () => setOpens((n) => n + 1)), []); // on() returns its own cleanup
  return (
    <main>
      <h1>Skyhost domains (React {'19'}, lazy help)</h1>
      <p>
        <button type="button" id="dns-help" onClick={() => openArticle('dns-records')}>
          Which DNS records do I need?
        </button>{' '}
        Help opened <output id="opens">{opens}</output> times.
      </p>
      <kb-launcher src={KB} position="bottom-right" />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
