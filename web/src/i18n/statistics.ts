/** Strings of the statistics pages; zh-CN.ts and en.ts spread them in (en must define every zh key). */
export const statisticsZh = {
} as const;

export const statisticsEn: Record<keyof typeof statisticsZh, string> = {
};
