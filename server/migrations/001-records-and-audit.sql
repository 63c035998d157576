-- Shared mode, schema 1: one table per replicated Dexie table (the record as JSONB with its id,
-- version, tombstone and the server's change sequence), the staff groups and their privileges,
-- and the audit log written by trigger in the same transaction as each change (insert-only).

-- Group roles (cluster-wide; created once, kept if they exist). Staff logins are members of them.
DO $$
DECLARE g text;
BEGIN
  FOREACH g IN ARRAY ARRAY['secretariat', 'monitoring', 'finance', 'admin'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = g) THEN
      IF NOT (SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'Lipsește rolul de grup „%”: creați rolurile secretariat, monitoring, finance și admin ca superuser (vedeți README, „Mod partajat (server)”) sau dați proprietarului bazei de date dreptul CREATEROLE.', g;
      END IF;
      EXECUTE format('CREATE ROLE %I NOLOGIN', g);
    END IF;
  END LOOP;
END $$;

-- One sequence for every change of every table: a replica pulls "server_seq > checkpoint".
CREATE SEQUENCE server_seq AS bigint;

-- The groups that may write each table (every group reads every table: reads are replicated).
CREATE TABLE replicated_tables (
  name text PRIMARY KEY,
  writers text[] NOT NULL
);
INSERT INTO replicated_tables (name, writers) VALUES
  ('organizations', ARRAY['secretariat']),
  ('units', ARRAY['secretariat']),
  ('rounds', ARRAY['secretariat']),
  ('requests', ARRAY['secretariat']),
  ('parameterValues', ARRAY['secretariat']),
  ('settings', ARRAY[]::text[]),
  ('nomenclature', ARRAY['secretariat']),
  ('commissions', ARRAY['secretariat']),
  ('commissionMembers', ARRAY['secretariat']),
  ('commissionSessions', ARRAY['secretariat']),
  ('declarations', ARRAY['secretariat']),
  ('recusals', ARRAY['secretariat']),
  ('scoringGrids', ARRAY['secretariat']),
  ('scoreSheets', ARRAY['secretariat']),
  ('roundEvaluations', ARRAY['secretariat']),
  ('appeals', ARRAY['secretariat']),
  ('nonWorkingDays', ARRAY['secretariat']),
  ('resultSnapshots', ARRAY['secretariat']),
  -- Finance issues its own acts (conventions, verification notes, payment proposals).
  ('issuedDocuments', ARRAY['secretariat', 'finance']),
  ('documentFiles', ARRAY['secretariat', 'finance']),
  ('commissionDecisions', ARRAY['secretariat']),
  ('conventions', ARRAY['finance']),
  ('conventionAmendments', ARRAY['finance']),
  ('instalments', ARRAY['finance']),
  ('budgetCommitments', ARRAY['finance']),
  ('settlements', ARRAY['finance']),
  ('payments', ARRAY['finance']),
  ('paymentImports', ARRAY['finance']),
  ('recoveries', ARRAY['finance']);

-- Stamps every written row: the change sequence, the login, the time. The advisory lock (held to
-- the end of the transaction) serialises writers, so sequence order is commit order and a replica
-- reading "server_seq > N" never skips a transaction that commits later with a smaller number.
CREATE FUNCTION stamp_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7340213);
  IF TG_OP = 'UPDATE' THEN
    IF NEW.id <> OLD.id THEN
      RAISE EXCEPTION 'Identificatorul unei înregistrări nu se schimbă.' USING ERRCODE = 'SV422';
    END IF;
    IF NEW.version <= OLD.version THEN
      RAISE EXCEPTION 'Înregistrarea a fost modificată între timp (versiunea %).', OLD.version USING ERRCODE = 'SV409';
    END IF;
    IF OLD.deleted AND NOT NEW.deleted THEN
      RAISE EXCEPTION 'O înregistrare ștearsă nu se mai poate modifica.' USING ERRCODE = 'SV422';
    END IF;
  END IF;
  NEW.server_seq := nextval('server_seq');
  NEW.modified_by := session_user;
  NEW.modified_at := clock_timestamp();
  RETURN NEW;
END $$;

-- Field-level differences, as src/audit/diff.ts keeps them (bookkeeping fields left out; empty
-- values "", null and absent are the same).
CREATE FUNCTION audit_changes(b jsonb, a jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_agg(
           CASE WHEN b IS NULL THEN jsonb_build_object('field', k, 'after', a -> k)
                WHEN a IS NULL THEN jsonb_build_object('field', k, 'before', b -> k)
                ELSE jsonb_build_object('field', k, 'before', coalesce(b -> k, 'null'::jsonb), 'after', coalesce(a -> k, 'null'::jsonb)) END
           ORDER BY k), '[]'::jsonb)
  FROM (SELECT jsonb_object_keys(coalesce(b, '{}'::jsonb)) AS k UNION SELECT jsonb_object_keys(coalesce(a, '{}'::jsonb))) keys
  WHERE k NOT IN ('updatedAt', 'version', 'createdAt', 'searchText')
    AND (b -> k) IS DISTINCT FROM (a -> k)
    AND NOT (coalesce(b -> k, 'null'::jsonb) IN ('null'::jsonb, '""'::jsonb) AND coalesce(a -> k, 'null'::jsonb) IN ('null'::jsonb, '""'::jsonb))
$$;

-- The audit log: written only by the trigger below (no group may insert), never changed.
CREATE TABLE audit (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  server_seq bigint NOT NULL DEFAULT nextval('server_seq'),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  author text NOT NULL DEFAULT session_user,
  entity text NOT NULL,
  entity_id text NOT NULL,
  label text NOT NULL,
  action text NOT NULL CHECK (action IN ('creare', 'modificare', 'stergere', 'import', 'restaurare')),
  changes jsonb NOT NULL
);
CREATE INDEX audit_server_seq ON audit (server_seq);
CREATE INDEX audit_entity ON audit (entity, entity_id);

CREATE FUNCTION refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Jurnalul modificărilor doar se completează: intrările lui nu se modifică și nu se șterg (%).', TG_OP
    USING ERRCODE = 'SV403';
END $$;
CREATE TRIGGER audit_insert_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit FOR EACH STATEMENT EXECUTE FUNCTION refuse_audit_change();

-- How an entry names its record when the service did not say: a name, a title, a registration number, else the id.
CREATE FUNCTION audit_label(r jsonb, id text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(r ->> 'name', r ->> 'title',
    CASE WHEN r ? 'registration' THEN 'nr. ' || (r -> 'registration' ->> 'sequence') || '/' || (r -> 'registration' ->> 'year') END, id)
$$;

-- One audit entry per written row, in the writing transaction, with the login as author. Statement
-- triggers over the transition tables: an import of 20,000 rows writes its entries in one INSERT.
-- The label and action may be given by the service for the transaction (set_config('subventii.audit_label')).
CREATE FUNCTION write_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  label text := nullif(current_setting('subventii.audit_label', true), '');
  wanted text := nullif(current_setting('subventii.audit_action', true), '');
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO audit (entity, entity_id, label, action, changes)
    SELECT TG_TABLE_NAME, n.id, coalesce(label, audit_label(n.record, n.id)), coalesce(wanted, 'creare'), audit_changes(NULL, n.record)
    FROM new_rows n ORDER BY n.server_seq;
  ELSE
    INSERT INTO audit (entity, entity_id, label, action, changes)
    SELECT TG_TABLE_NAME, n.id, coalesce(label, audit_label(n.record, n.id)),
      CASE WHEN n.deleted AND NOT o.deleted THEN 'stergere' ELSE coalesce(wanted, 'modificare') END,
      CASE WHEN n.deleted AND NOT o.deleted THEN audit_changes(o.record, NULL) ELSE audit_changes(o.record, n.record) END
    FROM new_rows n JOIN old_rows o ON o.id = n.id ORDER BY n.server_seq;
  END IF;
  -- Delivered at commit; one notification per table and transaction (equal payloads are merged).
  IF FOUND THEN
    PERFORM pg_notify('subventii_changes', TG_TABLE_NAME);
  END IF;
  RETURN NULL;
END $$;

-- The tables themselves.
DO $$
DECLARE t record;
BEGIN
  FOR t IN SELECT name FROM replicated_tables LOOP
    EXECUTE format($f$
      CREATE TABLE %1$I (
        id text PRIMARY KEY,
        record jsonb NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        deleted boolean NOT NULL DEFAULT false,
        server_seq bigint NOT NULL,
        modified_by text NOT NULL,
        modified_at timestamptz NOT NULL,
        CHECK (record ->> 'version' IS NULL OR (record ->> 'version')::integer = version)
      )$f$, t.name);
    EXECUTE format('CREATE INDEX %I ON %I (server_seq)', t.name || '_server_seq', t.name);
    EXECUTE format('CREATE TRIGGER stamp_change BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp_change()', t.name);
    EXECUTE format('CREATE TRIGGER write_audit_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit()', t.name);
    EXECUTE format('CREATE TRIGGER write_audit_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit()', t.name);
  END LOOP;
END $$;

-- Where the repositories query (Dexie indexes), as expression indexes over the live rows.
CREATE UNIQUE INDEX organizations_cui_unique ON organizations ((record ->> 'cui')) WHERE NOT deleted;
CREATE INDEX units_organization ON units ((record ->> 'organizationId'));
CREATE INDEX rounds_year ON rounds (((record ->> 'year')::integer));
CREATE INDEX requests_round ON requests ((record ->> 'roundId'));
CREATE INDEX requests_organization ON requests ((record ->> 'organizationId'));
CREATE INDEX parameter_values_key ON "parameterValues" ((record ->> 'key'));
CREATE INDEX commission_members_commission ON "commissionMembers" ((record ->> 'commissionId'));
CREATE INDEX commission_sessions_round ON "commissionSessions" ((record ->> 'roundId'));
CREATE INDEX declarations_session ON declarations ((record ->> 'sessionId'));
CREATE INDEX recusals_session ON recusals ((record ->> 'sessionId'));
CREATE INDEX score_sheets_round ON "scoreSheets" ((record ->> 'roundId'));
CREATE UNIQUE INDEX round_evaluations_round ON "roundEvaluations" ((record ->> 'roundId')) WHERE NOT deleted;
CREATE INDEX appeals_round ON appeals ((record ->> 'roundId'));
CREATE INDEX result_snapshots_round ON "resultSnapshots" ((record ->> 'roundId'));
CREATE INDEX issued_documents_year ON "issuedDocuments" (((record ->> 'year')::integer));
CREATE INDEX issued_documents_round ON "issuedDocuments" ((record ->> 'roundId'));
CREATE INDEX issued_documents_convention ON "issuedDocuments" ((record ->> 'conventionId'));
CREATE INDEX commission_decisions_round ON "commissionDecisions" ((record ->> 'roundId'));
CREATE INDEX conventions_round ON conventions ((record ->> 'roundId'));
CREATE INDEX convention_amendments_convention ON "conventionAmendments" ((record ->> 'conventionId'));
CREATE INDEX instalments_convention ON instalments ((record ->> 'conventionId'));
CREATE INDEX budget_commitments_convention ON "budgetCommitments" ((record ->> 'conventionId'));
CREATE INDEX settlements_convention ON settlements ((record ->> 'conventionId'));
CREATE UNIQUE INDEX payments_key_unique ON payments ((record ->> 'key'));
CREATE INDEX payments_convention ON payments ((record ->> 'conventionId'));
CREATE INDEX recoveries_convention ON recoveries ((record ->> 'conventionId'));

-- Privileges: everyone reads, each group writes its tables (no one deletes: deletions are tombstones),
-- admin writes all. The audit log is only read; the trigger (owner's rights) writes it.
DO $$
DECLARE t record; g text;
BEGIN
  EXECUTE 'GRANT USAGE ON SCHEMA public TO secretariat, monitoring, finance, admin';
  EXECUTE 'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC';
  EXECUTE 'GRANT SELECT ON audit, replicated_tables TO secretariat, monitoring, finance, admin';
  FOR t IN SELECT name, writers FROM replicated_tables LOOP
    EXECUTE format('GRANT SELECT ON %I TO secretariat, monitoring, finance, admin', t.name);
    EXECUTE format('GRANT INSERT, UPDATE ON %I TO admin', t.name);
    FOREACH g IN ARRAY t.writers LOOP
      EXECUTE format('GRANT INSERT, UPDATE ON %I TO %I', t.name, g);
    END LOOP;
  END LOOP;
END $$;
