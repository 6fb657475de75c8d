/**
 * A demo bureau (南阳市科学技术局) for a first run, so a fresh server is usable at once.
 * Names, phones and addresses are invented. Everyday demo staff sign in with the PIN DEMO_PIN ('1234'); leaders,
 * supervisors and admins with the password DEMO_PASSWORD ('Nanyang2026'), which never reaches a desk (issue 11).
 *
 * Staff (id — name, department, rank, roles):
 *   zhang-wei      张伟    dept-window          clerk              clerk
 *   li-na          李娜    dept-window          principalStaff     clerk
 *   wang-fang      王芳    dept-window          deputySectionChief clerk, handler
 *   liu-yang       刘洋    dept-high-tech       clerk              handler
 *   chen-jing      陈静    dept-high-tech       sectionChief       handler, deptHead
 *   zhao-lei       赵磊    dept-rural           principalStaff     handler
 *   sun-li         孙丽    dept-social          clerk              handler
 *   zhou-qiang     周强    dept-transfer        deputySectionChief handler
 *   wu-min         吴敏    dept-policy          sectionChief       handler, deptHead
 *   zheng-hao      郑浩    dept-international   clerk              handler
 *   huang-xiuying  黄秀英  dept-party           sectionChief       supervisor, admin (the second person for the calendar)
 *   ma-jun         马军    dept-office          principalStaff     admin
 *   he-jianguo     何建国  dept-leadership      deputyDirector     leader
 *   lin-zhiyuan    林志远  dept-leadership      director           leader
 *   qian-tao       钱涛    dept-rural           clerk              handler   (inactive: transferred out)
 */
import { formatHlc } from '../../../shared/sync/hlc.ts';
import {
  referenceDocSchema,
  SETTINGS_ID,
  type Rank,
  type ReferenceDoc,
  type Role,
} from '../../../shared/model/reference.ts';
import { isPrivilegedStaff } from '../../../shared/sync/staffAuth.ts';
import { hashSecret } from '../auth/pinHash.ts';
import type { StaffCredential } from '../storage/staffCredentials.ts';

export const DEMO_PIN = '1234';
/** Memorable, yet within the policy for privileged staff (shared/sync/staffAuth.ts secretProblem). */
export const DEMO_PASSWORD = 'Nanyang2026';

/** Stable ids for tests and demos. */
export const DEMO_STAFF = {
  windowClerk: 'zhang-wei',
  windowClerk2: 'li-na',
  windowLead: 'wang-fang',
  highTechHandler: 'liu-yang',
  highTechHead: 'chen-jing',
  policyHead: 'wu-min',
  supervisor: 'huang-xiuying',
  admin: 'ma-jun',
  /** A calendar year takes effect only when a second admin confirms it. */
  secondAdmin: 'huang-xiuying',
  leader: 'he-jianguo',
  director: 'lin-zhiyuan',
  inactive: 'qian-tao',
} as const;

export const DEMO_DEPARTMENTS = {
  window: 'dept-window',
  highTech: 'dept-high-tech',
  party: 'dept-party',
} as const;

const BUILDING = '南阳市卧龙区仲景北路 1066 号科技大厦';

const departments = [
  { id: 'dept-leadership', name: '局领导', phone: '0377-63176301', address: `${BUILDING} 8 楼` },
  { id: 'dept-office', name: '办公室', phone: '0377-63176302', address: `${BUILDING} 8 楼 801 室` },
  { id: 'dept-party', name: '机关党委（人事科）', phone: '0377-63176303', address: `${BUILDING} 8 楼 805 室` },
  { id: 'dept-policy', name: '政策法规与创新体系科', phone: '0377-63176305', address: `${BUILDING} 7 楼 702 室` },
  { id: 'dept-high-tech', name: '高新技术发展及产业化科', phone: '0377-63176306', address: `${BUILDING} 7 楼 706 室` },
  { id: 'dept-rural', name: '农村科技科', phone: '0377-63176307', address: `${BUILDING} 6 楼 603 室` },
  { id: 'dept-social', name: '社会发展科技科', phone: '0377-63176308', address: `${BUILDING} 6 楼 607 室` },
  { id: 'dept-transfer', name: '科技成果转化与区域创新科', phone: '0377-63176309', address: `${BUILDING} 6 楼 610 室` },
  { id: 'dept-international', name: '对外科技交流科', phone: '0377-63176310', address: `${BUILDING} 5 楼 502 室` },
  {
    id: 'dept-window',
    name: '政务服务窗口',
    phone: '0377-63176311',
    address: '南阳市宛城区光武东路 1888 号市民服务中心 3 楼 C 区 12 号窗口',
  },
];

function person(
  id: string,
  name: string,
  departmentId: string,
  rank: Rank,
  title: string,
  phone: string,
  roles: Role[],
) {
  return { id, name, departmentId, rank, title, phone, roles, active: id !== DEMO_STAFF.inactive };
}

const staff = [
  person('zhang-wei', '张伟', 'dept-window', 'clerk', '科员', '0377-63176311', ['clerk']),
  person('li-na', '李娜', 'dept-window', 'principalStaff', '四级主任科员', '0377-63176311', ['clerk']),
  person('wang-fang', '王芳', 'dept-window', 'deputySectionChief', '副科长', '13703770311', ['clerk', 'handler']),
  person('liu-yang', '刘洋', 'dept-high-tech', 'clerk', '科员', '0377-63176306', ['handler']),
  person('chen-jing', '陈静', 'dept-high-tech', 'sectionChief', '科长', '13903770306', ['handler', 'deptHead']),
  person('zhao-lei', '赵磊', 'dept-rural', 'principalStaff', '四级主任科员', '0377-63176307', ['handler']),
  person('sun-li', '孙丽', 'dept-social', 'clerk', '科员', '0377-63176308', ['handler']),
  person('zhou-qiang', '周强', 'dept-transfer', 'deputySectionChief', '副科长', '0377-63176309', ['handler']),
  person('wu-min', '吴敏', 'dept-policy', 'sectionChief', '科长', '15803770305', ['handler', 'deptHead']),
  person('zheng-hao', '郑浩', 'dept-international', 'clerk', '科员', '0377-63176310', ['handler']),
  person('huang-xiuying', '黄秀英', 'dept-party', 'sectionChief', '科长', '0377-63176303', ['supervisor', 'admin']),
  person('ma-jun', '马军', 'dept-office', 'principalStaff', '四级主任科员', '0377-63176302', ['admin']),
  person('he-jianguo', '何建国', 'dept-leadership', 'deputyDirector', '副局长', '0377-63176301', ['leader']),
  person('lin-zhiyuan', '林志远', 'dept-leadership', 'director', '局长', '0377-63176301', ['leader']),
  person('qian-tao', '钱涛', 'dept-rural', 'clerk', '科员', '0377-63176307', ['handler']),
];

// Art. 8(4): a matter outside the bureau is referred with the competent agency's contact.
const agencies = [
  {
    id: 'agency-amr',
    name: '南阳市市场监督管理局（南阳市知识产权局）',
    phone: '0377-63135001',
    address: '南阳市卧龙区车站南路 123 号',
    remit: '企业登记注册、产品质量与计量监督、专利和商标等知识产权保护',
    contactPerson: '登记注册科 刘科长',
  },
  {
    id: 'agency-hrss',
    name: '南阳市人力资源和社会保障局',
    phone: '0377-63151002',
    address: '南阳市宛城区新华东路 456 号',
    remit: '社会保险、就业创业扶持、专业技术职称评审、人才引进落户',
    contactPerson: '专业技术人员管理科 杨老师',
  },
  {
    id: 'agency-tax',
    name: '国家税务总局南阳市税务局',
    phone: '0377-63162003',
    address: '南阳市卧龙区七一路 789 号',
    remit: '研发费用加计扣除、高新技术企业所得税优惠的申报与办理',
    contactPerson: '纳税服务科 许老师',
  },
  {
    id: 'agency-ndrc',
    name: '南阳市发展和改革委员会',
    phone: '0377-63139004',
    address: '南阳市宛城区范蠡东路 321 号',
    remit: '固定资产投资项目审批、核准和备案，价格管理',
    contactPerson: '投资科 郭科长',
  },
  {
    id: 'agency-miit',
    name: '南阳市工业和信息化局',
    phone: '0377-63128005',
    address: '南阳市卧龙区人民路 654 号',
    remit: '工业企业技术改造、专精特新中小企业认定、两化融合',
    contactPerson: '中小企业科 韩科长',
  },
  {
    id: 'agency-edu',
    name: '南阳市教育局',
    phone: '0377-63133006',
    address: '南阳市宛城区工农路 987 号',
    remit: '学校设置与招生、教师资格认定、学生资助',
  },
];

const settings = {
  bureauName: '南阳市科学技术局',
  bureauCode: 'NYKJ',
  consultPhone: '0377-63176311',
  complaintPhone: '0377-63176300', // art. 5: the published complaint hotline
  idleLockMinutes: 5,
  escalationAnswerDays: 5, // art. 12: a leader's answer to an escalated matter is told within 5 working days
  nightlySyncAt: '02:30',
  // 公开承诺 (art. 20, issue 16): the bureau's duties as its public commitments page states them, one per line.
  publicDuties: [
    '贯彻落实国家和省科技发展方针政策，拟订全市科技发展规划和年度计划并组织实施。',
    '统筹推进全市科技创新体系建设，负责市级工程技术研究中心、重点实验室、新型研发机构等科技创新平台的认定和管理。',
    '组织实施市级科技计划项目，负责科技计划项目和经费的管理与监督。',
    '负责技术市场管理和技术合同认定登记，推动科技成果登记和科技成果转移转化。',
    '负责高新技术企业认定的市级推荐和科技型中小企业评价工作，促进高新技术产业发展。',
    '负责市科学技术奖的组织实施，负责外国人来华工作许可的受理和审批。',
  ].join('\n'),
};

/** The demo secret of a demo staff member: a password for leaders, supervisors and admins, else the PIN. */
export function demoSecretOf(staffId: string): string {
  const person = staff.find((s) => s.id === staffId);
  if (!person) throw new Error(`no demo staff member ${staffId}`);
  return isPrivilegedStaff(person) ? DEMO_PASSWORD : DEMO_PIN;
}

// A verifier costs ~0.1 s (auth/pinHash.ts) and a test suite seeds many databases, so the demo verifiers are made
// once per process (demo data only: each still has its own salt).
let demoVerifiers: ReadonlyMap<string, string> | undefined;

/** The server-side verifiers of the demo staff's secrets, for staff_credentials (never a reference doc). */
export function buildDemoCredentials(now: number): StaffCredential[] {
  demoVerifiers ??= new Map(staff.map((s) => [s.id, hashSecret(demoSecretOf(s.id))]));
  const updatedAt = new Date(now).toISOString();
  return [...demoVerifiers].map(([staffId, verifier]) => ({ staffId, verifier, updatedAt }));
}

/** A demo department's phone: the catalog gives it as the consult phone of the items the department handles. */
export function demoDepartmentPhone(departmentId: string): string {
  const department = departments.find((d) => d.id === departmentId);
  if (!department) throw new Error(`no demo department ${departmentId}`);
  return department.phone;
}

/**
 * All demo reference docs at rev 1, each checked against the shared schema. `publicRatingBase`: where applicants'
 * phones reach HQ's rating page (issue 13); without it the demo's slips carry the serial alone in their QR code.
 */
export function buildDemoBureau(now: number, publicRatingBase?: string): ReferenceDoc[] {
  const bodies = [
    ...departments.map((d, order) => ({ kind: 'department', id: d.id, body: { ...d, order } })),
    ...staff.map((s) => ({ kind: 'staff', id: s.id, body: s })),
    ...agencies.map((a) => ({ kind: 'agency', id: a.id, body: a })),
    { kind: 'settings', id: SETTINGS_ID, body: { ...settings, ...(publicRatingBase ? { publicRatingBase } : {}) } },
  ];
  const updatedAt = new Date(now).toISOString();
  return bodies.map((d, i) =>
    referenceDocSchema.parse({ ...d, rev: 1, hlc: formatHlc({ ms: now, counter: i, node: 'hq' }), updatedAt }),
  );
}
