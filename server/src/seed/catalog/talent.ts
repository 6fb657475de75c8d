import { conditional, required, WINDOW, type ItemDraft } from './draft.ts';

// Foreign experts: since the 2017 reform the science and technology administration issues the work permit
// of foreigners working in China (外国人来华工作许可); the city bureau is the accepting office. 对外科技交流科.

const TRANSLATED = '外文材料须附中文翻译件，并加盖用人单位公章';

export const foreignWorkPermit: ItemDraft = {
  id: 'foreign-work-permit',
  name: '外国人来华工作许可',
  category: 'talent',
  legalBasis:
    '《中华人民共和国出境入境管理法》；《外国人在中国就业管理规定》；《外国人来华工作许可服务指南（暂行）》；《外国人来华工作分类标准（试行）》',
  conditions: [
    '年满 18 周岁，身体健康，无犯罪记录',
    '境内有确定的用人单位，用人单位依法设立，无严重违法失信记录',
    '具有从事其工作所必需的专业技能或相适应的工作资历',
    '所从事的工作符合我国经济社会发展需要，为国内急需紧缺的专业人员',
    '按《外国人来华工作分类标准（试行）》属于外国高端人才（A 类）、外国专业人才（B 类）或符合规定的其他外国人员（C 类）',
  ],
  procedure: [
    { name: '用人单位在“外国人来华工作管理服务系统”注册，在线提交申请' },
    { name: '市科学技术局在线预审，通过后通知用人单位到窗口提交纸质材料', limitDays: 3 },
    { name: '窗口核验材料原件，当场受理或一次性告知需补正的材料' },
    { name: '审查后作出准予许可或不予许可的决定；准予许可的，出具外国人来华工作许可通知', limitDays: 7 },
    { name: '申请人持通知办理工作签证入境，入境后申领外国人工作许可证' },
  ],
  materials: [
    required('application-form', '外国人来华工作许可申请表', 1, 0, '系统在线填写后打印，申请人签字，用人单位加盖公章'),
    required('work-experience', '工作资历证明', 1, 0, '纸质 A4 原件', { notes: TRANSLATED }),
    required(
      'degree',
      '最高学位（学历）证书或相关批准书、职业资格证明',
      0,
      1,
      '经我国驻外使（领）馆认证，或按规定办理附加证明书',
      { notes: `在中国境内取得的学历学位无需认证；${TRANSLATED}` },
    ),
    required(
      'no-criminal-record',
      '无犯罪记录证明',
      1,
      0,
      '申请人国籍国或经常居住地国出具，经认证；出具后 6 个月内有效',
      {
        notes: TRANSLATED,
      },
    ),
    required('medical', '体检证明', 1, 0, '出具后 6 个月内有效', {
      notes: '境外体检报告须经我国认可的卫生检疫机构确认',
    }),
    required('contract', '聘用合同或任职证明', 0, 1, '纸质 A4，加盖用人单位公章', {
      notes: '写明工作地点、岗位、期限和薪酬',
    }),
    required('passport', '护照或国际旅行证件', 0, 1, '个人资料页复印件', { notes: '窗口核验原件后退还' }),
    required('photo', '申请人近期正面免冠照片', 1, 0, '6 个月内拍摄的彩色证件照，电子版上传系统'),
    conditional('dependents', '随行家属关系证明', 0, 1, '经认证的复印件', '有随行家属时', { notes: TRANSLATED }),
  ],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  // The one licence of the demo catalog: 外国人来华工作许可 is on the State Council's list of administrative
  // licences (set by 出境入境管理法 art. 41), so 行政许可法 §32 and §45 apply to it. The other demo items are
  // recognitions, registrations, filings, recommendations and applications for funding or awards — not licences.
  administrativeLicence: true,
  departmentId: 'dept-international',
  submitAt: WINDOW,
};
