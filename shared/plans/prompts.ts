/**
 * Root-cause analysis prompts (the six bones of the fishbone in domain.md: 人员, 流程,
 * 网络与系统, 产品与资费, 环境, 测量), worded for each quality dimension so the questions a
 * meeting asks about a dropped-call gap differ from those about queue times.
 */
import type { RootCauseCategory } from '../domain/enums';
import type { Bilingual, RootCausePrompt } from './types';

type Prompts = Record<RootCauseCategory, Bilingual>;

const GENERIC: Prompts = {
  people: {
    zh: '相关岗位人员是否充足、熟悉标准并经过培训？',
    en: 'Are enough trained staff on the post, and do they know the standard?',
  },
  process: {
    zh: '现行流程是否有缺失环节、等待或重复？是否按流程执行？',
    en: 'Does the process have missing steps, waits or rework? Is it followed?',
  },
  network: {
    zh: '网络、IT 系统或设备是否存在故障、容量或配置问题？',
    en: 'Do network, IT systems or equipment have faults, capacity or configuration issues?',
  },
  product: {
    zh: '产品规则或资费设计是否导致客户误解或额外办理？',
    en: 'Do product rules or tariffs confuse customers or cause extra visits?',
  },
  environment: {
    zh: '季节、话务高峰、节假日、施工或外部事件是否有影响？',
    en: 'Did seasons, traffic peaks, holidays, construction or outside events play a part?',
  },
  measurement: {
    zh: '数据口径、采样和录入是否准确、与标准定义一致？',
    en: 'Are the data definition, sampling and entry accurate and as the standard defines them?',
  },
};

const BY_DIMENSION: Record<string, Partial<Prompts>> = {
  NET: {
    people: {
      zh: '网优、维护人员的故障响应和巡检是否到位？',
      en: 'Do optimisation and maintenance staff respond to faults and patrol as planned?',
    },
    network: {
      zh: '弱覆盖、干扰、邻区配置、传输或基站退服情况如何？',
      en: 'What about weak coverage, interference, neighbour lists, backhaul or cell outages?',
    },
    environment: {
      zh: '新建楼宇遮挡、市政施工、天气或大型活动是否造成影响？',
      en: 'Did new buildings, roadworks, weather or large events affect the network?',
    },
    measurement: {
      zh: '路测路线、时段和话统口径是否具有代表性？',
      en: 'Are drive-test routes, times and counter definitions representative?',
    },
  },
  CS: {
    people: {
      zh: '坐席/前台排班与话务量是否匹配？一线授权是否足以当场解决？',
      en: 'Does staffing match contact volumes? Are front-line staff empowered to resolve on first contact?',
    },
    process: {
      zh: '工单流转、升级和回访环节是否存在积压或推诿？',
      en: 'Do tickets back up or bounce between teams at hand-off, escalation or call-back?',
    },
    network: {
      zh: '客服系统、知识库、IVR 是否好用且信息准确？',
      en: 'Are the CRM, knowledge base and IVR usable and accurate?',
    },
    product: {
      zh: '投诉是否集中在某项产品、资费或营销活动？',
      en: 'Do complaints cluster on one product, tariff or campaign?',
    },
  },
  PRD: {
    process: {
      zh: '新资费上线前的测试、审核与客户告知是否完整？',
      en: 'Are new tariffs tested, approved and explained to customers before launch?',
    },
    network: {
      zh: '计费、账务系统的规则配置与批价是否出错？',
      en: 'Are billing-system rules and rating configured correctly?',
    },
    product: {
      zh: '资费说明是否清楚、透明，是否存在隐性收费？',
      en: 'Are tariffs clearly and transparently described, without hidden charges?',
    },
  },
  PROC: {
    people: {
      zh: '高峰时段窗口开放数和人员技能是否满足业务量？',
      en: 'Are enough counters open at peak, with staff able to handle every transaction?',
    },
    process: {
      zh: '办理环节是否可以合并、预审或线上分流？',
      en: 'Can steps be merged, pre-checked, or moved online?',
    },
    network: {
      zh: '营业系统响应慢、排队叫号或装维派单系统是否出错？',
      en: 'Are front-office systems slow, or queue and dispatch systems failing?',
    },
    environment: {
      zh: '厅内布局、引导和等候区设置是否合理？',
      en: 'Do the hall layout, guidance and waiting area work?',
    },
  },
  INNO: {
    people: {
      zh: '员工是否主动引导客户使用自助和线上渠道？',
      en: 'Do staff guide customers to self-service and digital channels?',
    },
    network: {
      zh: '自助终端、App 的可用性、功能覆盖与故障率如何？',
      en: 'How available, complete and reliable are kiosks and the app?',
    },
    product: { zh: '可线上办理的业务范围是否足够？', en: 'Can enough transactions be done online?' },
  },
  HR: {
    people: {
      zh: '培训计划是否落实，参训、考核是否有记录？',
      en: 'Is the training plan delivered, with attendance and assessment recorded?',
    },
    process: {
      zh: '培训、认证与上岗、绩效是否挂钩？',
      en: 'Are training and certification tied to rostering and performance?',
    },
    environment: {
      zh: '人员流动、新员工比例是否偏高？',
      en: 'Is staff turnover or the share of new hires unusually high?',
    },
  },
};

const CATEGORIES: readonly RootCauseCategory[] = [
  'people',
  'process',
  'network',
  'product',
  'environment',
  'measurement',
];

export function rootCausePrompts(dimension: string): RootCausePrompt[] {
  const specific = BY_DIMENSION[dimension] ?? {};
  return CATEGORIES.map((category) => ({ category, text: specific[category] ?? GENERIC[category] }));
}
