/**
 * bench:stats data and query mix. Facts are generated inside the database (INSERT … SELECT over
 * generate_series, seeded random()), shaped like a city's registrations: 12 years, three in four
 * sellers in the city (16 districts, Binhai's parks), a third of buyers in the city, the rest over
 * 30 provinces and abroad; 40k city organisations and 160k outside parties, skewed so a few trade
 * a lot; 12% with a broker (500 brokers).
 */
export const YEARS = { from: 2014, to: 2025 };
const DISTRICTS = [
  '120101',
  '120102',
  '120103',
  '120104',
  '120105',
  '120106',
  '120110',
  '120111',
  '120112',
  '120113',
  '120114',
  '120115',
  '120116',
  '120117',
  '120118',
  '120119',
];
// Binhai weighs more; its parks take part of it.
const CITY_PATHS = [
  ...DISTRICTS.map((d) => `/120000/${d}/`),
  ...Array.from({ length: 6 }, () => '/120000/120116/'),
  ...['01', '02', '03', '04', '05'].map((p) => `/120000/120116/120116${p}/`),
  '/120000/120104/',
  '/120000/120111/',
  '/120000/120103/',
];
const PROVINCES = [
  '11',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
];
const OUTSIDE_PATHS = [
  ...PROVINCES.map((p) => `/${p}0000/`),
  '/110000/',
  '/110000/',
  '/130000/',
  '/310000/',
  '/320000/',
  '/440000/',
  '/abroad/US/',
  '/abroad/DE/',
  '/abroad/JP/',
];
const TYPES: Array<[string, string | null]> = [
  ['development', 'commissioned'],
  ['development', 'commissioned'],
  ['development', 'cooperative'],
  ['transfer', 'patent_right'],
  ['transfer', 'technical_secret'],
  ['license', 'patent_license'],
  ['consulting', null],
  ['service', 'general'],
  ['service', 'general'],
  ['service', 'general'],
  ['service', 'training'],
  ['service', 'intermediary'],
];
const ORG_TYPES = [
  'enterprise',
  'enterprise',
  'enterprise',
  'enterprise',
  'university',
  'research_institute',
  'transfer_institution',
  'service_provider',
];
const FIELDS = [
  ...Array.from({ length: 67 }, (_, i) => `D${String(i + 1).padStart(2, '0')}`),
  ...Array.from({ length: 9 }, (_, i) => `SEI${i + 1}`),
];

const arr = (xs: Array<string | null>) => `ARRAY[${xs.map((x) => (x === null ? 'NULL' : `'${x}'`)).join(',')}]::text[]`;
const at = (array: string, n: number, r: string) => `(${array})[1 + floor(${r} * ${n})::int]`;
/** A path's last region code (`/120000/120116/` → 120116; abroad → NULL). */
const codeOf = (p: string) =>
  `CASE WHEN ${p} LIKE '/abroad/%' THEN NULL ELSE split_part(rtrim(${p}, '/'), '/', array_length(string_to_array(rtrim(${p}, '/'), '/'), 1)) END`;
const countryOf = (p: string) => `CASE WHEN ${p} LIKE '/abroad/%' THEN split_part(${p}, '/', 3) ELSE 'CN' END`;
const uuidOf = (prefix: string, n: string) => `('${prefix}' || lpad(to_hex(${n}), 7, '0') || '-0000-4000-8000-000000000000')::uuid`;

/** Facts with ids [from, to): one statement. */
export function generateFactsSql(from: number, to: number): string {
  const types = arr(TYPES.map(([t]) => t));
  const subtypes = arr(TYPES.map(([, s]) => s));
  return `
INSERT INTO contract_facts (contract_id, registration_number, type, subtype, field_code, certified_at, year, month, signed_on, contract_amount_fen, technology_transaction_amount_fen,
  seller_organization_id, seller_name, seller_organization_type, seller_region_code, seller_country, seller_region_path,
  buyer_organization_id, buyer_name, buyer_organization_type, buyer_region_code, buyer_country, buyer_region_path,
  registration_organization_id, broker_user_id, broker_name, recorded_at)
SELECT id, 'B' || i, (${types})[tk], (${subtypes})[tk], field, certified_at,
  extract(year FROM certified_at AT TIME ZONE 'UTC' + interval '8 hours')::int, extract(month FROM certified_at AT TIME ZONE 'UTC' + interval '8 hours')::int,
  (certified_at - interval '20 days')::date, amount, (amount * (0.6 + 0.4 * r7))::bigint,
  CASE WHEN s_local THEN ${uuidOf('1', 's_n')} END, CASE WHEN s_local THEN '天津单位' ELSE '外地单位' END || s_n, (${arr(ORG_TYPES)})[1 + s_n % ${ORG_TYPES.length}], ${codeOf('s_path')}, ${countryOf('s_path')}, s_path,
  CASE WHEN b_local THEN ${uuidOf('1', 'b_n')} END, CASE WHEN b_local THEN '天津单位' ELSE '外地单位' END || b_n, (${arr(ORG_TYPES)})[1 + b_n % ${ORG_TYPES.length}], ${codeOf('b_path')}, ${countryOf('b_path')}, b_path,
  NULL, NULL, CASE WHEN r10 < 0.12 THEN '经纪人' || floor(r10 * 4000)::int END, now()
FROM (
  SELECT i, ${uuidOf('0', 'i')} AS id,
    1 + floor(r1 * ${TYPES.length})::int AS tk, ${at(arr(FIELDS), FIELDS.length, 'r2')} AS field,
    timestamptz '${YEARS.from}-01-01 00:00+08' + (r3 * (timestamptz '${YEARS.to + 1}-01-01 00:00+08' - timestamptz '${YEARS.from}-01-01 00:00+08')) AS certified_at,
    (100000 + floor(exp(r4 * 9) * 10000) * 100)::bigint AS amount,
    s_local, b_local, s_n, b_n, r7, r10,
    -- A party's region is fixed: it follows from its number.
    CASE WHEN s_local THEN (${arr(CITY_PATHS)})[1 + s_n % ${CITY_PATHS.length}] ELSE (${arr(OUTSIDE_PATHS)})[1 + s_n % ${OUTSIDE_PATHS.length}] END AS s_path,
    CASE WHEN b_local THEN (${arr(CITY_PATHS)})[1 + b_n % ${CITY_PATHS.length}] ELSE (${arr(OUTSIDE_PATHS)})[1 + b_n % ${OUTSIDE_PATHS.length}] END AS b_path
  FROM (SELECT *, r5 < 0.75 AS s_local, r6 < 0.35 AS b_local,
      CASE WHEN r5 < 0.75 THEN floor(40000 * r13 ^ 2)::int ELSE 40000 + floor(160000 * r13 ^ 2)::int END AS s_n,
      CASE WHEN r6 < 0.35 THEN floor(40000 * r14 ^ 2)::int ELSE 40000 + floor(160000 * r14 ^ 2)::int END AS b_n
    FROM (SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r10,
          random() r13, random() r14 FROM generate_series(${from}, ${to - 1}) AS i) AS draws) AS parties
) AS g`;
}

export interface MixQuery {
  name: string;
  who: 'admin' | 'officer';
  url: string;
  /** The same figures by a raw GROUP BY over the facts table. */
  raw: string[];
}

/** The dashboard's queries for one page view each (city as the admin, Binhai as its officer), with their raw equivalents. */
export function queryMix(year: number): MixQuery[] {
  const sums = 'count(*) AS n, sum(contract_amount_fen) AS cam, sum(technology_transaction_amount_fen) AS tam';
  const city = `seller_region_path LIKE '/120000/%'`;
  const cityBuy = `buyer_region_path LIKE '/120000/%'`;
  const binhai = `seller_region_path LIKE '/120000/120116/%'`;
  const y = `year = ${year}`;
  return [
    {
      name: 'overview',
      who: 'admin',
      url: `/api/statistics/overview?year=${year}`,
      raw: [
        `SELECT year, ${sums} FROM contract_facts WHERE year IN (${year}, ${year - 1}) AND ${city} GROUP BY year`,
        `SELECT year, ${sums} FROM contract_facts WHERE year IN (${year}, ${year - 1}) AND ${cityBuy} GROUP BY year`,
      ],
    },
    {
      name: 'trend by year',
      who: 'admin',
      url: `/api/statistics/trend?to=${year}`,
      raw: [`SELECT year, ${sums} FROM contract_facts WHERE year BETWEEN ${year - 9} AND ${year} AND ${city} GROUP BY year`],
    },
    {
      name: 'trend by month',
      who: 'admin',
      url: `/api/statistics/trend?to=${year}&granularity=month`,
      raw: [`SELECT year, month, ${sums} FROM contract_facts WHERE year BETWEEN ${year - 2} AND ${year} AND ${city} GROUP BY year, month`],
    },
    {
      name: 'by type',
      who: 'admin',
      url: `/api/statistics/breakdown?year=${year}&dimension=type`,
      raw: [`SELECT type, ${sums} FROM contract_facts WHERE ${y} AND ${city} GROUP BY type`],
    },
    {
      name: 'by subtype',
      who: 'admin',
      url: `/api/statistics/breakdown?year=${year}&dimension=subtype`,
      raw: [`SELECT coalesce(subtype, type), ${sums} FROM contract_facts WHERE ${y} AND ${city} GROUP BY 1`],
    },
    {
      name: 'by field',
      who: 'admin',
      url: `/api/statistics/breakdown?year=${year}&dimension=field`,
      raw: [`SELECT field_code, ${sums} FROM contract_facts WHERE ${y} AND ${city} GROUP BY 1`],
    },
    {
      name: 'by organisation type (absorption)',
      who: 'admin',
      url: `/api/statistics/breakdown?year=${year}&dimension=organization_type&side=absorption`,
      raw: [`SELECT buyer_organization_type, ${sums} FROM contract_facts WHERE ${y} AND ${cityBuy} GROUP BY 1`],
    },
    {
      name: 'district map',
      who: 'admin',
      url: `/api/statistics/regions?year=${year}`,
      raw: [`SELECT split_part(seller_region_path, '/', 3), ${sums} FROM contract_facts WHERE ${y} AND ${city} GROUP BY 1`],
    },
    {
      name: 'flows',
      who: 'admin',
      url: `/api/statistics/flows?year=${year}`,
      raw: [
        `SELECT seller_region_path, buyer_region_path, ${sums} FROM contract_facts WHERE ${y} AND (${city} OR ${cityBuy}) GROUP BY 1, 2`,
      ],
    },
    {
      name: 'top organisations',
      who: 'admin',
      url: `/api/statistics/top?year=${year}`,
      raw: [
        `SELECT coalesce(seller_organization_id::text, 'name:' || seller_name) AS k, ${sums}, count(*) OVER () AS entries FROM contract_facts WHERE ${y} AND ${city} GROUP BY 1 ORDER BY sum(contract_amount_fen) DESC, 1 LIMIT 10`,
      ],
    },
    {
      name: 'top brokers',
      who: 'admin',
      url: `/api/statistics/top?year=${year}&kind=broker`,
      raw: [
        `SELECT 'name:' || broker_name AS k, ${sums} FROM contract_facts WHERE ${y} AND ${city} AND broker_name IS NOT NULL GROUP BY 1 ORDER BY sum(contract_amount_fen) DESC, 1 LIMIT 10`,
      ],
    },
    {
      name: 'district overview (officer)',
      who: 'officer',
      url: `/api/statistics/overview?year=${year}`,
      raw: [
        `SELECT year, ${sums} FROM contract_facts WHERE year IN (${year}, ${year - 1}) AND ${binhai} GROUP BY year`,
        `SELECT year, ${sums} FROM contract_facts WHERE year IN (${year}, ${year - 1}) AND buyer_region_path LIKE '/120000/120116/%' GROUP BY year`,
      ],
    },
    {
      name: 'district parks (officer)',
      who: 'officer',
      url: `/api/statistics/regions?year=${year}`,
      raw: [`SELECT split_part(seller_region_path, '/', 4), ${sums} FROM contract_facts WHERE ${y} AND ${binhai} GROUP BY 1`],
    },
    {
      name: 'district top organisations (officer)',
      who: 'officer',
      url: `/api/statistics/top?year=${year}`,
      raw: [
        `SELECT coalesce(seller_organization_id::text, 'name:' || seller_name) AS k, ${sums}, count(*) OVER () AS entries FROM contract_facts WHERE ${y} AND ${binhai} GROUP BY 1 ORDER BY sum(contract_amount_fen) DESC, 1 LIMIT 10`,
      ],
    },
  ];
}
