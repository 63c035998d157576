import type pg from 'pg';
import { emptyOrganization, type OrganizationDraft } from '../../src/catalog/organization';
import { withCuiCheckDigit } from '../../src/validation/cui';

let counter = 0;

/** A valid NGO draft with a CUI of its own (the check digit computed by src/validation/cui). */
export function organizationDraft(overrides: Partial<OrganizationDraft> = {}): OrganizationDraft & { id?: string } {
  counter++;
  return {
    ...emptyOrganization(),
    name: `Asociația Speranța ${counter}`,
    cui: withCuiCheckDigit(String(1_000_000 + Math.floor(Math.random() * 8_000_000))),
    registryNumber: `${counter}/2010`,
    street: 'Str. Memorandumului nr. 21',
    postalCode: '400114',
    representativeName: 'Maria Pop',
    representativeRole: 'Președinte',
    ...overrides,
  };
}

/** A row written straight into a table (the triggers still stamp, number and audit it). */
export async function insertRaw(client: pg.ClientBase, table: string, record: Record<string, unknown>): Promise<Record<string, unknown>> {
  const { rows } = await client.query(`INSERT INTO "${table}" (id, version, record, server_seq, modified_by, modified_at) VALUES ($1, 1, $2, 0, '', now()) RETURNING record`, [
    record['id'],
    { ...record, version: 1 },
  ]);
  return rows[0].record;
}

/** A request ready for the command (registration 0/0: the server gives the number). */
export function requestDraft(roundId: string, organizationId: string, registeredOn = '2026-02-10'): Record<string, unknown> {
  return {
    roundId,
    organizationId,
    registration: { year: 0, sequence: 0 },
    registeredOn,
    year: Number(registeredOn.slice(0, 4)),
    units: [],
    dossier: [],
    status: 'inregistrata',
    notes: '',
  };
}
