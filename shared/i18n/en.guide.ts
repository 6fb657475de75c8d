import type { zhCNGuide } from './zh-CN.guide.ts';

type Strings<T> = { readonly [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

// English: the service guide (public commitment, regulation art. 20–23), for the English UI and the public site's
// ?lang=en. The same words on the checklist, the leaflet, the poster and the web page.
/** English forms for a count of exactly 1 (fillCount picks `<key>_one`; Chinese has no plural). */
interface Singulars {
  readonly limit_one: string;
  readonly specialStepWithLimit_one: string;
}

export const enGuide: Strings<typeof zhCNGuide> & Singulars = {
  title: 'Service guide: {{item}}',
  versionLine: 'Version {{rev}}, published {{date}}',
  date: '{{monthName}} {{day}}, {{year}}',
  sections: {
    basic: 'Basic information',
    legalBasis: 'Legal basis',
    conditions: 'Conditions',
    materials: 'Materials',
    procedure: 'Procedure',
    specialSteps: 'Special procedures',
    limits: 'Time limits',
    fee: 'Fees',
    result: 'Result',
    forms: 'Blank and sample forms',
    faq: 'Frequently asked questions',
    contact: 'Enquiries and complaints',
  },
  labels: {
    itemName: 'Service item',
    code: 'Item code',
    applicants: 'Who may apply',
    agency: 'Authority',
    department: 'Handled by',
    submitAt: 'Where to apply',
    hours: 'Office hours',
    visits: 'Visits in person',
    promised: 'Promised limit',
    statutory: 'Statutory limit',
    fee: 'Fees',
    result: 'Result',
    delivery: 'Delivery',
    consultPhone: 'Enquiries',
    complaintPhone: 'Complaints',
  },
  applicants: { natural: 'Natural persons', legal: 'Legal persons and other organisations' },
  separator: ', ',
  visits: {
    none: 'None (entirely online)',
    once: 'At most once',
    many: '{{count}} times',
  },
  hours: {
    open: '{{hours}}; also open on public holidays',
    closed: '{{hours}}; closed on public holidays',
  },
  delivery: { window: 'collect at the window', post: 'by post', electronic: 'electronically' },
  place: '{{submitAt}} (address: {{address}})',
  fee: {
    free: 'Free of charge',
    charged: '{{standard}} (basis: {{basis}})',
  },
  limit: '{{days}} working days from acceptance',
  limit_one: '{{days}} working day from acceptance',
  statutoryNone: 'None set by law or regulation',
  limitsNote: 'Limits count statutory working days from the day after acceptance. {{excluded}}.',
  specialStep: '{{name}} ({{counts}})',
  specialStepWithLimit: '{{name}}, {{days}} working days ({{counts}})',
  specialStepWithLimit_one: '{{name}}, {{days}} working day ({{counts}})',
  countsInLimit: 'counts towards the limit',
  notInLimit: 'does not count towards the limit',
  none: 'None',
  formKinds: { blank: 'Blank form', sample: 'Sample' },
  formNoFile: '(available at the window)',
  contactNote:
    'If you are not satisfied with how your application was handled, call the complaint line or tell the window in person.',
};
