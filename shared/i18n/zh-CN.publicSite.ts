// 简体中文：局机关服务器上的公开承诺网站（《南阳市科学技术局政务服务规范》第二十条至第二十三条）。
// 承诺的文字照录《规范》原文；各事项的内容取自已发布的办事指南（shared/rules/guide/compose.ts）。
export const zhCNPublicSite = {
  siteTitle: '{{bureau}}政务服务公开承诺',
  intro:
    '根据《南阳市科学技术局政务服务规范》第二十条至第二十三条，本局根据工作职能，对工作职责、办事程序等事项向社会作出公开承诺，并严格按照承诺开展工作。',
  dutiesHeading: '工作职责',
  commitmentsHeading: '服务承诺',
  commitments: [
    {
      heading: '首问负责（第六条、第八条）',
      quotes: [
        '服务对象办事、咨询时，首位接受询问的工作人员必须解答或者转交有关人员办理。',
        '对服务对象提出的问题，无论是否属于本人职责范围内的工作，都要热情接待、问清情况，不得以任何理由推诿、搪塞、拒绝。',
      ],
    },
    {
      heading: '一次性告知（第十条、第十一条）',
      quotes: [
        '办事人首次申请办理事项时，工作人员即一次性告知所办事需要的材料、程序和时限等内容。',
        '对符合规定且材料齐全的申办事项，或者申请人按照要求提交全部补正材料的，应及时受理。对申请材料不齐全或者不符合规定形式的，应立即告知办事人予以补正。',
      ],
    },
    {
      heading: '限时办结（第十四条至第十九条）',
      quotes: [
        '在向办事人提供审批、审核或其他政务服务时，必须在承诺的时限内办结或者予以答复。',
        '凡法规政策有明确时限规定的，必须在规定时限内办结。法规政策没有规定时限的，要本着便民利企、优质高效的原则，承诺办理时限。',
        '因特殊原因确需延长办结时限的，经办人员要按照有关规定报领导批准，并将延期的原因和延长时限告知办事人。',
        '本制度所称办结时限，均为法定工作日。',
      ],
    },
    {
      heading: '公开承诺（第二十条至第二十三条）',
      quotes: [
        '公开承诺应包括以下内容：服务事项、工作流程、收费依据和标准、投诉方式等。',
        '要通过网站、公告栏、发放明白纸等方式对承诺内容进行公开。',
      ],
    },
    {
      heading: '服务回访（第二十七条）',
      quotes: [
        '依申请的政务服务事项在办理结束后，及时联系申请人或申请单位，核实诉求办理结果，征求申请人对办理结果是否满意等意见建议。',
      ],
    },
    {
      heading: '投诉监督（第五条、第三十一条）',
      quotes: [
        '设立投诉举报电话，加强对全局工作人员遵守文明服务规范的社会监督。',
        '凡受到服务对象、群众投诉的，由局领导研究确定派人进行调查核实，经核查属实的，追究相关责任人的责任。',
      ],
    },
  ],
  itemsHeading: '服务事项',
  itemsNone: '目前没有已发布的服务事项。',
  itemColumns: { item: '事项名称', promised: '承诺时限', statutory: '法定时限', fee: '收费标准' },
  complaintHeading: '投诉与监督',
  complaintLine: '投诉举报电话：{{phone}}',
  consultLine: '咨询电话：{{phone}}',
  catalogDate: '服务事项目录更新于{{date}}。',
  privacy: '本网站只公开本局的服务承诺和办事指南，不收集、不显示任何个人信息。',
  otherLanguage: 'English',
  home: '公开承诺',
  guideVersions: '版本记录',
  versionEntry: '第{{rev}}版，{{date}}发布',
  currentMark: '（现行有效）',
  supersededNotice: '本版本已被第{{next}}版取代，不再作为办理依据，仅供查阅。',
  currentLink: '查看现行有效版本',
  inactiveNotice: '本事项目前已停止受理。',
  notFoundTitle: '页面不存在',
  notFound: '没有找到这个服务事项或版本，可能链接有误。',
  backHome: '返回公开承诺首页',
  formDownload: '{{kind}}：{{name}}（{{fileName}}，{{size}}）',
  materialRequirement: '（{{requirement}}）',
  materialSeparator: '；',
  materialCopies: '份数：{{copies}}',
  materialFormat: '要求：{{format}}',
  printHint: '可直接打印本页。',
};
