// Pure masking of a caller's personal data for API output.
export type PersonalKind = 'phone' | 'name' | 'address' | 'idNumber';

/** 13812345678 → 138****5678; short numbers keep the last 2 digits. */
export function maskPhone(v: string): string {
  const d = v.replace(/\s+/g, '');
  if (d.length >= 11) return `${d.slice(0, d.length - 8)}****${d.slice(-4)}`;
  if (d.length >= 7) return `${d.slice(0, 3)}****${d.slice(-2)}`;
  return d.length <= 2 ? '*'.repeat(d.length) : `${'*'.repeat(d.length - 2)}${d.slice(-2)}`;
}

/** 张三丰 → 张**; single characters → *. */
export function maskName(v: string): string {
  const chars = [...v.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}

/** Keeps the first 6 characters (prefecture/county level), masks the rest. */
export function maskAddress(v: string): string {
  const chars = [...v.trim()];
  if (chars.length <= 6) return `${chars.slice(0, 2).join('')}****`;
  return `${chars.slice(0, 6).join('')}****`;
}

/** 18-character ID number: keep first 3 and last 2. */
export function maskIdNumber(v: string): string {
  const s = v.trim();
  return s.length <= 5 ? '*'.repeat(s.length) : `${s.slice(0, 3)}${'*'.repeat(s.length - 5)}${s.slice(-2)}`;
}

const MASKERS: Record<PersonalKind, (v: string) => string> = {
  phone: maskPhone,
  name: maskName,
  address: maskAddress,
  idNumber: maskIdNumber,
};

export function maskValue(kind: PersonalKind, v: string | null | undefined): string | null {
  if (v === null || v === undefined || v === '') return v ?? null;
  return MASKERS[kind](v);
}
