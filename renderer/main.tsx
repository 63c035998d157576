import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { DATABASE_OUTDATED_EVENT } from './components/outdated-banner';
import { closeOnUpgrade, describeOpenError } from './db/database';
import { openStore } from './db/store';
import { requestPersistentStorage } from './platform/storage';
import { StoreProvider } from './store-context';

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

openStore()
  .then((store) => {
    void requestPersistentStorage();
    closeOnUpgrade(store.db, () => window.dispatchEvent(new Event(DATABASE_OUTDATED_EVENT)));
    root.render(
      <StrictMode>
        <StoreProvider store={store}>
          <App />
        </StoreProvider>
      </StrictMode>,
    );
  })
  .catch((error: unknown) => showFatal(describeOpenError(error)));
