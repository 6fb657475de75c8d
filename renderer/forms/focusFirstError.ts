/**
 * After a refused save, put the caret in the first field (in page order) that has a message, so the clerk who pressed
 * Ctrl+Enter somewhere else types the fix at once. Fields are found by the `data-path` that `getInputProps` (and
 * `field()`) give, scoped by the form's own name so another form's field of the same name is never taken. A message
 * on `materials.2.name` belongs to the field named `materials` when the row itself carries no path. Returns the field
 * focused, or undefined (no such field on screen, e.g. a message for the form as a whole).
 */
export function focusFirstError(
  formName: string,
  errors: Readonly<Record<string, unknown>>,
  root: ParentNode = document,
): HTMLElement | undefined {
  const failed = Object.keys(errors).filter((key) => errors[key]);
  if (failed.length === 0) return undefined;
  const prefix = `${formName}-`;
  for (const node of root.querySelectorAll<HTMLElement>('[data-path]')) {
    const path = node.getAttribute('data-path') ?? '';
    if (!path.startsWith(prefix)) continue;
    const field = path.slice(prefix.length);
    if (!failed.some((key) => key === field || key.startsWith(`${field}.`))) continue;
    node.focus();
    // A wrapper that cannot take focus (e.g. a segmented control's root): try the next field in error.
    if (node.ownerDocument.activeElement === node) return node;
  }
  return undefined;
}
