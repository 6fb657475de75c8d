import type { zhCNCases } from './zh-CN.cases.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const enCases: Strings<typeof zhCNCases> = {
  title: 'Cases',
};
