import { describe, expect, it } from 'vitest';
import { applyCorrections, type Correction } from './corrections.js';
import { suggestFields, trainFieldModel } from './field-model.js';

const VOCABULARY: Record<string, string[]> = {
  中医学: ['中药', '方剂', '针灸', '经络', '辨证', '汤剂'],
  计算机科学与技术: ['算法', '神经网络', '数据库', '编译器', '软件', '并行计算'],
  土木工程: ['混凝土', '桥梁', '地基', '钢筋', '隧道', '边坡'],
};
const records = Object.entries(VOCABULARY).flatMap(([field, words]) =>
  words.map((_, i) => ({
    field,
    text: `${words[i]}与${words[(i + 1) % 6]}的研究\n本文讨论${words[(i + 2) % 6]}和${words[(i + 3) % 6]}的问题。`,
  })),
);
const model = trainFieldModel(records);
const correction = (text: string, correctedField: string): Correction => ({
  recordKind: 'achievement',
  recordId: 'r1',
  text,
  correctedField,
});

describe('a correction of the suggested field', () => {
  // A text the model files under computing: a reviewer says it is civil engineering (a bridge-monitoring algorithm).
  const text = '桥梁健康监测的神经网络算法\n本文讨论神经网络算法和数据库在桥梁监测中的应用。';

  it('puts the corrected field first for the same text, keeping the confidences by rank', () => {
    const plain = suggestFields(model, text, 3);
    expect(plain[0]!.field).toBe('计算机科学与技术');
    const got = applyCorrections(model, text, plain, [correction(text, '土木工程')]);
    expect(got.map((s) => s.field)).toEqual(['土木工程', ...plain.map((s) => s.field).filter((f) => f !== '土木工程')]);
    expect(got.map((s) => s.confidence)).toEqual(plain.map((s) => s.confidence));
    expect(got.map((s) => s.basis)).toEqual(['correction', 'model', 'model']);
  });

  it('applies to a nearly identical text and not to a different one', () => {
    const plain = (t: string) => suggestFields(model, t, 3);
    const near = '桥梁健康监测的神经网络算法\n本文讨论神经网络算法和数据库在桥梁监测中的应用研究。';
    expect(applyCorrections(model, near, plain(near), [correction(text, '土木工程')])[0]).toMatchObject({
      field: '土木工程',
      basis: 'correction',
    });
    const other = '编译器的并行计算优化\n本文讨论编译器和软件的并行计算问题。';
    expect(applyCorrections(model, other, plain(other), [correction(text, '土木工程')])[0]).toMatchObject({
      field: '计算机科学与技术',
      basis: 'model',
    });
  });

  it('ignores a field the model does not know, and changes nothing without corrections', () => {
    const plain = suggestFields(model, text, 3);
    expect(applyCorrections(model, text, plain, [correction(text, '不存在的学科')])[0]!.basis).toBe('model');
    expect(applyCorrections(model, text, plain, [])).toEqual(plain.map((s) => ({ ...s, basis: 'model' })));
  });
});
