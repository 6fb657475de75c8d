import type { GuideBureau } from '../../../../../shared/rules/guide/compose.ts';

/** HQ's public address in these tests (settings.publicRatingBase). */
export const BASE = 'https://hq.nykj.example';

/** The bureau the leaflet and poster tests print for: its name, phones and public address. */
export const BUREAU: GuideBureau = {
  bureauName: '南阳市科学技术局',
  consultPhone: '0377-63176311',
  complaintPhone: '0377-63176300',
  publicBase: BASE,
};
