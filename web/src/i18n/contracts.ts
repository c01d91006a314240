/** Strings of the contracts pages; zh-CN.ts and en.ts spread them in (en must define every zh key). */
export const contractsZh = {
} as const;

export const contractsEn: Record<keyof typeof contractsZh, string> = {
};
