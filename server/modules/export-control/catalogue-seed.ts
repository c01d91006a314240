/**
 * A SUBSET of 中国禁止出口限制出口技术目录, shipped so that screening works out of the box. The full
 * list (2023 revision: 134 items, 24 prohibited and 110 restricted) is imported by an administrator
 * from xlsx (catalogue.ts); this seed holds only items whose name, class and control points could be
 * stated with confidence from public summaries of the notices. Where the item number could not be
 * stated it is null (the official import carries it), and `note` says what is left out.
 *
 * Two versions, so the history shows: the 2023 revision (商务部 科技部公告2023年第57号, 2023-12-21)
 * and the list as adjusted on 2025-07-15 (商务部 科技部公告2025年第28号): three items removed
 * (085001J, 085001X, 085002X), 252604X added, 有色金属冶金技术 changed (lithium points added, the
 * gallium point reworded). `terms` are this platform's screening words, not part of the list.
 */
export interface SeedItem {
  code: string | null;
  class: 'prohibited' | 'restricted';
  industry: string;
  name: string;
  controlPoints: string[];
  terms: string[];
  sourceDocument: string;
  sourceDate: string;
  note?: string;
}

export const NOTICE_2023 = { document: '商务部 科技部公告2023年第57号', date: '2023-12-21' } as const;
export const NOTICE_2025 = { document: '商务部 科技部公告2025年第28号', date: '2025-07-15' } as const;

const SUBSET_NOTE = '种子数据为子集；完整目录（含编号）请由管理员按官方文本以 xlsx 导入';

const RARE_EARTH: SeedItem = {
  code: null,
  class: 'prohibited',
  industry: '有色金属冶炼和压延加工业',
  name: '稀土的提炼、加工、利用技术',
  controlPoints: ['稀土萃取分离工艺技术', '稀土金属及合金材料的生产技术', '钐钴、钕铁硼、铈磁体制备技术', '稀土硼酸氧钙制备技术'],
  terms: ['稀土', '萃取分离', '稀土分离', '稀土萃取', '稀土金属', '稀土合金', '钐钴', '钕铁硼', '铈磁体', '硼酸氧钙', '永磁'],
  sourceDocument: NOTICE_2023.document,
  sourceDate: NOTICE_2023.date,
  note: `编号未列出。${SUBSET_NOTE}`,
};

const NONFERROUS_2023: SeedItem = {
  code: null,
  class: 'restricted',
  industry: '有色金属冶炼和压延加工业',
  name: '有色金属冶金技术',
  controlPoints: ['提取金属镓的技术和工艺（2023 年版措辞，见官方文本）'],
  terms: ['金属镓', '提取镓', '提镓', '有色金属冶金'],
  sourceDocument: NOTICE_2023.document,
  sourceDate: NOTICE_2023.date,
  note: `编号与其余控制要点未列出。${SUBSET_NOTE}`,
};

const NONFERROUS_2025: SeedItem = {
  ...NONFERROUS_2023,
  controlPoints: [
    '锂辉石提锂生产碳酸锂技术',
    '锂辉石提锂生产氢氧化锂技术',
    '金属锂（合金）及锂材制备技术',
    '卤水提锂技术',
    '含锂净化液制备技术',
    '通过离子交换法、树脂法等方法从氧化铝母液中提取金属镓的技术和工艺',
  ],
  terms: [
    '锂辉石',
    '提锂',
    '碳酸锂',
    '氢氧化锂',
    '金属锂',
    '锂合金',
    '卤水提锂',
    '盐湖提锂',
    '含锂净化液',
    '金属镓',
    '提取镓',
    '氧化铝母液',
  ],
  sourceDocument: NOTICE_2025.document,
  sourceDate: NOTICE_2025.date,
  note: `2025 年修改本条目（新增 5 条锂相关控制要点，修改提取金属镓的控制要点）。编号与其余控制要点未列出。${SUBSET_NOTE}`,
};

const BATTERY_CATHODE: SeedItem = {
  code: '252604X',
  class: 'restricted',
  industry: '化学原料和化学制品制造业',
  name: '电池正极材料制备技术',
  controlPoints: [
    '电池用磷酸铁锂制备技术（同时满足：化学式 LixFeyMzPO4；220 MPa 下粉体压实密度 ≥ 2.58 g/cc，0.1C 放电克容量 ≥ 160 mAh/g，首次库伦效率 ≥ 97%）',
    '电池用磷酸锰铁锂制备技术（同时满足：化学式 LixFeyMnzMaPO4；220 MPa 下粉体压实密度 ≥ 2.38 g/cc 等，其余参数见官方文本）',
    '磷酸盐正极原材料制备技术（参数见官方文本）',
  ],
  terms: ['正极材料', '正极', '磷酸铁锂', '磷酸锰铁锂', '磷酸盐正极', '磷酸铁', '压实密度', '克容量', '锂离子电池', '动力电池'],
  sourceDocument: NOTICE_2025.document,
  sourceDate: NOTICE_2025.date,
  note: `2025 年新增。${SUBSET_NOTE}`,
};

const CROP_GERMPLASM: SeedItem = {
  code: null,
  class: 'restricted',
  industry: '农业',
  name: '农作物（含牧草）种质资源及其繁育技术',
  controlPoints: ['我国特有的农作物（含牧草）种质资源', '杂交优势利用及育种技术（见官方文本）'],
  terms: ['种质资源', '种质', '育种', '繁育', '杂交', '杂交水稻', '制种', '亲本', '不育系', '农作物', '牧草', '品种选育'],
  sourceDocument: NOTICE_2023.document,
  sourceDate: NOTICE_2023.date,
  note: `条目名称、类别与控制要点须以官方文本核对；向境外提供种质资源另须经国务院农业农村主管部门批准（种子法第十一条）。${SUBSET_NOTE}`,
};

const TRADITIONAL_ARCHITECTURE_J: SeedItem = {
  code: '085001J',
  class: 'prohibited',
  industry: '建筑装饰、装修和其他建筑业',
  name: '中国传统建筑技术',
  controlPoints: [],
  terms: ['传统建筑', '古建筑', '营造技艺', '木结构营造'],
  sourceDocument: NOTICE_2023.document,
  sourceDate: NOTICE_2023.date,
  note: `控制要点未列出；2025 年删除（${NOTICE_2025.document}）。`,
};
const TRADITIONAL_ARCHITECTURE_X: SeedItem = { ...TRADITIONAL_ARCHITECTURE_J, code: '085001X', class: 'restricted' };
const BUILDING_ENVIRONMENT: SeedItem = {
  code: '085002X',
  class: 'restricted',
  industry: '建筑装饰、装修和其他建筑业',
  name: '建筑环境控制技术',
  controlPoints: [],
  terms: ['建筑环境控制', '建筑环境'],
  sourceDocument: NOTICE_2023.document,
  sourceDate: NOTICE_2023.date,
  note: `控制要点未列出；2025 年删除（${NOTICE_2025.document}）。`,
};

export const SEED_CATALOGUES: Array<{ label: string; sourceDocument: string; publishedOn: string; items: SeedItem[] }> = [
  {
    label: '2023 年修订（子集）',
    sourceDocument: NOTICE_2023.document,
    publishedOn: NOTICE_2023.date,
    items: [RARE_EARTH, NONFERROUS_2023, CROP_GERMPLASM, TRADITIONAL_ARCHITECTURE_J, TRADITIONAL_ARCHITECTURE_X, BUILDING_ENVIRONMENT],
  },
  {
    label: '2025 年调整后（子集）',
    sourceDocument: `${NOTICE_2023.document}；${NOTICE_2025.document}`,
    publishedOn: NOTICE_2025.date,
    items: [RARE_EARTH, NONFERROUS_2025, BATTERY_CATHODE, CROP_GERMPLASM],
  },
];
