#!/usr/bin/env bash
# Nightly dump of the Subvenții ONG database, kept KEEP_DAYS days. Run as the postgres user
# (subventii-backup.timer, or cron). A dump that fails leaves the previous ones and exits non-zero.
set -euo pipefail
DB="${DB:-subventii}"
DIR="${BACKUP_DIR:-/var/backups/subventii}"
KEEP_DAYS="${KEEP_DAYS:-30}"
mkdir -p "$DIR"
file="$DIR/$DB-$(date +%F-%H%M).pgdump"
trap 'rm -f "$file.partial"' EXIT
pg_dump --format=custom --dbname="${DB_URL:-$DB}" --file="$file.partial"
# A dump that cannot be listed is not a backup.
pg_restore --list "$file.partial" > /dev/null
mv "$file.partial" "$file"
# The roles (groups and staff logins) live outside the database: keep them too, without passwords if not superuser.
pg_dumpall ${DB_URL:+--dbname="$DB_URL"} --roles-only > "$DIR/roles-$(date +%F).sql" 2>/dev/null || true
find "$DIR" -name "$DB-*.pgdump" -mtime +"$KEEP_DAYS" -delete
find "$DIR" -name 'roles-*.sql' -mtime +"$KEEP_DAYS" -delete
echo "copie: $file ($(du -h "$file" | cut -f1))"
