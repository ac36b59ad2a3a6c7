// Messages of the 节假日安排 screen (zh-CN first). Terms: 节假日安排, 放假, 调休上班, 国务院办公厅通知.
const zhCN = {
  calendarAdmin: {
    tab: '节假日安排',
    title: '节假日安排（工作日历）',
    intro:
      '工单办理时限按工作日计算。每年国务院办公厅公布次年放假调休安排后，请在此导入，导入后所有时限立即按新安排计算。',
    years: '已有官方安排的年份',
    col: { year: '年份', off: '放假天数', work: '调休上班天数', source: '来源', importedAt: '导入时间' },
    builtin: '内置数据',
    imported: '管理员导入',
    warnings: '提醒',
    noWarnings: '未来90天内的日期均有官方安排',
    importTitle: '导入一年的安排',
    year: '年份',
    csv: '安排表（每行：日期,off 或 work,名称）',
    submit: '导入',
    done: '已导入 {{year}} 年：放假 {{off}} 天，调休上班 {{work}} 天',
    err: { year: '请填写年份', csv: '请粘贴安排表' },
  },
};

const en: typeof zhCN = {
  calendarAdmin: {
    tab: 'Holidays',
    title: 'Holiday arrangements (working calendar)',
    intro:
      "Ticket deadlines count working days. When the State Council publishes next year's holiday arrangement, import it here; every deadline uses it at once.",
    years: 'Years with official data',
    col: {
      year: 'Year',
      off: 'Days off',
      work: 'Make-up working days',
      source: 'Source',
      importedAt: 'Imported',
    },
    builtin: 'Built in',
    imported: 'Imported',
    warnings: 'Warnings',
    noWarnings: 'Every date in the next 90 days has official data',
    importTitle: "Import one year's arrangement",
    year: 'Year',
    csv: 'Table (one line each: date,off or work,name)',
    submit: 'Import',
    done: 'Imported {{year}}: {{off}} days off, {{work}} make-up working days',
    err: { year: 'Enter the year', csv: 'Paste the table' },
  },
};

export const CALENDAR_ADMIN_MESSAGES = { 'zh-CN': zhCN, en } as const;
