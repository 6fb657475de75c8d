import type { z } from 'zod';
import type { serviceItemSchema } from '../../../../shared/model/catalog.ts';
import { ACHIEVEMENT_FORM } from '../demoForms.ts';

// 办事指南 elements of the demo items (issue 16 item 1): what the province's implementation list and the hall's
// guide state besides the checklist — the item's code, who may apply, the hall's address and hours, visits, the
// result and how it is delivered, special steps and whether they count in the limit, and the questions a clerk at
// the window really hears. Codes follow the implementation list's pattern (the bureau's 统一社会信用代码 + the item's
// basic code); all invented for the demo. One item attaches a blank form: a PDF made at seed time (demoForms.ts) and
// stored in HQ's guide_files with the catalog (firstRun.ts), as an administrator's upload would be.

type ItemInput = z.input<typeof serviceItemSchema>;
export type GuideElements = Required<
  Pick<
    ItemInput,
    | 'code'
    | 'applicants'
    | 'address'
    | 'hours'
    | 'openOnHolidays'
    | 'result'
    | 'visits'
    | 'specialSteps'
    | 'faq'
    | 'forms'
  >
>;

/** The demo bureau's 统一社会信用代码 (机关 11, 南阳市 411300), the prefix of its items' 实施编码. */
const BUREAU_CREDIT_CODE = '11411300MB1533462P';
const code = (basic: string) => `${BUREAU_CREDIT_CODE}${basic}`;

/** The city's service centre, where the bureau's window is (WINDOW in draft.ts). */
export const HALL_ADDRESS = '河南省南阳市宛城区光武东路 1888 号';
export const HALL_HOURS = '工作日 上午 9:00–12:00，下午 13:30–17:00（夏季 15:00–18:00）';

const hall: Pick<GuideElements, 'address' | 'hours' | 'openOnHolidays' | 'forms'> = {
  address: HALL_ADDRESS,
  hours: HALL_HOURS,
  openOnHolidays: false,
  forms: [],
};

export const DEMO_GUIDES: Readonly<Record<string, GuideElements>> = {
  'tech-contract-registration': {
    ...hall,
    code: code('4000117001000'),
    applicants: ['legal', 'natural'],
    visits: 1,
    result: { name: '《技术合同登记证明》', delivery: ['window', 'post'] },
    specialSteps: [],
    faq: [
      {
        question: '合同已经履行完了，还能登记吗？',
        answer:
          '可以登记，但只有在合同有效期内登记的，才能按规定享受技术转让所得和技术开发收入的税收优惠；建议合同签订后尽早登记。',
      },
      {
        question: '买方可以来登记吗？',
        answer: '技术合同由卖方（研究开发人、让与人、许可人或受托人）申请认定登记，买方不作为登记申请人。',
      },
      {
        question: '登记证明丢了怎么办？',
        answer: '由原申请单位出具情况说明并加盖公章，到窗口申请补开登记证明，按原登记号出具，不另收费。',
      },
    ],
  },
  'tech-sme-evaluation': {
    ...hall,
    code: code('4000117005000'),
    applicants: ['legal'],
    visits: 0,
    result: { name: '科技型中小企业入库登记编号（服务平台公告）', delivery: ['electronic'] },
    specialSteps: [{ name: '省科学技术厅审核及入库公示', limitDays: 10, countsInLimit: false }],
    faq: [
      {
        question: '需要到窗口交纸质材料吗？',
        answer: '不需要。全部材料在“科技型中小企业服务平台”在线填报、上传，审核结果在平台查询，全程不用跑窗口。',
      },
      {
        question: '入库登记编号有效期多长？',
        answer: '入库当年有效。企业每年都要重新填报评价信息，上一年度的编号不能用于当年享受研发费用加计扣除优惠。',
      },
      {
        question: '被退回修改后多久再提交？',
        answer: '按平台提示修改后即可重新提交，市科学技术局重新初审的时间仍按承诺时限计算。',
      },
    ],
  },
  'high-tech-enterprise-recommendation': {
    ...hall,
    code: code('4000117002000'),
    applicants: ['legal'],
    visits: 1,
    result: { name: '市级初审推荐意见（认定结果以省认定机构公告为准）', delivery: ['electronic'] },
    specialSteps: [{ name: '省认定机构组织专家评审、认定和公示', countsInLimit: false }],
    faq: [
      {
        question: '专项审计报告必须找哪家中介机构出具？',
        answer:
          '可自主选择符合《高新技术企业认定管理工作指引》条件的会计师事务所或税务师事务所，本局不指定中介机构，也不收取任何费用。',
      },
      {
        question: '市里初审通过是不是就认定了？',
        answer: '不是。市级初审只出具推荐意见，是否认定由省认定机构组织评审后公示、公告，以省里公布的名单为准。',
      },
      {
        question: '纸质材料交几套？',
        answer: '向窗口提交一套，与网上上传的电子材料一致，按申请材料清单的顺序装订。',
      },
    ],
  },
  'city-project-application': {
    ...hall,
    code: code('4000117008000'),
    applicants: ['legal'],
    visits: 1,
    result: { name: '形式审查结论（合格的进入专家评审）', delivery: ['electronic', 'window'] },
    specialSteps: [
      { name: '专家评审', countsInLimit: false },
      { name: '立项社会公示', limitDays: 5, countsInLimit: false },
    ],
    faq: [
      {
        question: '个人可以申报市级科技计划项目吗？',
        answer: '不可以。申报单位应是在南阳市注册的企业、高校、科研院所等法人单位，项目负责人须是申报单位的在职人员。',
      },
      {
        question: '一个负责人可以同时申报几个项目？',
        answer: '同一年度只能作为负责人申报一个项目；同期已主持 1 项在研市级科技计划项目的，不能再作为负责人申报。',
      },
      {
        question: '形式审查没通过还能改吗？',
        answer: '在申报截止日前，窗口一次性告知需补正的内容，补正后可以重新提交；截止日后不再受理。',
      },
    ],
  },
  'city-sci-tech-award-nomination': {
    ...hall,
    code: code('4000117009000'),
    applicants: ['legal', 'natural'],
    visits: 1,
    result: { name: '形式审查结论（合格的提交评审委员会评审）', delivery: ['electronic'] },
    specialSteps: [
      { name: '评审委员会评审', countsInLimit: false },
      { name: '拟授奖项目社会公示', limitDays: 5, countsInLimit: false },
    ],
    faq: [
      {
        question: '谁可以提名？',
        answer: '按年度提名通知，由县（市、区）人民政府、市直有关部门或符合条件的专家提名，完成人不能自己提名自己。',
      },
      {
        question: '单位内部公示有什么要求？',
        answer: '在完成单位内部公示不少于 5 个工作日，公示无异议或异议已处理完毕的，附公示情况说明一并提交。',
      },
    ],
  },
  'engineering-center-recognition': {
    ...hall,
    code: code('4000117010000'),
    applicants: ['legal'],
    visits: 1,
    result: { name: '市科学技术局认定文件（市级工程技术研究中心）', delivery: ['electronic', 'window'] },
    specialSteps: [{ name: '认定名单社会公示', limitDays: 5, countsInLimit: false }],
    faq: [
      {
        question: '什么时候可以申报？',
        answer: '按年度申报通知集中受理，通知在局门户网站发布，不在申报期内的不受理。',
      },
      {
        question: '专家现场考察要准备什么？',
        answer: '研发场地、仪器设备、研发人员名单和近三年研发项目资料；考察前 3 个工作日电话通知依托单位。',
      },
    ],
  },
  'key-lab-recognition': {
    ...hall,
    code: code('4000117011000'),
    applicants: ['legal'],
    visits: 1,
    result: { name: '市科学技术局认定文件（市级重点实验室）', delivery: ['electronic', 'window'] },
    specialSteps: [{ name: '认定名单社会公示', limitDays: 5, countsInLimit: false }],
    faq: [
      {
        question: '重点实验室和工程技术研究中心能同时申报吗？',
        answer: '同一依托单位可以分别申报，但同一研发团队、同一场地不能重复申报两类平台。',
      },
      {
        question: '认定后还要考核吗？',
        answer: '要。认定后实行年度报告和定期评估，评估不合格的限期整改，整改仍不合格的撤销认定。',
      },
    ],
  },
  'achievement-registration': {
    ...hall,
    forms: [
      {
        kind: 'blank',
        name: '科技成果登记表（空白，供填报参考）',
        materialId: 'registration-form',
        file: ACHIEVEMENT_FORM.file,
      },
    ],
    code: code('4000117003000'),
    applicants: ['legal', 'natural'],
    visits: 1,
    result: { name: '《科技成果登记证书》', delivery: ['window', 'post'] },
    specialSteps: [],
    faq: [
      {
        question: '成果登记是对成果水平的评价吗？',
        answer: '不是。登记只审查材料是否齐全、规范，不对成果的技术水平作评价，登记证书也不作为成果水平的证明。',
      },
      {
        question: '涉密成果怎么登记？',
        answer: '按国家科学技术保密规定办理，不在网上系统填报，请先拨打咨询电话预约，由专人当面受理。',
      },
    ],
  },
  'foreign-work-permit': {
    ...hall,
    code: code('0100117001000'),
    applicants: ['legal'],
    visits: 1,
    result: {
      name: '《外国人来华工作许可通知》（入境后申领《外国人工作许可证》）',
      delivery: ['electronic', 'window'],
    },
    specialSteps: [{ name: '专家评审（外国高端人才类别认定存疑时）', limitDays: 10, countsInLimit: false }],
    faq: [
      {
        question: '无犯罪记录证明过期了怎么办？',
        answer: '无犯罪记录证明自出具之日起 6 个月内有效，过期的须重新开具并办理认证，窗口不接收过期证明。',
      },
      {
        question: '申请人本人必须来窗口吗？',
        answer: '不需要。由用人单位经办人到窗口提交材料、核验原件即可，申请人本人无需到场。',
      },
      {
        question: '境内已有工作许可，换单位怎么办？',
        answer: '须由新用人单位重新申请工作许可，原工作许可证应在原单位办理注销。',
      },
    ],
  },
  'new-rd-institution-filing': {
    ...hall,
    code: code('4000117012000'),
    applicants: ['legal'],
    visits: 1,
    result: { name: '备案确认（局门户网站公布备案名单）', delivery: ['electronic'] },
    specialSteps: [],
    faq: [
      {
        question: '备案以后有什么支持政策？',
        answer: '备案机构可按年度通知申报市级新型研发机构绩效评价和后补助，具体以当年通知为准。',
      },
      {
        question: '事业单位性质的研发机构可以备案吗？',
        answer: '可以。企业、事业单位和社会组织等独立法人均可申请，内设机构须先独立登记为法人。',
      },
    ],
  },
};
