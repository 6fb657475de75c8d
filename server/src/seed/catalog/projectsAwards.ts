import { conditional, required, WINDOW, type ItemDraft } from './draft.ts';

// Municipal programmes: project applications (the window checks form and completeness; experts judge the
// substance later) and nominations for the city's science and technology award. 政策法规与创新体系科.

const SEAL = '纸质 A4，加盖申报单位公章';

export const cityProjectApplication: ItemDraft = {
  id: 'city-project-application',
  name: '市级科技计划项目申报（形式审查）',
  category: 'project',
  legalBasis:
    '《中华人民共和国科学技术进步法》；《国务院关于改进加强中央财政科研项目和资金管理的若干意见》（国发〔2014〕11号）；' +
    '南阳市市级科技计划项目管理有关规定及当年度项目申报指南',
  conditions: [
    '申报单位为在南阳市行政区域内注册、具有独立法人资格的企业、高等学校、科研院所或其他事业单位',
    '项目符合当年度申报指南的支持方向和具体要求',
    '申报单位具备完成项目所需的研究开发条件；企业牵头的项目有相应的自筹资金',
    '项目负责人具有完成项目的能力和时间，同期主持在研的市级科技计划项目不超过 1 项',
    '申报单位和项目负责人无科研严重失信记录，未被列入失信联合惩戒对象名单',
    '同一项目未通过其他财政资金渠道重复申报',
  ],
  procedure: [
    { name: '按当年度申报通知，在“南阳市科技项目管理系统”在线填报项目申报书' },
    { name: '经所在县（市、区）科技主管部门或市直主管部门审核推荐' },
    { name: '向市科学技术局窗口提交纸质申报材料，窗口进行形式审查', limitDays: 5 },
    { name: '形式审查合格的进入专家评审；不合格的一次性告知原因和需补正的内容', limitDays: 5 },
    { name: '经专家评审、局务会研究和社会公示后下达立项计划' },
  ],
  materials: [
    required('proposal', '项目申报书', 1, 0, '系统生成后打印，纸质 A4 双面，加盖申报单位公章'),
    required('license', '营业执照或事业单位法人证书', 0, 1, SEAL),
    required('recommendation', '推荐单位推荐意见', 1, 0, '由县（市、区）科技主管部门或市直主管部门出具并盖章'),
    required('integrity-commitment', '科研诚信承诺书', 1, 0, '单位法定代表人和项目负责人签字，加盖公章', {
      sampleRef: '当年度申报指南附件',
    }),
    conditional('financial-statements', '上一年度财务审计报告或财务报表', 0, 1, SEAL, '申报单位为企业时'),
    conditional('cooperation-agreement', '合作协议', 0, 1, SEAL, '两个以上单位联合申报时', {
      notes: '须写明各方任务分工、经费分配和知识产权归属',
    }),
    conditional(
      'ethics-approval',
      '伦理审查、生物安全或实验动物等审批、备案材料',
      0,
      1,
      SEAL,
      '项目涉及人体研究、实验动物、病原微生物等时',
    ),
  ],
  // art. 16: no law or regulation sets a limit for accepting a 科技计划项目 application; the bureau's promise stands alone.
  promisedLimitDays: 10,
  departmentId: 'dept-policy',
  submitAt: WINDOW,
};

export const cityAwardNomination: ItemDraft = {
  id: 'city-sci-tech-award-nomination',
  name: '市科学技术奖提名',
  category: 'award',
  legalBasis:
    '《中华人民共和国科学技术进步法》；《国家科学技术奖励条例》；《河南省科学技术奖励办法》；' +
    '南阳市科学技术奖励有关规定及年度提名工作通知',
  conditions: [
    '项目的主要完成单位在南阳市，或项目主要在南阳市实施应用',
    '技术开发和推广应用类项目须经实际应用两年以上，取得显著的经济效益或社会效益',
    '项目知识产权清晰，完成单位和完成人的排序无争议',
    '同一项目不得同时提名两个以上奖种；已获省部级以上科学技术奖的项目不再提名',
    '由具备提名资格的单位或专家提名，提名者对提名材料的真实性负责',
  ],
  procedure: [
    { name: '提名者登录“南阳市科学技术奖励管理系统”填写提名书并上传附件' },
    { name: '项目在完成单位内部公示不少于 5 个工作日' },
    { name: '向市科学技术局窗口提交纸质提名材料，窗口进行形式审查', limitDays: 5 },
    { name: '形式审查合格的提交评审委员会评审，不合格的一次性告知', limitDays: 10 },
    { name: '评审结果经公示、报市人民政府批准后授奖' },
  ],
  materials: [
    required('nomination-form', '南阳市科学技术奖提名书', 1, 0, '系统导出后打印，纸质 A4 双面，提名者签字盖章'),
    required('ip-proof', '主要知识产权和标准规范目录及证明材料', 0, 1, SEAL),
    required('application-proof', '应用证明', 1, 0, '纸质 A4，由应用单位出具并加盖公章', {
      notes: '每份应用证明须写明应用时间、规模和取得的效益',
    }),
    required('evaluation', '评价证明（项目验收报告、鉴定证书或第三方评价报告等）', 0, 1, SEAL),
    required('publicity-proof', '完成单位内部公示情况证明', 1, 0, SEAL),
    conditional(
      'economic-proof',
      '经济效益证明',
      1,
      0,
      '纸质 A4，由完成单位财务部门出具并加盖财务专用章',
      '提名书中填报了经济效益数据时',
    ),
    conditional('cooperation-statement', '完成人合作关系说明', 1, 0, SEAL, '完成单位或完成人为两个以上时'),
  ],
  // art. 16: no law or regulation sets a limit for accepting an award nomination; the bureau's promise stands alone.
  promisedLimitDays: 15,
  departmentId: 'dept-policy',
  submitAt: WINDOW,
};
