import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, Middleware } from 'dexie';
import { BACKUP_TABLES, createDatabase, type SubventiiDb } from '../../../renderer/db/database';
import { createStore, type DbStore } from '../../../renderer/db/store';

/** The error the fault-injection middleware throws. */
export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

export interface FaultSwitch {
  /** Throws at the n-th write request (1-based) from now on; 0 disarms. */
  failAt(n: number): void;
  /** How many write requests were made since the last failAt(). */
  readonly writes: number;
}

let counter = 0;

/**
 * A fresh database whose every write request (add, put, delete, clear, in any table) goes through a
 * switch that can throw at the n-th one: the transaction the write belongs to must then leave
 * nothing behind.
 */
export async function faultyStore(): Promise<{ store: DbStore; faults: FaultSwitch }> {
  let failAt = 0;
  let writes = 0;
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'fault-injection',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> => {
            writes += 1;
            if (failAt > 0 && writes === failAt) return Promise.reject(new InjectedFault(`panou simulat la scrierea ${writes} (${name}, ${request.type})`));
            return table.mutate(request);
          },
        };
      },
    }),
  };
  counter += 1;
  const db = createDatabase(`fault-db-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
  db.use(middleware);
  await db.open();
  return {
    store: createStore(db),
    faults: {
      failAt(n: number) {
        failAt = n;
        writes = 0;
      },
      get writes() {
        return writes;
      },
    },
  };
}

/** Every row of every table (the safety copies included), for comparing states. */
export async function snapshot(db: SubventiiDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...BACKUP_TABLES, 'safetyBackups']) out[name] = await db.table(name).toArray();
  return out;
}

/**
 * Runs `operation` with a fault at its 1st, 2nd, … write until it completes without reaching the
 * fault; after each failed run the database must be exactly as before. Returns how many writes the
 * operation makes. `prepare` builds the state before each run (on a fresh database).
 */
export async function expectAllOrNothing(
  prepare: (store: DbStore) => Promise<void>,
  operation: (store: DbStore) => Promise<unknown>,
  expectEqual: (actual: unknown, expected: unknown, message: string) => void,
  options: { ignoreTables?: readonly string[] } = {},
): Promise<number> {
  for (let step = 1; step < 500; step++) {
    const { store, faults } = await faultyStore();
    await prepare(store);
    const before = await snapshot(store.db);
    faults.failAt(step);
    let error: unknown = null;
    try {
      await operation(store);
    } catch (e) {
      error = e;
    }
    const total = faults.writes;
    faults.failAt(0);
    if (!error && total < step) return total; // the fault was never reached: the operation is whole
    const after = await snapshot(store.db);
    for (const name of options.ignoreTables ?? []) {
      delete before[name];
      delete after[name];
    }
    expectEqual(after, before, `fault at write ${step}: ${error instanceof Error ? error.message : String(error)}`);
    store.db.close();
  }
  throw new Error('the operation never completed');
}
