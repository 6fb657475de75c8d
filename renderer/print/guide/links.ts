/**
 * A public address made from the bureau's base (settings.publicRatingBase), or none without a base. A base the
 * settings schema would have refused prints no link rather than a wrong one (guideLink and commitmentsLink throw).
 */
export function publicLinkOf(base: string | undefined, make: (base: string) => string): string | undefined {
  if (!base) return undefined;
  try {
    return make(base);
  } catch {
    return undefined;
  }
}
