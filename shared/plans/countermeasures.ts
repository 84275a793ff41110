/**
 * The countermeasure library a plan proposes from: measures for each standard where the
 * cause is usually known, and for each dimension otherwise. Departments are the usual
 * owners in a provincial operator; the user confirms or changes them per action.
 */
import type { Countermeasure } from './types';

const c = (
  zh: string,
  en: string,
  department: string,
  category: Countermeasure['category'],
): Countermeasure => ({
  text: { zh, en },
  department,
  category,
});

const BY_DIMENSION: Record<string, Countermeasure[]> = {
  NET: [
    c(
      '排查弱覆盖和高干扰小区，优化参数与邻区，必要时加站补点',
      'Find weak-coverage and high-interference cells; tune parameters and neighbours, add sites where needed',
      '网络维护中心',
      'network',
    ),
    c(
      '建立重点区域周巡检与故障闭环跟踪',
      'Weekly patrols of hot spots with closed-loop fault tracking',
      '网络维护中心',
      'process',
    ),
  ],
  CS: [
    c(
      '按话务预测调整排班，高峰增开坐席/窗口',
      'Roster to the contact forecast and add agents at peaks',
      '客户服务中心',
      'people',
    ),
    c(
      '梳理高频问题，更新知识库并扩大一线授权',
      'Update the knowledge base for frequent issues and widen front-line authority',
      '客户服务中心',
      'process',
    ),
  ],
  PRD: [
    c(
      '核查计费规则与批价配置，建立资费上线前双人复核',
      'Audit billing rules and rating; four-eyes check before any tariff goes live',
      '计费结算中心',
      'network',
    ),
    c(
      '简化资费说明，统一宣传口径并主动告知',
      'Simplify tariff descriptions, align marketing wording, notify customers proactively',
      '市场经营部',
      'product',
    ),
  ],
  PROC: [
    c(
      '高峰时段弹性开窗，推行预约与预审',
      'Flexible counters at peaks; appointments and pre-checks',
      '渠道运营部',
      'process',
    ),
    c(
      '优化厅内动线与引导，设置快速办理通道',
      'Improve hall flow and guidance; add an express lane',
      '渠道运营部',
      'environment',
    ),
  ],
  INNO: [
    c(
      '厅内设引导员推广自助终端和 App 办理',
      'Floor guides promote kiosks and the app',
      '数字化运营部',
      'people',
    ),
    c(
      '排查自助终端故障并扩充线上可办业务',
      'Fix kiosk faults and put more transactions online',
      '数字化运营部',
      'network',
    ),
  ],
  HR: [
    c(
      '制定月度培训计划并纳入绩效考核',
      'A monthly training plan, counted in performance reviews',
      '人力资源部',
      'process',
    ),
    c('开展岗位认证与师带徒', 'Role certification and mentoring of new staff', '人力资源部', 'people'),
  ],
};

const BY_STANDARD: Record<string, Countermeasure[]> = {
  'NET-DCR': [
    c(
      '分析掉话 TOP 小区，优化切换参数并处理干扰源',
      'Analyse top drop cells; tune handover and remove interference',
      '网络维护中心',
      'network',
    ),
  ],
  'NET-CSR': [
    c(
      '扩容拥塞小区信令与业务信道',
      'Add signalling and traffic capacity in congested cells',
      '网络维护中心',
      'network',
    ),
  ],
  'NET-BBS': [
    c(
      '排查低速用户的接入段与端口带宽，升级老旧光猫',
      'Check access links and port rates of slow lines; replace old ONTs',
      '网络维护中心',
      'network',
    ),
  ],
  'CS-ANS': [
    c(
      '根据 15 分钟话务量重排班次，启用溢出分流',
      'Re-roster by 15-minute volumes; enable overflow routing',
      '客户服务中心',
      'people',
    ),
  ],
  'CS-FCR': [
    c(
      '复盘重复来电工单，补充授权清单与话术',
      'Review repeat-contact tickets; extend authority lists and scripts',
      '客户服务中心',
      'process',
    ),
  ],
  'CS-CHT': [
    c(
      '设置工单超时预警和逐级督办',
      'Ticket timeout alerts with step-by-step escalation',
      '客户服务中心',
      'process',
    ),
  ],
  'CS-SAT': [
    c(
      '对不满意客户 48 小时内回访并跟踪改进',
      'Call back dissatisfied customers within 48 h and track fixes',
      '客户服务中心',
      'process',
    ),
  ],
  'PRD-BIL': [
    c(
      '逐条核对差错投诉对应的计费规则，修正后全量回溯退费',
      'Trace each billing complaint to its rule; fix and refund all affected',
      '计费结算中心',
      'network',
    ),
  ],
  'PROC-QUE': [
    c(
      '按小时客流配置窗口，推广线上预约取号',
      'Open counters by hourly footfall; promote online queue tickets',
      '渠道运营部',
      'process',
    ),
  ],
  'PROC-INS': [
    c(
      '装维预约到小时，超期工单每日通报',
      'Book installs to the hour; report late orders daily',
      '渠道运营部',
      'process',
    ),
  ],
  'PROC-ONE': [
    c(
      '梳理需二次办理的业务清单，前台预审资料',
      'List transactions that need a second visit; pre-check documents at the front desk',
      '渠道运营部',
      'process',
    ),
  ],
  'INNO-SSV': [
    c(
      '每日统计自助办理占比，设立引导员激励',
      'Track the self-service share daily; reward floor guides',
      '数字化运营部',
      'people',
    ),
  ],
  'HR-TRN': [
    c(
      '补齐本月培训课时，线上课程与班前会结合',
      "Make up this month's training hours with online courses and pre-shift briefings",
      '人力资源部',
      'people',
    ),
  ],
};

/** The standard's own measures first, then its dimension's. */
export function countermeasuresFor(standardCode: string, dimension: string): Countermeasure[] {
  return [...(BY_STANDARD[standardCode] ?? []), ...(BY_DIMENSION[dimension] ?? [])];
}
