import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { technicalFields } from '../schema/index.js';

/**
 * The technical-field taxonomy, as data: the 67 disciplines of the CSL records (一级学科 names) and the
 * strategic emerging industries (战略性新兴产业分类 2018, top level). Codes are stable; add, never renumber.
 */
const DISCIPLINES: Array<[string, string, string]> = [
  ['D01', '数学', 'Mathematics'],
  ['D02', '物理学', 'Physics'],
  ['D03', '化学/化学工程与技术', 'Chemistry / chemical engineering'],
  ['D04', '天文学', 'Astronomy'],
  ['D05', '地理学', 'Geography'],
  ['D06', '大气科学', 'Atmospheric science'],
  ['D07', '海洋科学', 'Marine science'],
  ['D08', '地球物理学', 'Geophysics'],
  ['D09', '地质学/地质资源与地质工程', 'Geology / geological engineering'],
  ['D10', '生物学/生物科学与工程', 'Biology / bioengineering'],
  ['D11', '心理学', 'Psychology'],
  ['D12', '力学', 'Mechanics'],
  ['D13', '机械工程', 'Mechanical engineering'],
  ['D14', '光学工程', 'Optical engineering'],
  ['D15', '材料科学与工程', 'Materials science and engineering'],
  ['D16', '冶金工程', 'Metallurgical engineering'],
  ['D17', '动力工程及工程热物理', 'Power engineering and engineering thermophysics'],
  ['D18', '电气工程', 'Electrical engineering'],
  ['D19', '电子科学与技术', 'Electronic science and technology'],
  ['D20', '信息与通信工程', 'Information and communication engineering'],
  ['D21', '控制科学与工程', 'Control science and engineering'],
  ['D22', '计算机科学与技术', 'Computer science and technology'],
  ['D23', '建筑学', 'Architecture'],
  ['D24', '土木工程', 'Civil engineering'],
  ['D25', '水利工程', 'Hydraulic engineering'],
  ['D26', '测绘科学与技术', 'Surveying and mapping'],
  ['D27', '矿业工程', 'Mining engineering'],
  ['D28', '石油与天然气工程', 'Petroleum and natural gas engineering'],
  ['D29', '纺织科学与工程', 'Textile science and engineering'],
  ['D30', '交通运输工程', 'Transportation engineering'],
  ['D31', '船舶与海洋工程', 'Naval architecture and ocean engineering'],
  ['D32', '航空宇航科学与技术', 'Aeronautical and astronautical science'],
  ['D33', '兵器科学与技术', 'Armament science and technology'],
  ['D34', '核科学与技术', 'Nuclear science and technology'],
  ['D35', '农业工程', 'Agricultural engineering'],
  ['D36', '林学/林业工程', 'Forestry / forest engineering'],
  ['D37', '环境科学与工程', 'Environmental science and engineering'],
  ['D38', '食品科学与工程', 'Food science and engineering'],
  ['D39', '作物学', 'Crop science'],
  ['D40', '园艺学', 'Horticulture'],
  ['D41', '农业资源利用', 'Agricultural resources'],
  ['D42', '植物保护', 'Plant protection'],
  ['D43', '畜牧学/兽医学', 'Animal science / veterinary medicine'],
  ['D44', '水产', 'Fisheries'],
  ['D45', '基础医学/临床医学', 'Basic / clinical medicine'],
  ['D46', '口腔医学', 'Stomatology'],
  ['D47', '公共卫生与预防医学', 'Public health and preventive medicine'],
  ['D48', '中医学/中药学', 'Traditional Chinese medicine / pharmacy'],
  ['D49', '药学', 'Pharmacy'],
  ['D50', '工商管理', 'Business administration'],
  ['D51', '农林经济管理', 'Agricultural and forestry economics'],
  ['D52', '公共管理', 'Public administration'],
  ['D53', '图书馆、情报与档案管理', 'Library, information and archives'],
  ['D54', '理论经济学', 'Theoretical economics'],
  ['D55', '应用经济学', 'Applied economics'],
  ['D56', '法学', 'Law'],
  ['D57', '政治学', 'Political science'],
  ['D58', '社会学', 'Sociology'],
  ['D59', '民族学', 'Ethnology'],
  ['D60', '教育学', 'Education'],
  ['D61', '体育学', 'Sports science'],
  ['D62', '中国语言文学', 'Chinese language and literature'],
  ['D63', '新闻传播学', 'Journalism and communication'],
  ['D64', '艺术学', 'Arts'],
  ['D65', '历史学', 'History'],
  ['D66', '哲学', 'Philosophy'],
  ['D67', '军事学', 'Military science'],
];

const INDUSTRIES: Array<[string, string, string]> = [
  ['SEI1', '新一代信息技术产业', 'Next-generation information technology'],
  ['SEI2', '高端装备制造产业', 'High-end equipment manufacturing'],
  ['SEI3', '新材料产业', 'New materials'],
  ['SEI4', '生物产业', 'Biotechnology'],
  ['SEI5', '新能源汽车产业', 'New-energy vehicles'],
  ['SEI6', '新能源产业', 'New energy'],
  ['SEI7', '节能环保产业', 'Energy saving and environmental protection'],
  ['SEI8', '数字创意产业', 'Digital creative industries'],
  ['SEI9', '相关服务业', 'Related services'],
];

export function fieldRows(): Array<typeof technicalFields.$inferInsert> {
  return [
    ...DISCIPLINES.map(([code, nameZh, nameEn], i) => ({ code, nameZh, nameEn, scheme: 'discipline', parentCode: null, sort: i })),
    ...INDUSTRIES.map(([code, nameZh, nameEn], i) => ({ code, nameZh, nameEn, scheme: 'industry', parentCode: null, sort: i })),
  ];
}

/** Field code for a discipline name as the CSL data spells it. */
export const fieldCodeByName = new Map(DISCIPLINES.map(([code, name]) => [name, code]));

export async function seedFields(db: DbOrTx): Promise<number> {
  const rows = fieldRows();
  await db
    .insert(technicalFields)
    .values(rows)
    .onConflictDoUpdate({
      target: technicalFields.code,
      set: { nameZh: sql`excluded.name_zh`, nameEn: sql`excluded.name_en`, scheme: sql`excluded.scheme`, sort: sql`excluded.sort` },
    });
  return rows.length;
}
