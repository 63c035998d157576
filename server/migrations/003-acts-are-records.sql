-- Shared mode, schema 3: acts are records, also on the server. An issued document keeps its
-- content once issued (only the mark of the later document that replaces it may be added), its
-- file never changes and a frozen result only gets the mark of the result that supersedes it.

CREATE FUNCTION refuse_changed_act() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  fixed text[] := ARRAY['updatedAt', 'version', 'replacedById'];
BEGIN
  IF TG_TABLE_NAME = 'issuedDocuments' THEN
    IF NEW.deleted OR (OLD.record - fixed) IS DISTINCT FROM (NEW.record - fixed)
       OR (OLD.record ? 'replacedById' AND (OLD.record -> 'replacedById') IS DISTINCT FROM (NEW.record -> 'replacedById')) THEN
      RAISE EXCEPTION 'Documentul emis nr. % din % nu se mai modifică: o situație schimbată se consemnează într-un document nou, care îl numește pe acesta.',
        OLD.record ->> 'number', OLD.record ->> 'issuedOn' USING ERRCODE = 'SV423';
    END IF;
  ELSIF TG_TABLE_NAME = 'resultSnapshots' THEN
    IF NEW.deleted OR (OLD.record - ARRAY['updatedAt', 'version', 'supersededAt', 'supersededReason']) IS DISTINCT FROM (NEW.record - ARRAY['updatedAt', 'version', 'supersededAt', 'supersededReason']) THEN
      RAISE EXCEPTION 'Rezultatele finale înghețate (nr. %) nu se mai modifică.', OLD.record ->> 'sequence' USING ERRCODE = 'SV423';
    END IF;
  ELSE
    RAISE EXCEPTION 'Fișierul unui document emis nu se mai modifică.' USING ERRCODE = 'SV423';
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER acts_are_records BEFORE UPDATE ON "issuedDocuments" FOR EACH ROW EXECUTE FUNCTION refuse_changed_act();
CREATE TRIGGER acts_are_records BEFORE UPDATE ON "documentFiles" FOR EACH ROW EXECUTE FUNCTION refuse_changed_act();
CREATE TRIGGER acts_are_records BEFORE UPDATE ON "resultSnapshots" FOR EACH ROW EXECUTE FUNCTION refuse_changed_act();
