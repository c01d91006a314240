import { describe, expect, it } from 'vitest';
import { crossValidateFields } from './evaluate.js';
import { nearestCentroidBaseline, suggestFields, trainFieldModel, type FieldModel } from './field-model.js';

// A tiny separable corpus: each field has its own vocabulary.
const VOCABULARY: Record<string, string[]> = {
  中医学: ['中药', '方剂', '针灸', '经络', '辨证', '汤剂'],
  计算机科学与技术: ['算法', '神经网络', '数据库', '编译器', '软件', '并行计算'],
  土木工程: ['混凝土', '桥梁', '地基', '钢筋', '隧道', '边坡'],
};

function records() {
  const out: Array<{ text: string; field: string }> = [];
  for (const [field, words] of Object.entries(VOCABULARY)) {
    for (let i = 0; i < 6; i++) {
      const pick = (n: number) => words[(i + n) % words.length] as string;
      out.push({ field, text: `${pick(0)}与${pick(1)}的研究\n本文讨论${pick(2)}和${pick(3)}的问题，提出${pick(4)}方法。` });
    }
  }
  return out;
}

describe('field model', () => {
  const model = trainFieldModel(records());

  it('puts the right field first with the highest confidence', () => {
    const cases: Array<[string, string]> = [
      ['针灸与中药方剂\n经络辨证', '中医学'],
      ['神经网络算法\n数据库与编译器', '计算机科学与技术'],
      ['桥梁混凝土\n隧道与边坡地基', '土木工程'],
    ];
    for (const [text, field] of cases) {
      const suggestions = suggestFields(model, text);
      expect(suggestions[0]?.field).toBe(field);
      expect(suggestions[0]?.confidence).toBeGreaterThan(suggestions[1]?.confidence ?? 0);
    }
  });

  it('returns k suggestions with descending confidences in 0..1 summing to at most 1', () => {
    const suggestions = suggestFields(model, '混凝土桥梁', 3);
    expect(suggestions).toHaveLength(3);
    for (const s of suggestions) expect(s.confidence).toBeGreaterThanOrEqual(0);
    for (let i = 1; i < suggestions.length; i++) expect(suggestions[i]!.confidence).toBeLessThanOrEqual(suggestions[i - 1]!.confidence);
    expect(suggestions.reduce((sum, s) => sum + s.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
    expect(suggestFields(model, '混凝土桥梁', 1)).toHaveLength(1);
  });

  it('gives identical suggestions after a JSON round trip', () => {
    const restored = JSON.parse(JSON.stringify(model)) as FieldModel;
    for (const text of ['针灸与中药', '数据库软件', '隧道地基', '完全无关的文字']) {
      expect(suggestFields(restored, text)).toEqual(suggestFields(model, text));
    }
  });

  it('does not suggest the same thing for every text', () => {
    const firsts = new Set(['中药方剂', '并行计算软件', '钢筋混凝土'].map((t) => suggestFields(model, t)[0]?.field));
    expect(firsts.size).toBe(3);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(trainFieldModel(records()))).toBe(JSON.stringify(model));
  });

  it('baseline has the same interface and also separates the corpus', () => {
    const baseline = nearestCentroidBaseline.train(records());
    expect(nearestCentroidBaseline.suggest(baseline, '桥梁混凝土隧道')[0]?.field).toBe('土木工程');
  });

  it('cross-validation scores every record once', () => {
    const scores = crossValidateFields(records(), 3, 7);
    expect(scores.n).toBe(18);
    expect(scores.top1).toBeGreaterThanOrEqual(0.9);
    expect(scores.top3).toBe(1);
  });

  it('refuses to train on nothing', () => {
    expect(() => trainFieldModel([])).toThrow();
  });
});
