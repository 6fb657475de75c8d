// The printed monthly supervision report and its charts
export const enReportPrint = {};
