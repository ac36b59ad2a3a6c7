// Messages of the 录音 player (zh-CN first). Terms: 录音, 质检, 投诉核查, 督办, 工单办理, 回访.
const zhCN = {
  recordings: {
    title: '通话录音',
    open: '▶ 录音',
    close: '收起',
    purpose: '收听用途',
    pickPurpose: '请选择收听用途（将记入审计日志）',
    purposes: {
      quality: '质检',
      complaint: '投诉核查',
      supervision: '督办',
      ticket: '工单办理',
      callback: '回访',
    },
    duration: '时长',
    retainUntil: '保存至',
    channels: '左声道：来电人　右声道：坐席',
    loading: '正在读取录音信息…',
    none: '无关联通话',
    callId: '通话编号',
  },
};

const en: typeof zhCN = {
  recordings: {
    title: 'Call recordings',
    open: '▶ Recording',
    close: 'Close',
    purpose: 'Purpose',
    pickPurpose: 'Choose why you listen (written to the audit log)',
    purposes: {
      quality: 'Quality inspection',
      complaint: 'Complaint review',
      supervision: 'Supervision',
      ticket: 'Ticket handling',
      callback: 'Callback',
    },
    duration: 'Length',
    retainUntil: 'Kept until',
    channels: 'Left: caller · Right: agent',
    loading: 'Loading the recording…',
    none: 'No linked calls',
    callId: 'Call id',
  },
};

export const RECORDING_MESSAGES = { 'zh-CN': zhCN, en } as const;
