/**
 * Requests are registered in a yearly sequence: "12/2026" is the twelfth request registered in
 * 2026. Numbers are never reused, also when a request is withdrawn.
 */
export interface RegistrationNumber {
  year: number;
  sequence: number;
}

export function formatRegistrationNumber(number: RegistrationNumber): string {
  return `${number.sequence}/${number.year}`;
}

export function parseRegistrationNumber(text: string): RegistrationNumber | undefined {
  const m = /^\s*(\d{1,6})\s*\/\s*(\d{4})\s*$/.exec(text);
  return m ? { sequence: Number(m[1]), year: Number(m[2]) } : undefined;
}

/** The next number of `year`, after every number already given (gaps are kept, never filled). */
export function nextRegistrationNumber(existing: readonly RegistrationNumber[], year: number): RegistrationNumber {
  const last = existing.filter((n) => n.year === year).reduce((max, n) => Math.max(max, n.sequence), 0);
  return { year, sequence: last + 1 };
}
