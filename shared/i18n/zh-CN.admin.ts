// 简体中文：管理员界面（服务事项目录、工作日历）。
export const zhCNAdmin = {
  title: '系统管理',
};
