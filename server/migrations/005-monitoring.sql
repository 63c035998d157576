-- Shared mode, schema 5: monitoring visits (issue 12), the same tables as the local schema 10.
-- Who writes what:
--   * monitoring writes the visit plans, the visits with their checklist answers, the files
--     attached to visits, the findings, the follow-ups and the edited checklist templates; it
--     also issues its own acts (visit reports, notes of finding, follow-up letters), so it writes
--     issuedDocuments and documentFiles like secretariat and finance;
--   * a suspension of payments changes the NGO's rights: monitoring PROPOSES it (inserts the row,
--     or rejects its own proposal), but only admin (the office's management, who signs the
--     decision) records the decision that makes it take effect and the decision that lifts it.
--     The trigger below refuses a suspension row with a decision or lifting written by a login
--     that is not a member of admin. Finance only reads them (its approvals honour them).
--   * a visit whose report was issued is locked (its answers, observed counts, templates,
--     conclusions and status no longer change), as the local repository does.

INSERT INTO replicated_tables (name, writers) VALUES
  ('visitPlans', ARRAY['monitoring']),
  ('visits', ARRAY['monitoring']),
  ('visitAttachments', ARRAY['monitoring']),
  ('findings', ARRAY['monitoring']),
  ('followUps', ARRAY['monitoring']),
  ('suspensions', ARRAY['monitoring']),
  ('checklistTemplates', ARRAY['monitoring']);

UPDATE replicated_tables SET writers = writers || ARRAY['monitoring'] WHERE name IN ('issuedDocuments', 'documentFiles');

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['visitPlans', 'visits', 'visitAttachments', 'findings', 'followUps', 'suspensions', 'checklistTemplates'] LOOP
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
      )$f$, t);
    EXECUTE format('CREATE INDEX %I ON %I (server_seq)', t || '_server_seq', t);
    EXECUTE format('CREATE TRIGGER stamp_change BEFORE INSERT OR UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION stamp_change()', t);
    EXECUTE format('CREATE TRIGGER write_audit_insert AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit()', t);
    EXECUTE format('CREATE TRIGGER write_audit_update AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION write_audit()', t);
    EXECUTE format('GRANT SELECT ON %I TO secretariat, monitoring, finance, admin', t);
    EXECUTE format('GRANT INSERT, UPDATE ON %I TO admin, monitoring', t);
  END LOOP;
  EXECUTE 'GRANT INSERT, UPDATE ON "issuedDocuments", "documentFiles" TO monitoring';
END $$;

CREATE INDEX visit_plans_year ON "visitPlans" (((record ->> 'year')::integer));
CREATE INDEX visits_convention ON visits ((record ->> 'conventionId'));
CREATE INDEX visits_unit ON visits ((record ->> 'unitId'));
CREATE INDEX visit_attachments_visit ON "visitAttachments" ((record ->> 'visitId'));
CREATE INDEX findings_visit ON findings ((record ->> 'visitId'));
CREATE INDEX follow_ups_finding ON "followUps" ((record ->> 'findingId'));
CREATE INDEX suspensions_convention ON suspensions ((record ->> 'conventionId'));
CREATE UNIQUE INDEX checklist_templates_key_unique ON "checklistTemplates" ((record ->> 'key')) WHERE NOT deleted;

CREATE FUNCTION guard_monitoring() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  locked text[] := ARRAY['answers', 'observed', 'templates', 'conclusions', 'status', 'actualDate'];
  k text;
BEGIN
  IF TG_TABLE_NAME = 'suspensions' THEN
    IF ((TG_OP = 'INSERT' AND (NEW.record ? 'decision' OR NEW.record ? 'lifting'))
        OR (TG_OP = 'UPDATE' AND ((OLD.record -> 'decision') IS DISTINCT FROM (NEW.record -> 'decision') OR (OLD.record -> 'lifting') IS DISTINCT FROM (NEW.record -> 'lifting'))))
       AND NOT pg_has_role(session_user, 'admin', 'MEMBER') THEN
      RAISE EXCEPTION 'Decizia de suspendare a plăților sau de ridicare a suspendării se înregistrează de administratorul aplicației (conducerea care semnează decizia); monitorizarea doar o propune.'
        USING ERRCODE = 'SV403';
    END IF;
  ELSIF TG_TABLE_NAME = 'visits' AND TG_OP = 'UPDATE' AND jsonb_array_length(coalesce(OLD.record -> 'reportDocumentIds', '[]')) > 0 THEN
    FOREACH k IN ARRAY locked LOOP
      IF (OLD.record -> k) IS DISTINCT FROM (NEW.record -> k) THEN
        RAISE EXCEPTION 'Raportul vizitei a fost emis: constatările din fișa de verificare nu se mai modifică. O corectură se face printr-un raport nou.' USING ERRCODE = 'SV423';
      END IF;
    END LOOP;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER monitoring_rules BEFORE INSERT OR UPDATE ON suspensions FOR EACH ROW EXECUTE FUNCTION guard_monitoring();
CREATE TRIGGER monitoring_rules BEFORE UPDATE ON visits FOR EACH ROW EXECUTE FUNCTION guard_monitoring();
