export interface StorageStatus {
  /** The browser promised not to evict the data (navigator.storage.persist granted). */
  isPersisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

/** Asks the browser to keep the data even under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean | null> {
  if (!navigator.storage?.persist) return null;
  try {
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return null;
  }
}

export async function storageStatus(): Promise<StorageStatus> {
  const isPersisted = navigator.storage?.persisted ? await navigator.storage.persisted().catch(() => null) : null;
  const estimate = navigator.storage?.estimate ? await navigator.storage.estimate().catch(() => null) : null;
  return { isPersisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** "12,4 MB" */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toLocaleString('ro-RO', { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit]}`;
}
