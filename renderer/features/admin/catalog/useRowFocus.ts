import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/**
 * The catalog's editable lists are keyboard first: Enter in a row's first field adds the next row below and moves
 * there (instead of submitting the form); an IME's Enter picks a character and is left alone.
 */
export function useRowFocus() {
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const focusRef = useRef<HTMLInputElement | null>(null);
  useEffect(() => {
    if (focusKey) focusRef.current?.focus();
  }, [focusKey]);
  /** The ref for the row with this key: the one just added gets the focus. */
  const refFor = (key: string) => (key === focusKey ? focusRef : undefined);
  const enterAdds = (add: () => void) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    add();
  };
  return { focus: setFocusKey, refFor, enterAdds };
}
