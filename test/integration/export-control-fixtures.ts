/** Two achievements the seeded export-control catalogue speaks to: battery cathode material (252604X, restricted) and rare-earth separation. */
export const CATHODE = {
  title: '高压实密度磷酸铁锂正极材料制备技术',
  summary: '采用固相法合成磷酸铁锂正极材料，粉体压实密度 2.6 g/cc，0.1C 放电克容量 161 mAh/g，适用于动力电池与储能电池。',
  keywords: ['磷酸铁锂', '正极材料', '锂离子电池'],
};
export const RARE_EARTH = {
  title: '离子型稀土矿萃取分离新工艺',
  summary: '一种低酸耗的稀土萃取分离方法，单一稀土纯度达 99.99%，萃取剂可循环使用。',
  keywords: ['稀土', '萃取分离'],
};
