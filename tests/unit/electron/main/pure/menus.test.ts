import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { applicationMenuTemplate, contextMenuTemplate } from '../../../../../electron/main/pure/menus.ts';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

const editFlags = {
  canUndo: true,
  canRedo: true,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canDelete: true,
  canSelectAll: true,
  canEditRichly: false,
};

describe('the application menu', () => {
  it('has 文件/编辑/视图/帮助 with copy and paste', () => {
    const menu = applicationMenuTemplate('win32', false);
    expect(menu.map((item) => item.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(roles(menu)).toEqual(expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'undo', 'redo', 'quit']));
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(applicationMenuTemplate('linux', false))).not.toEqual(expect.arrayContaining(['reload']));
    expect(roles(applicationMenuTemplate('linux', false))).not.toContain('toggleDevTools');
    expect(roles(applicationMenuTemplate('linux', true))).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('follows macOS conventions there', () => {
    const menu = applicationMenuTemplate('darwin', false);
    expect(menu[0]?.role).toBe('appMenu');
    expect(roles(menu)).toContain('close');
  });
});

describe('the right-click menu', () => {
  it('offers cut, copy, paste and select all in a text field', () => {
    const items = contextMenuTemplate({ isEditable: true, selectionText: '', editFlags });
    expect(roles(items)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('disables what the field cannot do', () => {
    const items = contextMenuTemplate({
      isEditable: true,
      selectionText: '',
      editFlags: { ...editFlags, canPaste: false },
    });
    expect(items.find((item) => item.role === 'paste')?.enabled).toBe(false);
  });

  it('offers copy for selected text, and nothing on an empty spot', () => {
    expect(roles(contextMenuTemplate({ isEditable: false, selectionText: '张三', editFlags }))).toEqual(['copy']);
    expect(contextMenuTemplate({ isEditable: false, selectionText: '  ', editFlags })).toEqual([]);
  });
});
