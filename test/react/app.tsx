// The React test app (scripts/test-react.js typechecks, builds, serves and drives it): the offer
// board inside a provider, imported from the package's `tend-widgets/react` entry, with typed
// props and a handler for its `tend-offer-posted` event.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { TendOfferBoard, TendProvider } from 'tend-widgets/react';

/** The board's clock: a Date, which no attribute can carry, so it arrives only as a property. */
const NOW = new Date('2026-03-02T10:00:00Z');

function App() {
  const [posted, setPosted] = useState<string[]>([]);
  return (
    <main>
      <h1>Maple Street neighbours</h1>
      <TendProvider storage="memory" community="maple-street" userId="ana" userName="Ana">
        <TendOfferBoard
          board="maple"
          maxCommitments={2}
          now={NOW}
          onTendOfferPosted={(event) =>
            setPosted((ids) => [...ids, `${event.detail.kind} ${event.detail.postId}`])
          }
        />
      </TendProvider>
      <p id="posted">{posted.join(', ')}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

/** What the wrappers' types refuse (never rendered: tsc fails if any line here compiles). */
export const refused = [
  // @ts-expect-error maxCommitments is a number, not a string
  <TendOfferBoard maxCommitments="2" />,
  // @ts-expect-error a posted event's detail carries ids, never the post's text
  <TendOfferBoard onTendOfferPosted={(event) => event.detail.title} />,
  // @ts-expect-error the provider has no board
  <TendProvider board="maple" />,
];
