// A real IndexedDB implementation in memory, so storage tests run against Dexie itself, not mocks.
import 'fake-indexeddb/auto';
