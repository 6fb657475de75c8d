// 简体中文：followUpBoard (issue 13).
export const zhCNFollowUpBoard = {};
