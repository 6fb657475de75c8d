// 简体中文：publicRating (issue 13).
export const zhCNPublicRating = {};
