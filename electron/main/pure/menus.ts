// Pure (electron types only): the application menu and the right-click menu a clerk uses, labelled in Chinese.
import type { ContextMenuParams, MenuItemConstructorOptions } from 'electron';

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** 文件/编辑/视图/帮助. Reload and developer tools only in development: a reload mid-entry loses the form. */
export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  isDevelopment: boolean,
  openPad?: () => void,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const developerItems: MenuItemConstructorOptions[] = isDevelopment
    ? [{ role: 'reload', label: '重新加载' }, { role: 'toggleDevTools', label: '开发者工具' }, separator]
    : [];
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: '文件', submenu: [mac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }] },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        separator,
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        ...developerItems,
        // The rating pad (评价器) facing the applicant, on the second display.
        ...(openPad ? [{ label: '打开评价器', click: () => openPad() }, separator] : []),
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        separator,
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    { label: '帮助', submenu: [{ role: 'about', label: '关于首问台' }] },
  ];
}

type EditContext = Pick<ContextMenuParams, 'isEditable' | 'selectionText' | 'editFlags'>;

/** Electron shows no right-click menu by default; clerks expect cut/copy/paste there. Empty → show nothing. */
export function contextMenuTemplate(context: EditContext): MenuItemConstructorOptions[] {
  const { editFlags } = context;
  if (context.isEditable) {
    return [
      { role: 'cut', label: '剪切', enabled: editFlags.canCut },
      { role: 'copy', label: '复制', enabled: editFlags.canCopy },
      { role: 'paste', label: '粘贴', enabled: editFlags.canPaste },
      separator,
      { role: 'selectAll', label: '全选', enabled: editFlags.canSelectAll },
    ];
  }
  return context.selectionText.trim() === '' ? [] : [{ role: 'copy', label: '复制', enabled: editFlags.canCopy }];
}
