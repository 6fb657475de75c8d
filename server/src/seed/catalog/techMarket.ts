import { conditional, required, WINDOW, type ItemDraft } from './draft.ts';

// The technology market: contract registration (the basis of the tax relief on technology transfer income)
// and the registration of scientific and technological achievements. Both handled by 科技成果转化与区域创新科.

const SEAL = '纸质 A4，加盖申请单位公章';

export const techContractRegistration: ItemDraft = {
  id: 'tech-contract-registration',
  name: '技术合同认定登记',
  category: 'techContract',
  legalBasis:
    '《中华人民共和国民法典》第三编第二十章（技术合同）；《中华人民共和国促进科技成果转化法》；' +
    '《技术合同认定登记管理办法》（国科发政字〔2000〕063号）；《技术合同认定规则》（国科发政字〔2001〕253号）',
  conditions: [
    '申请人为技术合同的卖方（技术开发合同的研究开发人，技术转让、技术许可合同的让与人或许可人，技术咨询、技术服务合同的受托人），在南阳市行政区域内依法登记',
    '合同已依法成立，属于技术开发、技术转让、技术许可、技术咨询或技术服务合同',
    '合同标的明确、条款完整，技术内容符合《技术合同认定规则》的认定条件',
    '同一合同未在其他技术合同登记机构办理过认定登记（按地域一次登记）',
  ],
  procedure: [
    { name: '在“全国技术合同网上登记系统”填报合同信息，打印技术合同认定登记表' },
    { name: '到市科学技术局窗口提交纸质材料，窗口核对后当场受理，或一次性告知需补正的材料' },
    { name: '技术合同登记机构按《技术合同认定规则》审查认定', limitDays: 3 },
    { name: '符合条件的予以登记，出具技术合同认定登记证明并加盖技术合同登记专用章', limitDays: 1 },
    { name: '窗口通知申请人领取登记证明；不予登记的，书面告知理由', limitDays: 1 },
  ],
  materials: [
    required('contract-text', '技术合同文本', 1, 1, '纸质 A4，双方签字并加盖公章或合同专用章，多页的加盖骑缝章', {
      notes: '原件核验后退还，复印件留存',
    }),
    required('registration-form', '技术合同认定登记表', 1, 0, SEAL, {
      sampleRef: '全国技术合同网上登记系统填报后打印',
    }),
    required('business-license', '营业执照或法人登记证书', 0, 1, SEAL),
    conditional('authorization', '经办人授权委托书及身份证', 1, 1, SEAL, '非法定代表人本人办理时', {
      notes: '委托书为原件，身份证为复印件',
      sampleRef: '窗口领取或在局门户网站“办事指南”下载',
    }),
    conditional(
      'ownership-proof',
      '专利证书、计算机软件著作权登记证书等权属证明',
      0,
      1,
      SEAL,
      '技术转让、技术许可合同涉及专利、软件著作权、植物新品种权等知识产权时',
    ),
    conditional(
      'technical-annex',
      '合同技术附件（技术方案、任务书、验收标准等）',
      0,
      1,
      SEAL,
      '合同正文约定以附件明确技术内容或验收标准时',
    ),
  ],
  statutoryLimitDays: 20,
  promisedLimitDays: 5,
  departmentId: 'dept-transfer',
  submitAt: WINDOW,
};

export const achievementRegistration: ItemDraft = {
  id: 'achievement-registration',
  name: '科技成果登记',
  category: 'other',
  legalBasis: '《中华人民共和国促进科技成果转化法》；《科技成果登记办法》（科学技术部发布）',
  conditions: [
    '成果的第一完成单位或第一完成人所在单位在南阳市',
    '成果属于应用技术成果、基础理论成果或软科学研究成果，权属清楚、无争议',
    '应用技术成果有评价证明和研制报告，或有知识产权证明和用户证明',
    '基础理论成果有学术论文、学术专著、本单位学术部门的评价意见和论文发表后被引用的证明',
    '软科学研究成果有评审或验收意见及采纳证明',
    '涉及国家秘密的成果，按国家科学技术保密的有关规定办理',
  ],
  procedure: [
    { name: '在科技成果登记系统在线填报《科技成果登记表》并打印' },
    { name: '到市科学技术局窗口提交纸质材料，窗口核对后当场受理，或一次性告知需补正的材料' },
    { name: '登记机构审查，符合条件的予以登记并赋予成果登记号', limitDays: 4 },
    { name: '出具科技成果登记证明，通知申请人领取', limitDays: 1 },
  ],
  materials: [
    required('registration-form', '科技成果登记表', 1, 0, '系统打印，纸质 A4，加盖完成单位公章'),
    conditional(
      'evaluation-proof',
      '评价证明（鉴定证书或鉴定报告、科技计划项目验收报告、行业准入证明、新产品证书等）',
      0,
      1,
      SEAL,
      '应用技术成果以评价证明登记时',
    ),
    conditional('research-report', '研制报告', 0, 1, SEAL, '应用技术成果以评价证明登记时'),
    conditional(
      'ip-proof',
      '知识产权证明（专利证书、植物新品种权证书、软件著作权登记证书等）及用户证明',
      0,
      1,
      SEAL,
      '应用技术成果以知识产权证明登记时',
      { notes: '用户证明由使用单位出具并加盖公章' },
    ),
    conditional('papers', '学术论文、学术专著及论文被引用的证明', 0, 1, SEAL, '基础理论成果'),
    conditional('academic-opinion', '本单位学术部门的评价意见', 1, 0, SEAL, '基础理论成果'),
    conditional('adoption-proof', '评审或验收意见及采纳证明', 0, 1, SEAL, '软科学研究成果'),
  ],
  // art. 16: no law or regulation sets a limit for 科技成果登记; the bureau's promise stands alone.
  promisedLimitDays: 5,
  departmentId: 'dept-transfer',
  submitAt: WINDOW,
};
