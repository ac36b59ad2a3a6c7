// 不予受理 — the eight reasons of Art. 10, each with the guidance the agent reads out.
export interface NotAcceptedReason {
  code: number;
  zh: string;
  en: string;
  guidanceZh: string;
}

export const NOT_ACCEPTED_REASONS: readonly NotAcceptedReason[] = Object.freeze([
  {
    code: 1,
    zh: '须通过诉讼、仲裁、纪检监察、行政复议、政府信息公开等程序解决的事项，或已进入信访渠道的事项',
    en: 'Litigation, arbitration, discipline inspection, administrative reconsideration, information disclosure, or already in the petition channel',
    guidanceZh: '您反映的事项需通过法定程序解决，请向人民法院、仲裁机构、纪检监察机关或信访部门依法提出。',
  },
  {
    code: 2,
    zh: '涉及国家秘密、商业秘密、个人隐私和违反社会公序良俗的事项',
    en: 'State secrets, trade secrets, personal privacy, or against public order and morals',
    guidanceZh: '该事项涉及秘密或隐私，热线无法受理，请通过有权机关的正式渠道办理。',
  },
  {
    code: 3,
    zh: '属于110、119、120、122等紧急热线电话受理范围的事项',
    en: 'Emergencies for 110 / 119 / 120 / 122',
    guidanceZh: '您反映的是紧急事项，请立即拨打110（报警）、119（火警）、120（急救）或122（交通事故）。',
  },
  {
    code: 4,
    zh: '属于军队、武装警察部队职权范围的事项',
    en: 'Military or armed-police matters',
    guidanceZh: '该事项属于军队、武警职权范围，请向相关部队机关反映。',
  },
  {
    code: 5,
    zh: '恶意骚扰、诉求表述不清、无实质诉求内容的事项',
    en: 'Malicious harassment, unclear request, no substantive content',
    guidanceZh: '请您清楚说明需要反映的具体事项，热线将为您登记办理。',
  },
  {
    code: 6,
    zh: '违反法律法规规章规定的事项',
    en: 'Requests that violate laws or regulations',
    guidanceZh: '您的诉求违反法律法规规定，热线不予受理。',
  },
  {
    code: 7,
    zh: '法律法规规章等规定不予受理的其他事项',
    en: 'Other matters excluded by law',
    guidanceZh: '根据法律法规规定，该事项不属于热线受理范围，请向有管辖权的部门反映。',
  },
  {
    code: 8,
    zh: '已受理正在办理，或已依法依规办结并明确答复、仍以同一事实和理由重复提出的事项',
    en: 'Duplicate: already in progress, or concluded with a clear answer and raised again with the same facts',
    guidanceZh: '您反映的事项已受理正在办理（或已办结答复），请留意承办单位的回复，无需重复反映。',
  },
]);

export function notAcceptedReason(code: unknown): NotAcceptedReason | undefined {
  return NOT_ACCEPTED_REASONS.find((r) => r.code === code);
}
