// English: publicRating (issue 13). Same keys as zh-CN.publicRating.ts.
export const enPublicRating = {};
