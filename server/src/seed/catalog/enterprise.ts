import { conditional, required, WINDOW, type ItemDraft } from './draft.ts';

// Enterprise qualifications the city reviews first and forwards to the province: the science-and-technology
// SME evaluation and the high-tech enterprise recognition. Both handled by 高新技术发展及产业化科.

const SCAN = '电子扫描件 PDF，上传服务平台';
const SEAL_COPY = '纸质 A4 复印件，加盖企业公章';

export const techSmeEvaluation: ItemDraft = {
  id: 'tech-sme-evaluation',
  name: '科技型中小企业评价入库（初审）',
  category: 'enterprise',
  legalBasis: '《中华人民共和国中小企业促进法》；《科技型中小企业评价办法》（国科发政〔2017〕115号）',
  conditions: [
    '在中国境内（不包括港、澳、台地区）注册的居民企业，注册地在南阳市',
    '职工总数不超过 500 人、年销售收入不超过 2 亿元、资产总额不超过 2 亿元',
    '企业提供的产品和服务不属于国家规定的禁止、限制和淘汰类',
    '企业在填报上一年及当年内未发生重大安全、重大质量事故和严重环境违法、科研严重失信行为，且未列入经营异常名录和严重违法失信企业名单',
    '按科技人员、研发投入、科技成果三类指标评价得分不低于 60 分，且科技人员指标不为 0 分；或符合直接确认条件（有效期内的高新技术企业资格、近五年获国家级科技奖励并在获奖单位中排名前三、拥有经认定的省部级以上研发机构、近五年主导制定过国际标准、国家标准或行业标准之一）',
  ],
  procedure: [
    { name: '企业登录“科技型中小企业服务平台”注册，在线填报评价信息并上传材料' },
    { name: '市科学技术局对填报信息进行初审，需补正的一次性告知', limitDays: 8 },
    { name: '初审通过的报省科学技术厅审核，经公示无异议的予以入库并赋予入库登记编号', limitDays: 2 },
    { name: '企业在服务平台查询入库结果' },
  ],
  materials: [
    required('business-license', '营业执照', 0, 1, SCAN),
    required('tax-return', '上一年度企业所得税年度纳税申报表（含研发费用加计扣除优惠明细表）', 0, 1, SCAN),
    required('staff-list', '科技人员名单及劳动合同或社会保险缴纳证明', 0, 1, 'Excel 名单及证明材料扫描件'),
    conditional(
      'ip-certificates',
      '知识产权证书（发明专利、实用新型专利、软件著作权等）',
      0,
      1,
      SCAN,
      '评价指标中填报了知识产权时',
    ),
    conditional(
      'direct-proof',
      '直接确认条件的证明（高新技术企业证书、国家级科技奖励证书、省部级以上研发机构认定文件或主导制定标准的证明）',
      0,
      1,
      SCAN,
      '按直接确认条件申请时',
    ),
    required('commitment', '企业信息真实性承诺书', 1, 0, '法定代表人签字并加盖公章后扫描上传', {
      sampleRef: '服务平台“下载中心”模板',
    }),
  ],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  departmentId: 'dept-high-tech',
  submitAt: '科技型中小企业服务平台在线提交；咨询请到' + WINDOW,
};

export const highTechEnterpriseRecommendation: ItemDraft = {
  id: 'high-tech-enterprise-recommendation',
  name: '高新技术企业认定推荐（市级初审）',
  category: 'enterprise',
  legalBasis:
    '《中华人民共和国企业所得税法》及其实施条例；《高新技术企业认定管理办法》（国科发火〔2016〕32号）；' +
    '《高新技术企业认定管理工作指引》（国科发火〔2016〕195号）',
  conditions: [
    '在中国境内（不包括港、澳、台地区）注册一年以上的居民企业，注册地在南阳市',
    '通过自主研发、受让、受赠、并购等方式，拥有对其主要产品（服务）在技术上发挥核心支持作用的知识产权的所有权',
    '对主要产品（服务）发挥核心支持作用的技术属于《国家重点支持的高新技术领域》规定的范围',
    '从事研发和相关技术创新活动的科技人员占企业当年职工总数的比例不低于 10%',
    '近三个会计年度研究开发费用总额占同期销售收入总额的比例符合要求（最近一年销售收入小于 5000 万元的不低于 5%，5000 万元至 2 亿元的不低于 4%，2 亿元以上的不低于 3%），其中在中国境内发生的研究开发费用不低于 60%',
    '近一年高新技术产品（服务）收入占企业同期总收入的比例不低于 60%',
    '企业创新能力评价达到相应要求',
    '申请认定前一年内未发生重大安全、重大质量事故或严重环境违法行为',
  ],
  procedure: [
    { name: '企业登录“高新技术企业认定管理工作网”注册，在线填报认定申请并上传材料' },
    { name: '向市科学技术局窗口提交纸质申请材料一套，窗口核对后受理，或一次性告知需补正的材料' },
    { name: '市科学技术局进行初审（形式审查和真实性核查），出具推荐意见', limitDays: 8 },
    { name: '推荐材料报省高新技术企业认定管理机构，由其组织专家评审、认定、公示和备案', limitDays: 2 },
    { name: '认定结果以省认定机构公告为准' },
  ],
  materials: [
    required(
      'application-form',
      '高新技术企业认定申请书',
      1,
      0,
      '工作网填报后打印，纸质 A4，法定代表人签字并加盖企业公章',
    ),
    required('business-license', '营业执照', 0, 1, SEAL_COPY),
    required('ip-materials', '知识产权相关材料（证书、授权通知书及年费缴纳凭证等）', 0, 1, SEAL_COPY),
    required('rd-projects', '科研项目立项证明、科技成果转化、研究开发的组织管理等相关材料', 0, 1, SEAL_COPY),
    required(
      'products',
      '高新技术产品（服务）的关键技术和技术指标说明，相关的生产批文、认证认可和资质证书、产品质量检验报告等',
      0,
      1,
      SEAL_COPY,
    ),
    required('staff', '企业职工和科技人员情况说明材料', 0, 1, SEAL_COPY, {
      notes: '含在职、兼职和临时聘用人员，附社会保险缴纳或累计工作时间证明',
    }),
    required(
      'special-audits',
      '近三个会计年度研究开发费用、近一个会计年度高新技术产品（服务）收入专项审计或鉴证报告',
      1,
      0,
      '纸质 A4，由符合条件的中介机构出具',
      { notes: '附中介机构具备资质的证明材料' },
    ),
    required(
      'financial-reports',
      '近三个会计年度的财务会计报告（包括会计报表、会计报表附注和财务情况说明书）',
      0,
      1,
      SEAL_COPY,
      { notes: '实际经营不满三年的，按实际经营年限提供' },
    ),
    required('tax-returns', '近三个会计年度企业所得税年度纳税申报表', 0, 1, SEAL_COPY),
  ],
  statutoryLimitDays: 20,
  promisedLimitDays: 10,
  departmentId: 'dept-high-tech',
  submitAt: WINDOW,
};
