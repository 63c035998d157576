-- Shared mode, schema 2: yearly numbers given by the server inside the writing transaction.
-- Requests and appeals get "sequence/year" in the registration register, issued documents the
-- next number of the app's yearly sequence. The counter row is locked by the upsert until the
-- transaction ends, so two writers never get the same number and a rolled-back write gives its
-- number back (no gaps).

CREATE TABLE number_sequences (
  scope text NOT NULL,
  year integer NOT NULL,
  last_number integer NOT NULL CHECK (last_number >= 0),
  PRIMARY KEY (scope, year)
);
GRANT SELECT ON number_sequences TO secretariat, monitoring, finance, admin;

-- Numbers already given (a database from schema 1) are the starting point of each counter.
INSERT INTO number_sequences (scope, year, last_number)
SELECT 'requests', (record -> 'registration' ->> 'year')::integer, max((record -> 'registration' ->> 'sequence')::integer)
FROM requests WHERE coalesce((record -> 'registration' ->> 'sequence')::integer, 0) > 0 GROUP BY 1, 2;
INSERT INTO number_sequences (scope, year, last_number)
SELECT 'appeals', (record -> 'registration' ->> 'year')::integer, max((record -> 'registration' ->> 'sequence')::integer)
FROM appeals WHERE coalesce((record -> 'registration' ->> 'sequence')::integer, 0) > 0 GROUP BY 1, 2;
INSERT INTO number_sequences (scope, year, last_number)
SELECT 'issuedDocuments', (record ->> 'year')::integer, max((record ->> 'sequence')::integer)
FROM "issuedDocuments" WHERE coalesce((record ->> 'sequence')::integer, 0) > 0 GROUP BY 1, 2;

-- The next number of a register's year (locks the counter row until the end of the transaction).
CREATE FUNCTION next_number(p_scope text, p_year integer) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO number_sequences (scope, year, last_number) VALUES (p_scope, p_year, 1)
  ON CONFLICT (scope, year) DO UPDATE SET last_number = number_sequences.last_number + 1
  RETURNING last_number
$$;

-- A number that arrives with the record (a local database uploaded to the server) moves the counter past it.
CREATE FUNCTION note_number(p_scope text, p_year integer, p_number integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  INSERT INTO number_sequences (scope, year, last_number) VALUES (p_scope, p_year, p_number)
  ON CONFLICT (scope, year) DO UPDATE SET last_number = greatest(number_sequences.last_number, excluded.last_number)
$$;

-- Requests and appeals: registration {year, sequence}; sequence 0 (or none) asks for the next number.
CREATE FUNCTION assign_registration() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  y integer;
  n integer := coalesce((NEW.record -> 'registration' ->> 'sequence')::integer, 0);
BEGIN
  -- The write lock before the counter's row lock, in every path (as the service takes them): no deadlock.
  PERFORM pg_advisory_xact_lock(7340213);
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.record -> 'registration') IS DISTINCT FROM (OLD.record -> 'registration') THEN
      RAISE EXCEPTION 'Numărul de înregistrare nu se schimbă odată dat (%/%).',
        OLD.record -> 'registration' ->> 'sequence', OLD.record -> 'registration' ->> 'year' USING ERRCODE = 'SV422';
    END IF;
    RETURN NEW;
  END IF;
  y := coalesce(nullif((NEW.record -> 'registration' ->> 'year')::integer, 0),
                (NEW.record ->> 'year')::integer,
                substr(coalesce(NEW.record ->> 'registeredOn', NEW.record ->> 'receivedOn'), 1, 4)::integer);
  IF y IS NULL THEN
    RAISE EXCEPTION 'Anul înregistrării lipsește.' USING ERRCODE = 'SV422';
  END IF;
  IF n = 0 THEN
    n := next_number(TG_TABLE_NAME, y);
  ELSE
    PERFORM note_number(TG_TABLE_NAME, y, n);
  END IF;
  NEW.record := jsonb_set(NEW.record, '{registration}', jsonb_build_object('year', y, 'sequence', n));
  RETURN NEW;
END $$;

-- Issued documents numbered by the app's sequence: sequence 0 asks for the next number.
CREATE FUNCTION assign_document_number() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  y integer := (NEW.record ->> 'year')::integer;
  n integer := coalesce((NEW.record ->> 'sequence')::integer, 0);
BEGIN
  PERFORM pg_advisory_xact_lock(7340213);
  IF NEW.record ->> 'numberSource' IS DISTINCT FROM 'secventa' THEN
    RETURN NEW;
  END IF;
  IF n = 0 THEN
    n := next_number('issuedDocuments', y);
    NEW.record := NEW.record || jsonb_build_object('sequence', n, 'number', n::text);
  ELSE
    PERFORM note_number('issuedDocuments', y, n);
  END IF;
  RETURN NEW;
END $$;

-- Named so that they run before stamp_change (triggers of one kind fire in name order).
CREATE TRIGGER assign_number BEFORE INSERT OR UPDATE ON requests FOR EACH ROW EXECUTE FUNCTION assign_registration();
CREATE TRIGGER assign_number BEFORE INSERT OR UPDATE ON appeals FOR EACH ROW EXECUTE FUNCTION assign_registration();
CREATE TRIGGER assign_number BEFORE INSERT ON "issuedDocuments" FOR EACH ROW EXECUTE FUNCTION assign_document_number();

-- A number is given once.
CREATE UNIQUE INDEX requests_registration_unique ON requests (((record -> 'registration' ->> 'year')::integer), ((record -> 'registration' ->> 'sequence')::integer));
CREATE UNIQUE INDEX appeals_registration_unique ON appeals (((record -> 'registration' ->> 'year')::integer), ((record -> 'registration' ->> 'sequence')::integer));
CREATE UNIQUE INDEX issued_documents_sequence_unique ON "issuedDocuments" (((record ->> 'year')::integer), ((record ->> 'sequence')::integer))
  WHERE record ->> 'numberSource' = 'secventa';
