import { conditional, required, WINDOW, type ItemDraft } from './draft.ts';

// Innovation platforms the city recognises or registers: engineering technology research centres, key
// laboratories and new-type R&D institutions. Each is reviewed by experts, often on site, after the window
// has checked the application for completeness.

const SEAL = '纸质 A4，加盖依托单位公章';
const PLATFORM_PROCEDURE = [
  { name: '依托单位按年度申报通知填写申请书，经所在县（市、区）科技主管部门或市直主管部门审核推荐' },
  { name: '向市科学技术局窗口提交纸质材料，窗口进行形式审查，需补正的一次性告知' },
  { name: '组织专家进行材料评审，必要时现场考察', limitDays: 10 },
  { name: '经局务会研究并公示无异议后，发文认定', limitDays: 5 },
];

export const engineeringCenterRecognition: ItemDraft = {
  id: 'engineering-center-recognition',
  name: '市级工程技术研究中心认定',
  category: 'platform',
  legalBasis:
    '《中华人民共和国科学技术进步法》；《中华人民共和国促进科技成果转化法》；南阳市工程技术研究中心认定与管理有关规定及年度申报通知',
  conditions: [
    '依托单位为在南阳市注册、具有独立法人资格的企业、高等学校或科研院所，运行管理规范',
    '在本行业领域具有较强的技术优势和工程化开发能力，有明确的研究开发方向',
    '有固定的研发场所和必要的仪器设备，研发用房面积和设备原值达到年度申报通知的要求',
    '有结构合理的研发团队，专职研发人员不少于 10 人',
    '依托单位为企业的，上年度研究开发费用占销售收入的比例不低于 3%',
    '有健全的研发组织管理制度和产学研合作机制',
  ],
  procedure: PLATFORM_PROCEDURE,
  materials: [
    required('application', '南阳市工程技术研究中心认定申请书', 1, 0, SEAL),
    required('license', '依托单位营业执照或法人证书', 0, 1, SEAL),
    required('audit-report', '上年度财务审计报告（含研究开发费用明细）', 0, 1, SEAL),
    required('team', '研发人员名单及学历、职称证明', 0, 1, SEAL),
    required('equipment', '主要研发仪器设备清单及购置凭证', 0, 1, SEAL, {
      notes: '单台（套）原值 5 万元以上的附发票复印件',
    }),
    required('site-proof', '研发场所产权证明或租赁合同', 0, 1, SEAL),
    required('achievements', '近三年承担科研项目、取得知识产权和科技成果的证明材料', 0, 1, SEAL),
    conditional('cooperation-agreement', '产学研合作协议', 0, 1, SEAL, '与高等学校、科研院所共建时'),
  ],
  statutoryLimitDays: 20,
  promisedLimitDays: 15,
  departmentId: 'dept-high-tech',
  submitAt: WINDOW,
};

export const keyLabRecognition: ItemDraft = {
  id: 'key-lab-recognition',
  name: '市级重点实验室认定',
  category: 'platform',
  legalBasis:
    '《中华人民共和国科学技术进步法》；《国家重点实验室建设与运行管理办法》；南阳市重点实验室认定与管理有关规定及年度申报通知',
  conditions: [
    '依托单位为在南阳市注册的高等学校、科研院所、医疗卫生机构或创新能力较强的企业',
    '研究方向明确，主要开展应用基础研究和前沿技术研究，在本领域具有较高的学术水平',
    '实验室主任具有高级专业技术职称，固定研究人员不少于 10 人',
    '实验用房相对集中，科研仪器设备较为齐全',
    '近三年承担过市级以上科研项目，取得较好的研究成果',
    '有健全的开放运行和管理制度',
  ],
  procedure: PLATFORM_PROCEDURE,
  materials: [
    required('application', '南阳市重点实验室认定申请书', 1, 0, SEAL),
    required('license', '依托单位法人证书或营业执照', 0, 1, SEAL),
    required('director', '实验室主任及学术带头人简历和职称证明', 0, 1, SEAL),
    required('researchers', '固定研究人员名单', 1, 0, SEAL),
    required('equipment', '主要科研仪器设备清单', 1, 0, SEAL),
    required('achievements', '近三年承担科研项目和取得研究成果的证明材料', 0, 1, SEAL),
    required('rules', '实验室开放运行和管理制度', 0, 1, SEAL),
    required('support-commitment', '依托单位支持承诺书', 1, 0, SEAL, {
      notes: '写明对实验室运行经费、用房和人员的保障',
    }),
  ],
  statutoryLimitDays: 20,
  promisedLimitDays: 15,
  departmentId: 'dept-social',
  submitAt: WINDOW,
};

export const newRdInstitutionFiling: ItemDraft = {
  id: 'new-rd-institution-filing',
  name: '市级新型研发机构备案',
  category: 'platform',
  legalBasis:
    '《中华人民共和国科学技术进步法》；科学技术部《关于促进新型研发机构发展的指导意见》；南阳市新型研发机构备案有关规定',
  conditions: [
    '在南阳市注册的独立法人机构，主要办公和科研场所设在南阳市',
    '以科学研究、技术创新和研发服务为主营业务，投资主体多元、管理制度现代、运行机制市场化、用人机制灵活',
    '有稳定的研发经费来源，上年度研究开发经费支出占年收入总额的比例达到备案通知的要求',
    '研发人员占职工总数的比例不低于 30%',
    '具备开展研发活动必需的场所、仪器设备和条件',
    '近两年无重大违法违规行为和严重失信记录',
  ],
  procedure: [
    { name: '机构按备案通知填写备案申请表，经所在县（市、区）科技主管部门审核推荐' },
    { name: '向市科学技术局窗口提交备案材料，窗口核对后受理，或一次性告知需补正的材料' },
    { name: '市科学技术局审核，必要时进行现场核查', limitDays: 10 },
    { name: '符合条件的予以备案，并在局门户网站公布备案名单', limitDays: 5 },
  ],
  materials: [
    required('filing-form', '南阳市新型研发机构备案申请表', 1, 0, '纸质 A4，加盖机构公章'),
    required(
      'legal-certificate',
      '法人登记证书（营业执照、事业单位法人证书或民办非企业单位登记证书）',
      0,
      1,
      '纸质 A4，加盖机构公章',
    ),
    required('articles', '机构章程和主要管理制度', 0, 1, '纸质 A4，加盖机构公章'),
    required('audit-report', '上年度财务审计报告', 0, 1, '纸质 A4，加盖机构公章', { notes: '须单列研究开发经费支出' }),
    required('staff', '研发人员名单及学历、职称和社会保险缴纳证明', 0, 1, '纸质 A4，加盖机构公章'),
    required('site-equipment', '研发场所证明及主要仪器设备清单', 0, 1, '纸质 A4，加盖机构公章'),
    conditional('joint-agreement', '共建协议', 0, 1, '纸质 A4，加盖各方公章', '由多方共建时'),
  ],
  statutoryLimitDays: 20,
  promisedLimitDays: 15,
  departmentId: 'dept-policy',
  submitAt: WINDOW,
};
