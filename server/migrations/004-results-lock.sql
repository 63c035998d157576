-- Shared mode, schema 4: the results lock, enforced on the server as the local repositories do
-- (src/commission/round-lock.ts). While a round's results are final, its score sheets, its
-- evaluation sessions and their recusals do not change, nor do the commission, grid, rules and
-- tie decisions of its evaluation; the lock is lifted only with a recorded reopening.

-- The lock of a round when its results are final, else NULL.
CREATE FUNCTION locked_results(p_round text) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT record -> 'lock' FROM "roundEvaluations"
  WHERE record ->> 'roundId' = p_round AND NOT deleted AND (record -> 'lock' ->> 'isLocked')::boolean
  LIMIT 1
$$;

CREATE FUNCTION refuse_when_locked(p_lock jsonb, p_action text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF p_lock IS NOT NULL THEN
    RAISE EXCEPTION 'Rezultatele rundei sunt finale (blocate la % de %): nu se mai pot %. Redeschideți-le, cu motivul consemnat, dacă este nevoie.',
      coalesce(to_char((p_lock ->> 'lockedAt')::timestamptz AT TIME ZONE 'Europe/Bucharest', 'DD.MM.YYYY HH24:MI'), '?'), coalesce(p_lock ->> 'lockedBy', '?'), p_action
      USING ERRCODE = 'SV423';
  END IF;
END $$;

CREATE FUNCTION guard_results_lock() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  round_id text;
  fixed text[] := ARRAY['commissionId', 'gridId', 'ruleOverrides', 'tieDecisions'];
  k text;
BEGIN
  PERFORM pg_advisory_xact_lock(7340213); -- the lock is read under the write lock: a lock committed meanwhile is seen
  IF TG_TABLE_NAME = 'scoreSheets' THEN
    PERFORM refuse_when_locked(locked_results(NEW.record ->> 'roundId'), 'modifica punctajele');
    IF TG_OP = 'UPDATE' THEN PERFORM refuse_when_locked(locked_results(OLD.record ->> 'roundId'), 'modifica punctajele'); END IF;
  ELSIF TG_TABLE_NAME = 'commissionSessions' THEN
    IF NEW.record ->> 'kind' = 'evaluare' OR (TG_OP = 'UPDATE' AND OLD.record ->> 'kind' = 'evaluare') THEN
      PERFORM refuse_when_locked(locked_results(NEW.record ->> 'roundId'), 'modifica ședințele de evaluare');
    END IF;
  ELSIF TG_TABLE_NAME = 'recusals' THEN
    SELECT record ->> 'roundId' INTO round_id FROM "commissionSessions" WHERE id = NEW.record ->> 'sessionId';
    PERFORM refuse_when_locked(locked_results(round_id), 'consemna sau șterge recuzări');
  ELSIF TG_TABLE_NAME = 'roundEvaluations' AND TG_OP = 'UPDATE' AND (OLD.record -> 'lock' ->> 'isLocked')::boolean THEN
    IF coalesce((NEW.record -> 'lock' ->> 'isLocked')::boolean, false) THEN
      FOREACH k IN ARRAY fixed LOOP
        IF (OLD.record -> k) IS DISTINCT FROM (NEW.record -> k) THEN
          PERFORM refuse_when_locked(OLD.record -> 'lock', 'schimba comisia, grila, regulile sau deciziile privind egalitățile');
        END IF;
      END LOOP;
    ELSIF jsonb_array_length(coalesce(NEW.record -> 'lock' -> 'reopenings', '[]')) <= jsonb_array_length(coalesce(OLD.record -> 'lock' -> 'reopenings', '[]')) THEN
      RAISE EXCEPTION 'Rezultatele finale se redeschid doar cu motivul consemnat (cine, când, de ce).' USING ERRCODE = 'SV423';
    END IF;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER results_lock BEFORE INSERT OR UPDATE ON "scoreSheets" FOR EACH ROW EXECUTE FUNCTION guard_results_lock();
CREATE TRIGGER results_lock BEFORE INSERT OR UPDATE ON "commissionSessions" FOR EACH ROW EXECUTE FUNCTION guard_results_lock();
CREATE TRIGGER results_lock BEFORE INSERT OR UPDATE ON recusals FOR EACH ROW EXECUTE FUNCTION guard_results_lock();
CREATE TRIGGER results_lock BEFORE UPDATE ON "roundEvaluations" FOR EACH ROW EXECUTE FUNCTION guard_results_lock();
