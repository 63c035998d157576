import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreen } from './app';
import { DATABASE_OUTDATED_EVENT } from './components/outdated-banner';
import { requestPersistentStorage } from './platform/storage';
import { StoreProvider } from './store-context';
import { routeFromHash } from './navigation';
import { workstationServer } from './db/shared/workstation';
import { startEarlyRead } from './db/early-read';

const container = document.getElementById('root');
if (!container) throw new Error('#root lipsește');
const root = createRoot(container);

function showFatal(message: string) {
  root.render(
    <div role="alert" style={{ fontFamily: 'sans-serif', padding: 32, maxWidth: 720 }}>
      <h1 style={{ fontSize: 20 }}>Subvenții ONG nu poate porni</h1>
      <p>{message}</p>
    </div>,
  );
}

// The database layer (Dexie, the repositories and the rules they check) and the screen of the
// address load in parallel with the start chunk's frame, not inside it.
/** Local mode, the default: the embedded database, as always. */
function startLocal(): void {
  // The installed version and the copies of the tables the screen reads whole, read while the code below loads.
  // The database opens once that read has settled (it is done well before the code has loaded).
  const early = startEarlyRead(routeFromHash()).catch(() => undefined);
  const database = Promise.all([import('./db/store'), import('./db/database'), early]);
  const opened = database.then(async ([{ openStore }, { closeOnUpgrade }]) => ({ store: await openStore(), closeOnUpgrade }));
  // The screen's first read starts as soon as the database is open (it does not wait for the screen's code), not after the first paint (issue 10).
  preloadScreen(routeFromHash(), opened.then(({ store }) => store));
  opened
    .then(({ store, closeOnUpgrade }) => {
      void requestPersistentStorage();
      // Another window upgraded the database: this one closes its connection and asks to reload.
      closeOnUpgrade(store.db, () => window.dispatchEvent(new Event(DATABASE_OUTDATED_EVENT)));
      root.render(
        <StrictMode>
          <StoreProvider store={store}>
            <App />
          </StoreProvider>
        </StrictMode>,
      );
    })
    .catch(async (error: unknown) => {
      const describe = await database.then(([, { describeOpenError }]) => describeOpenError).catch(() => (e: unknown) => `Fișierele aplicației nu au putut fi încărcate: ${(e as Error)?.message ?? String(e)}`);
      showFatal(describe(error));
    });
}

// Shared mode (a server configured, or the page served by the server): its own start, loaded only then.
const server = workstationServer();
if (server) {
  preloadScreen(routeFromHash());
  import('./shared-start')
    .then((m) => m.startShared(root, server))
    .catch(async (error: unknown) => {
      const describe = await import('./db/database').then((m) => m.describeOpenError).catch(() => (e: unknown) => `Fișierele aplicației nu au putut fi încărcate: ${(e as Error)?.message ?? String(e)}`);
      showFatal(describe(error));
    });
} else {
  startLocal();
}
