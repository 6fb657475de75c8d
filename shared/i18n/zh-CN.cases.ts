// 简体中文：办件（受理、补正、不予受理、计时、延期、办结）。
export const zhCNCases = {
  title: '办件',
};
