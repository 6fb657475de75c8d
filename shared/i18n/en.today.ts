// This window's numbers for today and the day's summary
export const enToday = {};
