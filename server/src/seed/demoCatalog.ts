/**
 * The demo bureau's service catalog (chapter 5, 公开承诺): ten items a city science and technology bureau
 * really handles, with the materials an applicant is told about at once (一次性告知, chapter 3). Legal bases
 * are national and provincial instruments cited by their titles, with a document number only where it is
 * certain; local rules are named generically, as the bureau's own notices would be. All items are free,
 * the consult phone is the handling department's, complaints go to the bureau's hotline.
 */
import { formatHlc } from '../../../shared/sync/hlc.ts';
import { referenceDocSchema, type ReferenceDoc } from '../../../shared/model/reference.ts';
import type { ItemDraft } from './catalog/draft.ts';
import { highTechEnterpriseRecommendation, techSmeEvaluation } from './catalog/enterprise.ts';
import { engineeringCenterRecognition, keyLabRecognition, newRdInstitutionFiling } from './catalog/platforms.ts';
import { cityAwardNomination, cityProjectApplication } from './catalog/projectsAwards.ts';
import { DEMO_GUIDES } from './catalog/guides.ts';
import { foreignWorkPermit } from './catalog/talent.ts';
import { achievementRegistration, techContractRegistration } from './catalog/techMarket.ts';
import { demoDepartmentPhone } from './demoBureau.ts';

/** Art. 5: the published complaint hotline. */
const COMPLAINT_PHONE = '0377-63176300';

export const DEMO_CATALOG: readonly ItemDraft[] = [
  techContractRegistration,
  techSmeEvaluation,
  highTechEnterpriseRecommendation,
  cityProjectApplication,
  cityAwardNomination,
  engineeringCenterRecognition,
  keyLabRecognition,
  achievementRegistration,
  foreignWorkPermit,
  newRdInstitutionFiling,
];

/** Stable ids for tests and demos. */
export const DEMO_ITEMS = {
  techContract: 'tech-contract-registration',
  techSme: 'tech-sme-evaluation',
  highTech: 'high-tech-enterprise-recommendation',
  project: 'city-project-application',
  award: 'city-sci-tech-award-nomination',
  foreignWorkPermit: 'foreign-work-permit',
} as const;

/**
 * Every demo item as a serviceItem reference doc at rev 1, checked against the shared schema, with every 办事指南
 * element (issue 16 item 1). The demo's rev 1 carries no `publication`: it was seeded, not approved, and dates from
 * its doc's updatedAt on the public site.
 */
export function buildDemoCatalog(now: number): ReferenceDoc[] {
  const updatedAt = new Date(now).toISOString();
  return DEMO_CATALOG.map((draft, i) =>
    referenceDocSchema.parse({
      kind: 'serviceItem',
      id: draft.id,
      rev: 1,
      hlc: formatHlc({ ms: now, counter: i, node: 'hq' }),
      updatedAt,
      body: {
        ...draft,
        ...guideOf(draft.id),
        consultPhone: demoDepartmentPhone(draft.departmentId),
        complaintPhone: COMPLAINT_PHONE,
        fee: { kind: 'free' },
        active: true,
      },
    }),
  );
}

function guideOf(id: string) {
  const guide = DEMO_GUIDES[id];
  if (!guide) throw new Error(`no guide elements for demo item ${id}`);
  return guide;
}
