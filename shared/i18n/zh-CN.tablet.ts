// 简体中文：tablet (issue 13).
export const zhCNTablet = {};
