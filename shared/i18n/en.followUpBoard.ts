// English: followUpBoard (issue 13). Same keys as zh-CN.followUpBoard.ts.
export const enFollowUpBoard = {};
