import type { zhCNSlips } from './zh-CN.slips.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/** English forms for a count of exactly 1 (fillCount picks `<key>_one`; Chinese has no plural). */
interface Singulars {
  readonly paper: {
    readonly originals_one: string;
    readonly copies_one: string;
    readonly checklist: { readonly stepWithLimit_one: string };
    readonly acceptance: {
      readonly promisedValue_one: string;
      readonly promisedValueNoStatutory_one: string;
      readonly extendedValue_one: string;
    };
  };
}

export const enSlips: Strings<typeof zhCNSlips> & Singulars = {
  title: 'Slips',
  kinds: {
    checklist: 'One-time notification checklist',
    supplementNotice: 'Supplement notice',
    acceptanceReceipt: 'Acceptance receipt',
    rejectionNotice: 'Rejection notice',
    withdrawalNotice: 'Confirmation of withdrawal',
    closureNotice: 'Notice of closure',
    transferNote: 'Transfer note',
    referralNote: 'Referral note (not the bureau’s remit)',
  },
  formats: { a4: 'A4 sheet', receipt80: '80 mm receipt' },
  previewTitle: '{{title}} · print preview',
  previewFrame: 'Slip preview',
  serialOnPrint: 'The serial is assigned when printing; the preview shows the next free one.',
  format: 'Paper',
  printer: 'Printer',
  systemDialog: 'Choose when printing (system print dialog)',
  rememberDefaults: 'Save as this desk’s default paper and printer',
  print: 'Print',
  reprint: 'Reprint',
  retry: 'Print again',
  printed: 'Printed {{serial}}',
  printedArchived: 'Printed {{serial}}; PDF archived at {{path}}',
  reprinted: 'Reprinted {{serial}}',
  reprintedArchived: 'Reprinted {{serial}}; PDF archived at {{path}}',
  printFailed: 'Printing failed: {{reason}}. Slip {{serial}} is recorded and can be printed again.',
  printFailedArchived:
    'Printing failed: {{reason}}. Slip {{serial}} is recorded and its PDF archived at {{path}}: print again, or print that PDF.',
  unknownFailure: 'the printer did not answer',
  issued: 'Slips issued',
  issuedLine: '{{title}} · {{serial}} · {{date}}',
  timelineReprint: 'reprint no. {{n}}',
  reprintBadge: 'reprinted {{count}} times',
  reprintHint: 'A reprint is identical to the original and marked “reprint (no. {{n}})”.',
  printCancelled: 'Printing cancelled. Slip {{serial}} is recorded and can be reprinted at any time.',
  noPrinter: 'This machine lists no printers: choose one in the system print dialog.',
  errors: {
    slipMissing: 'This slip cannot be found.',
    notIssuable: 'This slip cannot be issued in the current state.',
    missingItem: 'The item is not in the catalog: the slip cannot be composed.',
    missingCatalogVersion:
      'This desk does not have the catalog version the case was opened under, so the slip cannot be composed from it (the current version is never used instead). Sync and try again.',
    missingSettings: 'The bureau settings (name, phones) have not been synced yet: sync first.',
    failed: 'The slip could not be made: {{message}}',
  },
  paper: {
    labels: {
      serial: 'No.',
      issuedOn: 'Date',
      applicant: 'Applicant',
      phone: 'Phone',
      item: 'Service item',
      itemWithRev: '{{item}} (catalog version {{rev}})',
      colon: ': ',
      staff: 'Clerk',
      staffPhone: 'Clerk’s phone',
      consultPhone: 'Enquiries',
      complaintPhone: 'Complaints',
      seal: '(seal)',
      cutLine: 'Cut here: kept by the service window',
      reprint: 'Reprint (no. {{n}})',
      page: 'Page {{page}} of {{pages}}',
    },
    applicantWithPerson: '{{organisation}} ({{name}})',
    addressee: 'To {{name}}:',
    addresseeWithPerson: 'To {{organisation}} ({{name}}):',
    numerals: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
    numbering: '{{n}}. {{heading}}',
    qrCaption: 'Scan to verify the slip number',
    qrCaptionRating: 'Scan to rate this service',
    stub: {
      heading: 'Receipt (kept by the service window)',
      document: 'Slip',
      acknowledgement: 'I have received “{{title}}” (no. {{serial}}) and taken note of everything it tells me.',
      sign: 'Applicant’s signature: ____________    Date: __________',
    },
    materials: { no: 'No.', name: 'Material', copies: 'Copies', format: 'Requirements', notes: 'Notes' },
    required: 'Required',
    conditional: 'Only if: {{condition}}',
    originals: '{{count}} originals',
    originals_one: '{{count}} original',
    copies: '{{count}} copies',
    copies_one: '{{count}} copy',
    listSeparator: ', ',
    noCopies: 'shown, not kept',
    sample: 'Template: {{ref}}',
    excludedPeriods: {
      licence:
        'Under Article 45 of the Administrative Licensing Law, time needed by law for a hearing, inspection or testing of samples, or expert review does not count towards the limit',
      bureau:
        'Under the bureau’s own rules, time needed for a hearing, inspection or testing of samples, or expert review does not count towards the limit',
    },
    checklist: {
      title: 'One-time notification checklist',
      intro:
        'Under the one-time notification rule, here is everything needed to apply for “{{item}}”: the conditions, every material, the procedure, the fees and the time limits.',
      legalBasis: 'Legal basis',
      conditions: 'Conditions',
      materials: 'Materials',
      procedure: 'Procedure',
      feeAndLimits: 'Fees, time limits and where to apply',
      fee: 'Fees',
      promised: 'Promised limit',
      statutory: 'Statutory limit',
      stepWithLimit: '{{name}} ({{days}} working days)',
      stepWithLimit_one: '{{name}} ({{days}} working day)',
      submitAt: 'Where to apply',
      hours: 'Office hours',
      closing:
        'These are all the materials this item requires. A complete application in due form is accepted on the spot; otherwise the window tells you in writing, once, everything that must be supplemented.',
    },
    checklistText: {
      header: '[{{bureau}}] “{{item}}”: what you need (one-time notification, catalog version {{rev}})',
      legalBasis: 'Legal basis',
      conditions: 'Conditions',
      materials: 'Materials',
      material: '{{no}}. {{name}} ({{requirement}}): {{copies}}; {{format}}',
      materialNotes: '   {{notes}}',
      procedure: 'Procedure',
      step: '{{no}}. {{step}}',
      limits: 'Time limits',
      promised: 'Promised: {{promised}}; statutory: {{statutory}}',
      fee: 'Fees: {{fee}}',
      submitAt: 'Where to apply: {{place}}',
      hours: 'Office hours: {{hours}}',
      phones: 'Enquiries: {{consult}}; complaints: {{complaint}}',
      footer: 'These are all the materials, steps and time limits of this item.',
    },
    supplement: {
      title: 'Notice to supplement materials',
      intro:
        'Your application for “{{item}}” of {{date}} is incomplete or not in due form. Everything that must be supplemented is listed below, once:',
      heading: 'Materials to supplement',
      columns: { no: 'No.', name: 'Material', copies: 'Copies', format: 'Required', notes: 'What is wrong' },
      missing: 'Not submitted',
      nonConforming: 'Not as required: {{note}}',
      submitHeading: 'Handing in the materials',
      submitAt: 'Where to submit',
      onlyOnce:
        'This notice tells you, once, everything to supplement; the bureau will not ask for anything not listed here.',
      whenReady:
        'Please hand the materials in as soon as you have them all. Once you have supplemented everything asked, the application is accepted promptly and the time limit runs from the day after acceptance.',
      closing:
        'If you no longer wish to apply, or have questions about what to supplement, call the clerk or the enquiries line.',
    },
    acceptance: {
      title: 'Acceptance receipt',
      intro: 'Your application for “{{item}}” of {{date}} is complete and in due form, and has been accepted.',
      introDeemed:
        'You were not told within five working days of {{date}} what to supplement in your application for “{{item}}”. Under Article 32 of the Administrative Licensing Law it counts as accepted from the day the materials were received.',
      introDeemedBureau:
        'You were not told within five working days of {{date}} what to supplement in your application for “{{item}}”. Under the bureau’s own rules it is accepted, and the time limit runs from the day the materials were received.',
      received: 'Materials received',
      receivedItem: '{{name}} ({{copies}})',
      dates: 'Acceptance and time limit',
      acceptedOn: 'Accepted on',
      promised: 'Promised limit',
      promisedValue: '{{days}} working days (statutory: {{statutory}})',
      promisedValue_one: '{{days}} working day (statutory: {{statutory}})',
      promisedValueNoStatutory: '{{days}} working days (no law or regulation sets a limit)',
      promisedValueNoStatutory_one: '{{days}} working day (no law or regulation sets a limit)',
      extended: 'Extension approved',
      extendedValue: '{{days}} working days',
      extendedValue_one: '{{days}} working day',
      dueDate: 'To be completed by',
      provisional: ' (provisional: that year’s working-day schedule is not published yet)',
      handler: 'Handler',
      handlerPhone: 'Handler’s phone',
      pausesHeading: 'Periods that do not count',
      pausesNote: '{{excluded}}; you will be told in writing why and for how long when this happens.',
      pause: '{{reason}}: {{from}} to {{to}} ({{note}})',
      pauseOpen: '{{reason}}: from {{from}} ({{note}})',
      pauseReasons: {
        supplement: 'Supplementing materials',
        hearing: 'Hearing',
        expertReview: 'Expert review',
        inspection: 'Inspection of samples',
        testing: 'Testing',
      },
      closing: 'You will be told the result within the promised limit. Keep this receipt to follow the case.',
    },
    rejection: {
      title: 'Notice of non-acceptance',
      intro: 'Your application for “{{item}}” of {{date}} has been examined and is not accepted.',
      introApproved:
        'Your application for “{{item}}” of {{date}} has been examined and, with the approval of the bureau’s leadership, is not accepted.',
      reasons: 'Reason and legal basis',
      reason: 'Reason',
      legalBasis: 'Legal basis',
      agencyHeading: 'Competent agency',
      agencyText: 'This matter is not within the bureau’s remit. Please apply to:',
      agencyName: 'Agency',
      agencyPhone: 'Phone',
      agencyAddress: 'Address',
      remediesHeading: 'Remedies',
      remedies:
        'If you disagree with this decision, you may apply for administrative reconsideration or bring an administrative lawsuit according to law: reconsideration within sixty days, and a lawsuit within six months, of the day you knew or should have known of this decision, unless the law provides otherwise.',
    },
    withdrawal: {
      title: 'Confirmation of withdrawal',
      intro:
        'You asked to withdraw your application for “{{item}}” of {{date}}. The bureau confirms it is withdrawn and will not be processed further.',
      heading: 'Withdrawal',
      receivedOn: 'Materials received on',
      withdrawnOn: 'Withdrawn on',
      how: 'How',
      reason: 'Reason',
      means: { written: 'In writing', onSite: 'At the window', phone: 'By phone', online: 'Online' },
      againHeading: 'Applying again',
      again:
        'Withdrawing does not stop you from applying for the same item again. When you do, bring every material the checklist lists.',
    },
    closure: {
      title: 'Notice of closure',
      intro:
        'Your application for “{{item}}” of {{date}} was not accepted, and the bureau closed it on {{on}}, for the reason below:',
      heading: 'Reason for closing',
      reason: 'Reason',
      note: 'Details',
      reasons: {
        supplementNotProvided: 'The supplementary materials were not received',
        applicantUnreachable: 'The applicant could not be reached',
        duplicate: 'It duplicates another application',
        other: 'Other reason',
      },
      againHeading: 'Applying again',
      again:
        'This notice is not a decision not to accept. You may apply for the same item again; for questions, call the clerk or the enquiries line.',
    },
    transfer: {
      title: 'Transfer note',
      intro: 'The matter you raised is handled by the department below, and has been passed to its handler:',
      matter: 'Matter',
      department: 'Department',
      handler: 'Handler',
      handlerPhone: 'Phone',
      address: 'Office address',
      note: 'The handler becomes responsible once they accept it; if nobody contacts you within one working day, call the number above or the enquiries line.',
    },
    referral: {
      title: 'Referral note',
      intro:
        'The matter you raised is not within the bureau’s remit. Under the first-inquiry rule, the competent agency is:',
      matter: 'Matter',
      agency: 'Competent agency',
      phone: 'Phone',
      address: 'Address',
      explanation: 'Explanation',
      note: 'Please take the relevant documents to that agency.',
    },
  },
};
