import type { zhCNAdmin } from './zh-CN.admin.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const enAdmin: Strings<typeof zhCNAdmin> = {
  title: 'Administration',
};
