/** Strings of the trading pages; zh-CN.ts and en.ts spread them in (en must define every zh key). */
export const tradingZh = {
} as const;

export const tradingEn: Record<keyof typeof tradingZh, string> = {
};
