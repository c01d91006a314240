import { describe, expect, it } from 'vitest';
import { readTrainings } from './xlsx-columns.js';

describe('training records typed in one cell', () => {
  it('reads 课程:模块:学时:完成日期:证书编号:培训机构, several separated by ；', () => {
    expect(readTrainings('技术合同实务:实务技能:16:2025-05-20:TJPX-0112:天津市技术市场协会；政策解读:政策法规:8:2025年4月11日')).toEqual({
      ok: true,
      value: [
        {
          course: '技术合同实务',
          module: 'practical_skills',
          hours: 16,
          completedOn: '2025-05-20',
          certificateNumber: 'TJPX-0112',
          provider: '天津市技术市场协会',
        },
        { course: '政策解读', module: 'policy_regulation', hours: 8, completedOn: '2025-04-11', certificateNumber: null, provider: null },
      ],
    });
    expect(readTrainings(null)).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['技术合同实务:实操:16:2025-05-20', '实操'],
    ['技术合同实务:实务技能:十六:2025-05-20', 'hours'],
    ['技术合同实务:实务技能:16:去年', 'date'],
    ['技术合同实务:实务技能:16', 'date'],
  ])('refuses %s naming what is wrong', (cell, word) => {
    const r = readTrainings(cell);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toContain(word);
  });
});
