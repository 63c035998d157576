// Opening a record from the address: "#/cereri/<id>" opens the requests screen on that record (the
// home screen's links). The screen reads the id once when it mounts, opens the record, then puts
// the address back to the screen's own ("#/cereri"), so that closing the record does not reopen it.

/** The record id in the address when it names `route` ("#/<route>/<id>"), else null. */
export function recordIdFromHash(route: string): string | null {
  const [first, id] = window.location.hash.replace(/^#\/?/, '').split('/');
  return first === route && id ? decodeURIComponent(id) : null;
}

/** Puts the address back to the screen's own once its record is open (no new history entry). */
export function clearRecordFromHash(route: string): void {
  if (recordIdFromHash(route) !== null) window.history.replaceState(window.history.state, '', `#/${route}`);
}
