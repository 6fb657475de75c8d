// 简体中文：satisfaction (issue 13).
export const zhCNSatisfaction = {};
