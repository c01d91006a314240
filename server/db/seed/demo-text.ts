import type { CslPaper } from './catalog-demo.js';

/**
 * What makes the demo catalogue believable: achievements only from technology disciplines, priced
 * by TRL and field, with the problem solved and the advantage taken from the abstract; demands
 * phrased as an enterprise's need from technology keywords. Pure functions over CSL papers.
 */

/**
 * Technology disciplines (codes of server/db/seed/fields.ts): natural science D01–D10, engineering
 * D12–D34, agriculture and environment D35–D44, medicine D45–D49. Psychology (D11) and D50–D67
 * (management, economics, law, politics, sociology, ethnology, education, sports, literature,
 * journalism, arts, history, philosophy, military science) are no technology to transfer.
 */
export function isTechnologyField(code: string): boolean {
  const n = Number(code.replace(/^D/, ''));
  return /^D\d\d$/.test(code) && n >= 1 && n <= 49 && n !== 11;
}

/** Titles of essays, reviews and policy pieces, even within a technology discipline. */
const NOT_A_TECHNOLOGY =
  /思想|马克思|毛泽东|邓小平|习近平|政治|党的|党建|历史|史学|哲学|文学|法律|法治|教学|教育|课程|经济|金融|战争|军事|文化|浅谈|浅析|探讨|思考|对策|启示|综述|进展|现状|展望|纪实|管理模式|管理制度|有效性|发展战略|改革|借鉴|意义|\d+例$|例报告|个案/;

export function isTechnologyPaper(p: CslPaper, fieldCode: string | undefined): boolean {
  return fieldCode !== undefined && isTechnologyField(fieldCode) && !NOT_A_TECHNOLOGY.test(p.title) && !p.keywords.includes('综述');
}

type FieldGroup = 'science' | 'engineering' | 'high_tech' | 'agriculture' | 'medicine';
const HIGH_TECH = new Set(['D14', 'D15', 'D18', 'D19', 'D20', 'D22', 'D32', 'D34']);
export function fieldGroup(code: string): FieldGroup {
  const n = Number(code.slice(1));
  if (n <= 10) return 'science';
  if (n >= 45) return 'medicine';
  if (n >= 35 && n !== 37) return 'agriculture';
  return HIGH_TECH.has(code) ? 'high_tech' : 'engineering';
}

/** TRL range a field's demo achievements are drawn from (basic science rarely leaves the lab). */
export const TRL_RANGE: Record<FieldGroup, [number, number]> = {
  science: [2, 4],
  engineering: [3, 8],
  high_tech: [3, 8],
  agriculture: [3, 8],
  medicine: [3, 7],
};
const FIELD_FACTOR: Record<FieldGroup, number> = { science: 0.5, engineering: 1, high_tech: 1.4, agriculture: 0.6, medicine: 1.6 };
/** Asking price by TRL in 万元, before the field factor: the nearer to market, the dearer. */
const TRL_PRICE_WAN: Array<[number, number]> = [
  [5, 30], // TRL 1
  [5, 30],
  [8, 40],
  [15, 80],
  [30, 150],
  [50, 300],
  [80, 500],
  [150, 800],
  [200, 1000], // TRL 9
];

/** The plausible asking-price range in 万元 for an achievement of this TRL and field. */
export function priceRangeWan(trl: number, fieldCode: string): [number, number] {
  const [lo, hi] = TRL_PRICE_WAN[Math.min(9, Math.max(1, trl)) - 1]!;
  const f = FIELD_FACTOR[fieldGroup(fieldCode)];
  return [lo * f, hi * f];
}

export const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[。；;！!？?])|(?<=\.)(?=\s*[\p{Script=Han}])/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= 8);

const AIM = /针对|为解决|为了解决|为提高|为了提高|为改善|为降低|以解决|难以|不足|瓶颈/;
const RESULT = /结果表明|研究表明|试验表明|实验表明|结果显示|结论|表明|显著|提高|降低|优于|有效/;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const LEAD = /^(目的|方法|结果|结论|摘要|背景)[\s:：]*/;
const FINDING = /^[^，,。]{0,10}?(结果表明|研究表明|试验表明|实验表明|结果显示|表明|显示)[,，:：\s]*/;
const sentence = (x: string) =>
  `${clip(
    x
      .replace(LEAD, '')
      .replace(FINDING, '')
      .replace(/[。；;.]$/, ''),
    300,
  )}。`;

/** The problem an achievement solves, from its abstract: the sentence stating the aim, else the first. */
export function problemFromAbstract(p: CslPaper): string {
  const s = sentencesOf(p.abstract);
  return sentence(s.find((x) => AIM.test(x)) ?? s[0] ?? p.title);
}

/** Its advantage, from the abstract: the last sentence that reports a result, else the last sentence. */
export function advantageFromAbstract(p: CslPaper): string | undefined {
  const s = sentencesOf(p.abstract);
  const found = [...s].reverse().find((x) => RESULT.test(x)) ?? (s.length > 1 ? s.at(-1) : undefined);
  return found ? sentence(found) : undefined;
}

/** The verbs a demand's title starts with. */
export const NEED_VERBS = ['寻求', '征集', '求购', '需要'] as const;

const GENERIC_KEYWORD = /^(技术|研究|应用|方法|分析|综述|设计|影响|对策|问题|模型|系统|实验|试验)$/;
/** Technology keywords of a paper usable in a demand: 2–16 characters, no generic words. */
export const technologyKeywords = (p: CslPaper): string[] =>
  p.keywords.map((k) => k.trim()).filter((k) => k.length >= 2 && k.length <= 16 && !GENERIC_KEYWORD.test(k) && !NOT_A_TECHNOLOGY.test(k));

/** "…问题" the paper addresses, when its abstract says so (针对…问题). */
function statedProblem(p: CslPaper): string | null {
  const m = /(?:针对|为解决|为了解决|以解决)([^，。,；;：:]{2,24}?)(?:等)?(?:的)?(问题|难题|不足|瓶颈)/u.exec(p.abstract);
  return m ? `${m[1]}${m[2]}` : null;
}

/** A demand title as an enterprise writes it: 寻求锂离子电池热管理技术，解决…. */
export function demandTitle(verb: (typeof NEED_VERBS)[number], p: CslPaper): string | null {
  const [kw, kw2] = technologyKeywords(p);
  if (!kw) return null;
  const problem = statedProblem(p);
  const need = verb === '求购' ? `${kw}相关技术成果` : `${kw}相关技术`;
  const tail = problem ? `，解决${problem}` : kw2 ? `，解决${kw2}方面的难题` : '，提升产品竞争力';
  return `${verb}${need}${tail}`.slice(0, 60);
}

/** The demand's description: the bottleneck in the paper's keywords, what is sought, by when. */
export function demandSummary(p: CslPaper, o: { budget: string; deadline: string; modes: string }): string {
  const kws = technologyKeywords(p);
  const problem = statedProblem(p);
  return [
    `我公司在生产经营中面临${kws.slice(0, 2).join('与')}方面的技术难题${problem ? `，主要是${problem}` : ''}，现有工艺和设备难以满足要求。`,
    `现寻求${kws.slice(0, 3).join('、')}相关的成熟技术或研发团队，合作方式可为${o.modes}。`,
    `预算${o.budget}，希望在${o.deadline}前确定合作方。`,
  ].join('');
}
