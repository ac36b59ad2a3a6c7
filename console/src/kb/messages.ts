// Messages of the knowledge-base panel (知识库) and the public self-service page (自助查询).
const zhCN = {
  kb: {
    title: '知识库',
    search: '搜索知识库（支持拼音首字母，如 ybbx）',
    hint: 'F3 / Alt+K 聚焦 · ↑↓ 选择 · Enter 引用',
    none: '没有找到相关知识',
    total: '共 {{n}} 条 · {{ms}} 毫秒',
    cite: '引用',
    citeTitle: '引用到即办工单',
    open: '查看',
    close: '收起',
    expired: '已失效',
    pending: '未生效',
    kind: {
      guide: '办事指南',
      regulation: '政策法规',
      interpretation: '政策解读',
      hot_topic: '民生热点',
      faq: '常见问答',
    },
    guide: {
      materials: '所需材料',
      steps: '办理流程',
      fees: '收费标准',
      timeLimit: '办理时限',
      place: '办理地点',
      phone: '咨询电话',
    },
    public: {
      title: '甘孜州12345 政务服务知识库 · 自助查询',
      intro: '查询办事指南、政策法规和常见问题。如需人工服务，请拨打 12345。',
      back: '返回列表',
      login: '工作人员登录',
      published: '发布时间',
    },
  },
};

const en = {
  kb: {
    title: 'Knowledge base',
    search: 'Search the KB (pinyin initials work, e.g. ybbx)',
    hint: 'F3 / Alt+K focus · ↑↓ choose · Enter cite',
    none: 'Nothing found',
    total: '{{n}} results · {{ms}} ms',
    cite: 'Cite',
    citeTitle: 'Cite in the 即办 ticket',
    open: 'Open',
    close: 'Close',
    expired: 'Expired',
    pending: 'Not yet in force',
    kind: {
      guide: 'Service guide',
      regulation: 'Regulation',
      interpretation: 'Interpretation',
      hot_topic: 'Hot topic',
      faq: 'FAQ',
    },
    guide: {
      materials: 'Materials',
      steps: 'Steps',
      fees: 'Fees',
      timeLimit: 'Time limit',
      place: 'Place',
      phone: 'Phone',
    },
    public: {
      title: 'Ganzi 12345 knowledge base · self-service',
      intro: 'Service guides, policies and FAQs. For a person, call 12345.',
      back: 'Back to the list',
      login: 'Staff sign-in',
      published: 'Published',
    },
  },
};

export const KB_MESSAGES = { 'zh-CN': zhCN, en } as const;
