/** The six service-quality dimensions (构成因素) of domain.md; every standard belongs to one. */
export const DIMENSIONS = [
  { code: 'NET', nameZh: '网络质量', nameEn: 'Network quality' },
  { code: 'CS', nameZh: '客户服务', nameEn: 'Customer service' },
  { code: 'PRD', nameZh: '产品与资费', nameEn: 'Products and pricing' },
  { code: 'PROC', nameZh: '业务办理流程', nameEn: 'Service process' },
  { code: 'INNO', nameZh: '技术创新', nameEn: 'Technology and innovation' },
  { code: 'HR', nameZh: '人员与培训', nameEn: 'People and training' },
] as const;

export type DimensionCode = (typeof DIMENSIONS)[number]['code'];
export const DIMENSION_CODES = DIMENSIONS.map((d) => d.code) as [DimensionCode, ...DimensionCode[]];
