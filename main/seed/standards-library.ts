import type { StandardCreate } from '../../shared/schemas/standard';

/**
 * The built-in telecom service-quality library: definitions follow published measures
 * (ETSI EG 202 057 parts 1-4, the ITU-T E.800 family, China's 《电信服务规范》) and say so in
 * `sourceRef`; targets and warning thresholds are editable defaults for a provincial
 * operator, not quotations of law. Codes match the ones regional workbooks already use.
 */
type Entry = Omit<StandardCreate, 'effectiveFrom' | 'weight'> & { weight: number };

const ETSI1 = 'ETSI EG 202 057-1 (user-related QoS parameters)';
const ETSI2 = 'ETSI EG 202 057-2 (voice telephony, SMS)';
const ETSI3 = 'ETSI EG 202 057-3 (mobile networks)';
const ETSI4 = 'ETSI EG 202 057-4 (internet access)';
const E800 = 'ITU-T E.800 / E.803 (QoS definitions, supporting service aspects)';
const E804 = 'ITU-T E.804 (QoS aspects of mobile networks)';
const CN = '《电信服务规范》（工业和信息化部）';

export const STANDARDS_LIBRARY: readonly Entry[] = [
  // 网络质量
  { code: 'NET-DCR', nameZh: '掉话率', nameEn: 'Dropped call ratio', dimension: 'NET', unit: '%', direction: 'lower', target: 0.5, warning: 1, weight: 2, source: 'industry', sourceRef: ETSI3, method: 'Calls ended abnormally after set-up ÷ calls set up, drive or network test, monthly.' },
  { code: 'NET-CSR', nameZh: '网络接通率', nameEn: 'Call setup success rate', dimension: 'NET', unit: '%', direction: 'higher', target: 99, warning: 98, weight: 2, source: 'industry', sourceRef: `${ETSI2}; ${E804}`, method: 'Successful call set-ups ÷ call attempts (complement of unsuccessful call ratio).' },
  { code: 'NET-BBS', nameZh: '宽带速率达标率', nameEn: 'Broadband speed compliance', dimension: 'NET', unit: '%', direction: 'higher', target: 95, warning: 90, weight: 1.5, source: 'industry', sourceRef: ETSI4, method: 'Speed tests reaching ≥ 90 % of the subscribed rate ÷ all tests (data transmission speed achieved).' },
  { code: 'NET-AVL', nameZh: '网络可用率', nameEn: 'Network availability', dimension: 'NET', unit: '%', direction: 'higher', target: 99.9, warning: 99.5, weight: 1.5, source: 'industry', sourceRef: E800, method: 'Time the service is available in the area ÷ total time, from the NMS, monthly.' },
  { code: 'NET-DLS', nameZh: '4G/5G下载速率', nameEn: 'Mobile download throughput', dimension: 'NET', unit: 'Mbps', direction: 'higher', target: 100, warning: 60, weight: 1, source: 'industry', sourceRef: E804, method: 'Median downlink throughput of drive tests in the branch area.' },
  { code: 'NET-FRR', nameZh: '故障修复及时率', nameEn: 'Fault repair within target time', dimension: 'NET', unit: '%', direction: 'higher', target: 95, warning: 90, weight: 1, source: 'national', sourceRef: `${ETSI1} (fault repair time); ${CN}`, method: 'Faults repaired within the promised time ÷ faults reported.' },
  // 客户服务
  { code: 'CS-ANS', nameZh: '热线20秒接通率', nameEn: 'Hotline 20s answer rate', dimension: 'CS', unit: '%', direction: 'higher', target: 85, warning: 80, weight: 2, source: 'industry', sourceRef: `${ETSI1} (response time for operator services)`, method: 'Calls to a human agent answered within 20 s ÷ calls offered.' },
  { code: 'CS-FCR', nameZh: '首问解决率', nameEn: 'First-contact resolution', dimension: 'CS', unit: '%', direction: 'higher', target: 85, warning: 75, weight: 2, source: 'group', sourceRef: E800, method: 'Requests resolved at the first contact ÷ requests, from the service ticket system.' },
  { code: 'CS-CHT', nameZh: '投诉平均处理时长', nameEn: 'Mean complaint handling time', dimension: 'CS', unit: '小时', direction: 'lower', target: 24, warning: 48, weight: 1.5, source: 'national', sourceRef: `${ETSI1} (customer complaint resolution time); ${CN}`, method: 'Mean hours from complaint receipt to closure.' },
  { code: 'CS-SAT', nameZh: '客户满意度', nameEn: 'Customer satisfaction', dimension: 'CS', unit: '分', direction: 'higher', target: 90, warning: 85, weight: 2, source: 'group', sourceRef: E800, method: 'Survey score 0-100 after service contact (sample ≥ 100 a month).' },
  { code: 'CS-CMP', nameZh: '万户投诉率', nameEn: 'Complaints per 10,000 customers', dimension: 'CS', unit: '件/万户', direction: 'lower', target: 1, warning: 2, weight: 1.5, source: 'national', sourceRef: `${ETSI1} (customer complaints); ${CN}`, method: 'Valid complaints in the month per 10,000 customers served.' },
  { code: 'CS-ESC', nameZh: '越级投诉率', nameEn: 'Escalated complaint rate', dimension: 'CS', unit: '%', direction: 'lower', target: 0.5, warning: 1, weight: 1, source: 'national', sourceRef: CN, method: 'Complaints escalated to the regulator ÷ all complaints.' },
  // 产品与资费
  { code: 'PRD-BIL', nameZh: '计费差错投诉率', nameEn: 'Billing error complaints', dimension: 'PRD', unit: '‱', direction: 'lower', target: 1, warning: 2, weight: 1.5, source: 'industry', sourceRef: `${ETSI1} (bill correctness complaints); ${CN}`, method: 'Bills with a justified accuracy complaint per 10,000 bills.' },
  { code: 'PRD-TRF', nameZh: '资费透明度投诉率', nameEn: 'Tariff transparency complaints', dimension: 'PRD', unit: '‱', direction: 'lower', target: 0.5, warning: 1, weight: 1, source: 'national', sourceRef: CN, method: 'Complaints about unclear or unauthorised charges per 10,000 customers.' },
  { code: 'PRD-RFD', nameZh: '退费办理及时率', nameEn: 'Refunds processed on time', dimension: 'PRD', unit: '%', direction: 'higher', target: 98, warning: 95, weight: 0.5, source: 'group', sourceRef: E800, method: 'Refunds paid within the promised days ÷ refunds approved.' },
  // 业务办理流程
  { code: 'PROC-QUE', nameZh: '平均排队时长', nameEn: 'Mean queue time', dimension: 'PROC', unit: '分钟', direction: 'lower', target: 10, warning: 15, weight: 1, source: 'group', sourceRef: E800, method: 'Mean minutes from ticket to counter, from the queue system.' },
  { code: 'PROC-INS', nameZh: '装机及时率', nameEn: 'Installation on time', dimension: 'PROC', unit: '%', direction: 'higher', target: 95, warning: 90, weight: 1, source: 'national', sourceRef: `${ETSI1} (supply time for initial connection); ${CN}`, method: 'Connections provided by the promised date ÷ orders.' },
  { code: 'PROC-ONE', nameZh: '一次办结率', nameEn: 'One-visit completion rate', dimension: 'PROC', unit: '%', direction: 'higher', target: 90, warning: 85, weight: 1, source: 'group', sourceRef: E800, method: 'Transactions completed in one visit ÷ transactions.' },
  { code: 'PROC-NPT', nameZh: '携号转网办理时长', nameEn: 'Number porting time', dimension: 'PROC', unit: '小时', direction: 'lower', target: 24, warning: 48, weight: 0.5, source: 'national', sourceRef: CN, method: 'Mean hours from porting request to completion.' },
  { code: 'PROC-MYS', nameZh: '神秘顾客检查得分', nameEn: 'Mystery shopper score', dimension: 'PROC', unit: '分', direction: 'higher', target: 90, warning: 80, weight: 1, source: 'group', sourceRef: E800, method: 'Checklist score 0-100 of unannounced visits (greeting, accuracy, courtesy, environment).' },
  // 技术创新
  { code: 'INNO-SSV', nameZh: '自助办理占比', nameEn: 'Self-service share', dimension: 'INNO', unit: '%', direction: 'higher', target: 60, warning: 50, weight: 1, source: 'group', sourceRef: E800, method: 'Transactions done on self-service terminals or apps ÷ all transactions.' },
  { code: 'INNO-DIG', nameZh: '线上渠道业务占比', nameEn: 'Digital channel share', dimension: 'INNO', unit: '%', direction: 'higher', target: 50, warning: 40, weight: 1, source: 'group', sourceRef: E800, method: 'Orders placed online ÷ all orders of the branch customers.' },
  { code: 'INNO-AIR', nameZh: '智能客服解决率', nameEn: 'Virtual-agent resolution rate', dimension: 'INNO', unit: '%', direction: 'higher', target: 70, warning: 60, weight: 0.5, source: 'local', sourceRef: E800, method: 'Chatbot sessions closed without transfer or repeat contact ÷ sessions.' },
  // 人员与培训
  { code: 'HR-TRN', nameZh: '人均培训时长', nameEn: 'Training hours per staff', dimension: 'HR', unit: '小时', direction: 'higher', target: 8, warning: 6, weight: 0.5, source: 'group', sourceRef: 'Group training standard', method: 'Training hours in the month ÷ front-line staff.' },
  { code: 'HR-CRT', nameZh: '持证上岗率', nameEn: 'Certified staff rate', dimension: 'HR', unit: '%', direction: 'higher', target: 100, warning: 95, weight: 0.5, source: 'group', sourceRef: 'Group training standard', method: 'Front-line staff holding the service certificate ÷ front-line staff.' },
  { code: 'HR-QAS', nameZh: '服务规范考核合格率', nameEn: 'Service-code assessment pass rate', dimension: 'HR', unit: '%', direction: 'higher', target: 95, warning: 90, weight: 0.5, source: 'local', sourceRef: CN, method: 'Staff passing the quarterly service-code test ÷ staff tested.' },
];
