import { createContext, useContext, type ReactNode } from 'react';
import type { Store } from './db/store';

const StoreContext = createContext<Store | null>(null);

export function StoreProvider({ store, children }: { store: Store; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The repositories; screens read and change data only through them. */
export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error('StoreProvider lipsește');
  return store;
}
