// 督查报表：筛选、数字、下钻、预警、导出（issue 15）
export const zhCNReports = {};
