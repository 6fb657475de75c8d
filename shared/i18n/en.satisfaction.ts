// English: satisfaction (issue 13). Same keys as zh-CN.satisfaction.ts.
export const enSatisfaction = {};
