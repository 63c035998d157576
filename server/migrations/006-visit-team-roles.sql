-- Shared mode, schema 6: a visit's team as members with their function, the same shape as the
-- local schema 12 (renderer/db/migrations/v12-visit-team-roles.ts). The service validates each
-- visit it receives with src/monitoring/visit.ts (every member has a name and a function), so
-- the visits already stored are converted here: a name becomes {"name": …, "role": "membru al
-- echipei de monitorizare"} (LEGACY_TEAM_ROLE: the function of an old visit's member is not
-- known). Each converted visit gets a new version, so the workstations receive it through the
-- change feed and the audit log records the change; the lock of a visit with an issued report
-- does not cover the team.

UPDATE visits SET
  record = jsonb_set(record, '{team}', (
    SELECT coalesce(jsonb_agg(CASE WHEN jsonb_typeof(m) = 'string' THEN jsonb_build_object('name', m #>> '{}', 'role', 'membru al echipei de monitorizare') ELSE m END ORDER BY i), '[]'::jsonb)
    FROM jsonb_array_elements(record -> 'team') WITH ORDINALITY AS t(m, i)
    WHERE jsonb_typeof(m) <> 'string' OR btrim(m #>> '{}') <> ''
  )) || jsonb_build_object('version', version + 1),
  version = version + 1
WHERE jsonb_typeof(record -> 'team') = 'array'
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(record -> 'team') AS m WHERE jsonb_typeof(m) = 'string');
