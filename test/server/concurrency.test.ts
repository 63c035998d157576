import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { CommandError, runCommand, type ServerRow } from '../../server/commands';
import { changesSince } from '../../server/feed';
import type { FeedPart } from '../../src/shared/wire';
import { createTestDatabase, noPostgres, type TestDatabase } from './helpers';
import { insertRaw, organizationDraft, requestDraft } from './fixtures';

describe.skipIf(noPostgres)('server under concurrent writers', () => {
  let db: TestDatabase;
  let writers: pg.Client[];
  let owner: pg.Client;
  let roundId: string, orgId: string;

  beforeAll(async () => {
    db = await createTestDatabase('concurrency');
    await db.migrate();
    const logins = [];
    for (let i = 0; i < 4; i++) logins.push(await db.createLogin('secretariat'));
    writers = await Promise.all(logins.map((l) => db.connect(l)));
    owner = await db.connect(db.owner);
    roundId = String((await insertRaw(writers[0]!, 'rounds', { id: 'round-2026', name: 'Runda 2026', year: 2026 }))['id']);
    orgId = (await runCommand(writers[0]!, { table: 'organizations', operation: 'put', record: organizationDraft() })).id;
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('keeps the CUI unique when two writers add the same NGO at once (service and direct SQL)', async () => {
    for (let i = 0; i < 5; i++) {
      const cui = organizationDraft().cui;
      const results = await Promise.allSettled([
        runCommand(writers[0]!, { table: 'organizations', operation: 'put', record: organizationDraft({ cui, name: `Asociația A${i}` }) }),
        runCommand(writers[1]!, { table: 'organizations', operation: 'put', record: organizationDraft({ cui, name: `Asociația B${i}` }) }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected')!.reason as CommandError;
      expect(refused).toBeInstanceOf(CommandError);
      expect(refused.details.fields?.['cui']).toMatch(/^CUI-ul \d+ aparține deja ONG-ului „Asociația [AB]\d”\.$/);
    }
    // Bypassing the service, the unique index decides.
    const cui = organizationDraft().cui;
    const direct = async (client: pg.Client, id: string) => {
      await client.query('BEGIN');
      try {
        await insertRaw(client, 'organizations', { id, ...organizationDraft({ cui }) });
        await client.query('SELECT pg_sleep(0.05)');
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    };
    const results = await Promise.allSettled([direct(writers[2]!, 'raw-a'), direct(writers[3]!, 'raw-b')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected')!.reason as { code: string }).code).toBe('23505');
    expect(Number((await owner.query(`SELECT count(*) AS n FROM organizations WHERE record ->> 'cui' = $1`, [cui])).rows[0].n)).toBe(1);
  });

  it('gives registration numbers without gaps or duplicates to concurrent writers, rolled-back ones given back', async () => {
    const perWriter = 10;
    const registered: number[] = [];
    await Promise.all(
      writers.map(async (client, w) => {
        for (let i = 0; i < perWriter; i++) {
          if (w === 3 && i % 3 === 0) {
            // A transaction that takes a number and then fails: the number is not lost.
            await client.query('BEGIN');
            await client.query(`INSERT INTO requests (id, version, record, server_seq, modified_by, modified_at) VALUES ($1, 1, $2, 0, '', now())`, [`rolled-${i}`, { ...requestDraft(roundId, orgId, '2027-01-15'), version: 1 }]);
            await client.query('ROLLBACK');
          }
          const row = await runCommand(client, { table: 'requests', operation: 'put', record: requestDraft(roundId, orgId, '2027-01-15') });
          registered.push((row.record['registration'] as { sequence: number }).sequence);
        }
      }),
    );
    expect([...registered].sort((a, b) => a - b)).toEqual(Array.from({ length: writers.length * perWriter }, (_, i) => i + 1));
    // The audit entries name each request by the number the server gave it.
    const { rows: labels } = await owner.query(`SELECT a.label, r.record -> 'registration' ->> 'sequence' AS n FROM audit a JOIN requests r ON r.id = a.entity_id WHERE a.entity = 'requests'`);
    expect(labels.length).toBe(writers.length * perWriter);
    for (const l of labels) expect(l.label).toBe(`nr. ${l.n}/2027`);
    const { rows } = await owner.query(`SELECT (record -> 'registration' ->> 'sequence')::int AS n FROM requests WHERE (record -> 'registration' ->> 'year')::int = 2027 ORDER BY 1`);
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: writers.length * perWriter }, (_, i) => i + 1));
    // A registered number never changes.
    const first = (await owner.query(`SELECT id, record FROM requests WHERE (record -> 'registration' ->> 'year')::int = 2027 LIMIT 1`)).rows[0];
    const error = await runCommand(writers[0]!, { table: 'requests', operation: 'put', record: { ...first.record, registration: { year: 2027, sequence: 999 } }, expectedVersion: 1 }).catch((e: unknown) => e);
    expect((error as CommandError).message).toContain('Numărul de înregistrare nu se schimbă odată dat');
  });

  /** Writers commit (service commands, and direct writers holding their transaction open) while the replica pulls each part from its own checkpoint. */
  const deliveredWhileWriting = async (parts: readonly FeedPart[]) => {
    const reader = await db.connect(db.owner);
    const start = Number((await owner.query(`SELECT last_value FROM server_seq`)).rows[0].last_value);
    const delivered = new Map<FeedPart, ServerRow[]>(parts.map((part) => [part, []]));
    const since = new Map<FeedPart, number>(parts.map((part) => [part, start]));
    let writing = true;
    const pull = async () => {
      for (const part of parts) {
        for (;;) {
          const page = await changesSince(reader, since.get(part)!, 50, part);
          delivered.get(part)!.push(...page.changes);
          since.set(part, page.last);
          if (!page.more) break;
        }
      }
    };
    const replica = (async () => {
      while (writing) {
        await pull();
        await new Promise((r) => setTimeout(r, 3));
      }
      await pull();
    })();
    const committed: ServerRow[] = [];
    const written = Promise.all([
      ...writers.slice(0, 3).map(async (client) => {
        for (let i = 0; i < 15; i++) {
          const row = await runCommand(client, { table: 'organizations', operation: 'put', record: organizationDraft() });
          committed.push(row);
          committed.push(await runCommand(client, { table: 'organizations', operation: 'put', record: { ...row.record, notes: `verificat ${i}` }, expectedVersion: 1 }));
        }
      }),
      (async () => {
        // Direct writers holding their transaction open after taking a sequence number.
        const client = writers[3]!;
        for (let i = 0; i < 8; i++) {
          await client.query('BEGIN');
          await insertRaw(client, 'organizations', { id: `slow-${parts.join('-')}-${i}`, ...organizationDraft() });
          await client.query('SELECT pg_sleep(0.03)');
          await client.query('COMMIT');
        }
      })(),
    ]);
    await written.finally(() => (writing = false));
    await replica;
    await reader.end();
    return { start, delivered, committed };
  };

  const expectExactlyOnce = async (start: number, records: ServerRow[], auditRows: ServerRow[], committed: ServerRow[]) => {
    for (const part of [records, auditRows]) {
      const seqs = part.map((c) => c.serverSeq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
    }
    const key = (c: { table: string; id: string; version: number }) => `${c.table}/${c.id}@${c.version}`;
    expect(new Set(records.map(key)).size).toBe(records.length);
    // Every audit entry written meanwhile arrived exactly once (the log is a log: nothing coalesces).
    const { rows: audit } = await owner.query(`SELECT id::text FROM audit WHERE server_seq > $1`, [start]);
    const auditDelivered = auditRows.map((c) => c.id);
    expect([...auditDelivered].sort()).toEqual(audit.map((r) => r.id).sort());
    expect(auditDelivered.length).toBe(15 * 3 * 2 + 8);
    // The replica built from the feed holds exactly the server's rows, at their last version.
    const replicaRows = new Map<string, number>();
    for (const c of records) if (c.table === 'organizations') replicaRows.set(c.id, c.version);
    const { rows: server } = await owner.query(`SELECT id, version FROM organizations WHERE server_seq > $1`, [start]);
    expect(Object.fromEntries(replicaRows)).toEqual(Object.fromEntries(server.map((r) => [r.id, r.version])));
    for (const row of committed) expect(replicaRows.has(row.id), row.id).toBe(true);
    expect(replicaRows.size).toBe(15 * 3 + 8);
  };

  it('delivers every committed change exactly once to a replica pulling while writers commit (slow transactions included)', async () => {
    const { start, delivered, committed } = await deliveredWhileWriting(['all']);
    const all = delivered.get('all')!;
    const seqs = all.map((c) => c.serverSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    await expectExactlyOnce(start, all.filter((c) => c.table !== 'audit'), all.filter((c) => c.table === 'audit'), committed);
  });

  it('delivers every committed change exactly once when the records and the audit log are pulled separately, each from its own checkpoint', async () => {
    const { start, delivered, committed } = await deliveredWhileWriting(['records', 'audit']);
    const records = delivered.get('records')!;
    const auditRows = delivered.get('audit')!;
    expect(records.filter((c) => c.table === 'audit')).toEqual([]);
    expect(auditRows.every((c) => c.table === 'audit')).toBe(true);
    await expectExactlyOnce(start, records, auditRows, committed);
  });
});
