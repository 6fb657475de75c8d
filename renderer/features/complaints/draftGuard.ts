import { createContext } from 'react';

/**
 * Set by an act form once something was typed in it, cleared when it goes away (saved, or another act chosen): the
 * complaint drawer then closes only by its × button, so a stray Escape never throws away a reason being written.
 */
export const DraftGuard = createContext<((typing: boolean) => void) | null>(null);
