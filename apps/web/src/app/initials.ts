/** The initials shown in a person's avatar: first and last name, titles such as "Dr" left out. */
export function initials(name: string): string {
  const parts = name
    .replace(/^(Dr|Pr|Me)\.?\s+/i, '')
    .split(/[\s-]+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}
