import type { zhCNPublicSite } from './zh-CN.publicSite.ts';

// English: HQ's public commitments site (regulation art. 20–23), ?lang=en. The commitments render the regulation's
// own words; each item's content comes from its published guide (shared/rules/guide/compose.ts).
export const enPublicSite: typeof zhCNPublicSite = {
  siteTitle: '{{bureau}}: public service commitments',
  intro:
    'Under articles 20 to 23 of the Nanyang Science and Technology Bureau’s government service rules, the bureau publicly commits to its duties and procedures, and works as it commits.',
  dutiesHeading: 'Duties',
  commitmentsHeading: 'Our commitments',
  commitments: [
    {
      heading: 'First inquiry responsibility (art. 6, 8)',
      quotes: [
        'When someone comes to apply or to ask, the first member of staff asked must answer, or pass the matter to the person who handles it.',
        'Whatever the question, whether or not it is their own duty, staff receive the person warmly and find out what is needed; they may not pass it on, put it off or refuse it for any reason.',
      ],
    },
    {
      heading: 'One-time notification (art. 10, 11)',
      quotes: [
        'When someone first applies, staff tell them at once everything the matter needs: the materials, the procedure and the time limits.',
        'A complete application in due form, or one supplemented as asked, is accepted promptly. Where materials are missing or not in due form, the applicant is told at once what to supplement.',
      ],
    },
    {
      heading: 'Completion within time limits (art. 14–19)',
      quotes: [
        'Approvals, reviews and other services are completed, or answered, within the promised limit.',
        'Where a law or policy sets a limit, the matter is completed within it. Where none does, the bureau promises a limit, for the convenience of people and businesses.',
        'Where a limit must be extended for a special reason, staff obtain a leader’s approval and tell the applicant the reason and the new limit.',
        'All limits are counted in statutory working days.',
      ],
    },
    {
      heading: 'Public commitment (art. 20–23)',
      quotes: [
        'The commitment states the service items, the procedures, the fee basis and standard, and how to complain.',
        'It is published on the website, on the bulletin board and in leaflets.',
      ],
    },
    {
      heading: 'Follow-up visits (art. 27)',
      quotes: [
        'After an application is handled, the bureau contacts the applicant to confirm the outcome and to ask whether they are satisfied with it.',
      ],
    },
    {
      heading: 'Complaints and supervision (art. 5, 31)',
      quotes: [
        'A complaint hotline lets the public supervise how staff keep these rules.',
        'Every complaint is investigated by people a bureau leader appoints; where it is found true, those responsible are held to account.',
      ],
    },
  ],
  itemsHeading: 'Service items',
  itemsNone: 'No service item has been published yet.',
  itemColumns: { item: 'Service item', promised: 'Promised limit', statutory: 'Statutory limit', fee: 'Fees' },
  complaintHeading: 'Complaints and supervision',
  complaintLine: 'Complaint hotline: {{phone}}',
  consultLine: 'Enquiries: {{phone}}',
  catalogDate: 'Service catalog updated {{date}}.',
  privacy:
    'This site publishes the bureau’s commitments and service guides only; it collects and shows no personal data.',
  otherLanguage: '中文',
  home: 'Public commitments',
  guideVersions: 'Versions',
  versionEntry: 'Version {{rev}}, published {{date}}',
  currentMark: ' (current)',
  supersededNotice: 'This version was superseded by version {{next}}; it is shown for reference only.',
  currentLink: 'See the current version',
  inactiveNotice: 'This item is no longer accepted.',
  notFoundTitle: 'Page not found',
  notFound: 'There is no such service item or version; the link may be wrong.',
  backHome: 'Back to the public commitments',
  formDownload: '{{kind}}: {{name}} ({{fileName}}, {{size}})',
  materialRequirement: ' ({{requirement}})',
  materialSeparator: '; ',
  materialCopies: 'Copies: {{copies}}',
  materialFormat: 'Form: {{format}}',
  printHint: 'This page can be printed as it is.',
};
