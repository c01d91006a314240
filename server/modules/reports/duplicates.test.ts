import { describe, expect, it } from 'vitest';
import { ReportContent, type AnnualFigures, type SourceRecord } from '../../../common/api/reports.js';
import { duplicatedExtraProjects } from './duplicates.js';

const record = (over: Partial<SourceRecord>): SourceRecord => ({
  kind: 'deal',
  id: 'd1',
  title: '高镍正极材料包覆技术',
  category: 'transfer',
  amountFen: 100,
  counterparty: '某公司',
  date: '2026-05-01',
  registrationNumber: '2026120104000123',
  registeredContractId: 'c1',
  registeredAmountFen: 100,
  differenceFen: 0,
  issue: null,
  ...over,
});

const figures = (transfers: SourceRecord[], cooperation: SourceRecord[] = []) =>
  ({ transfers: { records: transfers }, cooperation: { records: cooperation } }) as unknown as AnnualFigures;

const content = (extraProjects: Array<Record<string, unknown>>) => ReportContent.parse({ policy: { extraProjects } });

describe('duplicatedExtraProjects', () => {
  const fig = figures([record({})], [record({ kind: 'contract', id: 'c9', title: '电池回收工艺技术服务', registrationNumber: null })]);

  it.each([
    [
      'the registration number of a counted deal',
      { name: '另一个名字', registrationNumber: '2026120104000123' },
      'body.policy.extraProjects.0.registrationNumber',
    ],
    ['the title of a counted deal, spaces and brackets aside', { name: ' 「高镍正极材料 包覆技术」 ' }, 'body.policy.extraProjects.0.name'],
    ['the title of a counted contract without a number', { name: '电池回收工艺技术服务' }, 'body.policy.extraProjects.0.name'],
  ])('refuses %s', (_, project, field) => {
    expect(duplicatedExtraProjects(content([project]), fig, 'body').map((f) => f.field)).toEqual([field]);
  });

  it('accepts projects the platform does not know, and names each duplicate at its index under the prefix', () => {
    const c = content([{ name: '线下签订的技术咨询', registrationNumber: '2026120104000999' }, { name: '高镍正极材料包覆技术' }]);
    expect(duplicatedExtraProjects(c, fig, 'content').map((f) => f.field)).toEqual(['content.policy.extraProjects.1.name']);
    expect(duplicatedExtraProjects(content([]), fig, 'body')).toEqual([]);
  });
});
