import type { zhCNSlips } from './zh-CN.slips.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const enSlips: Strings<typeof zhCNSlips> = {
  title: 'Slips',
};
