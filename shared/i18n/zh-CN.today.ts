// 窗口今日数字与日终小结
export const zhCNToday = {};
