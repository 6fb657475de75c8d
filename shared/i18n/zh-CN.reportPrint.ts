// 督查月报（打印）与图表
export const zhCNReportPrint = {};
