// English: tablet (issue 13). Same keys as zh-CN.tablet.ts.
export const enTablet = {};
