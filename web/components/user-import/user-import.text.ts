/** @module The texts of `ls-user-import` (批量导入), Chinese first. */
import { messageTable } from '../../i18n.ts'

export const importText = messageTable({
  step1: { zh: '① 下载模板并填写', en: '1. Download the template and fill it in' },
  template: { zh: '下载 Excel 导入模板', en: 'Download the Excel template' },
  step1Note: {
    zh: '每行一个用户：姓名、用户名、单位（政策id/单位id，或唯一的单位名称）、角色（政策配置、责任单位、审核、领导、地区管理员、系统管理员）、手机（可选）；多个单位或角色用、分隔。也可上传同样列的 CSV。',
    en: 'One account a row: name, username, units (policyId/unitId, or a unique unit name), roles (author, department, reviewer, leader, region-admin, admin), phone (optional); separate several units or roles with 、. A CSV with the same columns works too.',
  },
  step2: { zh: '② 选择文件并检查', en: '2. Choose the file and check it' },
  file: { zh: '文件（.xlsx 或 .csv）', en: 'File (.xlsx or .csv)' },
  check: { zh: '检查（不创建）', en: 'Check (creates nothing)' },
  checking: { zh: '检查中…', en: 'Checking…' },
  summary: {
    zh: '共 {rows} 行：{good} 行可导入，{bad} 行有问题',
    en: '{rows, plural, one {# row} other {# rows}}: {good} can be imported, {bad} with problems',
  },
  allGood: { zh: '全部通过，可以导入', en: 'Every row is good: ready to import' },
  fixFirst: {
    zh: '请改正有问题的行后重新选择文件并检查；导入为全部或全不。',
    en: 'Fix the rows with problems, choose the file again and check it; an import is all or nothing.',
  },
  step3: { zh: '③ 导入', en: '3. Import' },
  import: { zh: '导入 {n} 个用户', en: 'Import {n, plural, one {# account} other {# accounts}}' },
  importPlain: { zh: '导入', en: 'Import' },
  importing: { zh: '导入中…', en: 'Importing…' },
  importNote: {
    zh: '仅当检查全部通过时可导入。',
    en: 'Importing is possible only when the check found no problem.',
  },
  row: { zh: '行', en: 'Row' },
  displayName: { zh: '姓名', en: 'Name' },
  username: { zh: '用户名', en: 'Username' },
  units: { zh: '单位', en: 'Units' },
  roles: { zh: '角色', en: 'Roles' },
  status: { zh: '状态', en: 'Status' },
  issues: { zh: '问题', en: 'Problems' },
  ok: { zh: '可导入', en: 'Good' },
  bad: { zh: '有问题', en: 'Problem' },
  rejected: {
    zh: '导入被拒绝，未创建任何用户',
    en: 'The import was refused; no account was created',
  },
  createdTitle: {
    zh: '已创建 {n} 个用户及其一次性初始密码',
    en: '{n, plural, one {# account} other {# accounts}} created, with {n, plural, one {its one-time password} other {their one-time passwords}}',
  },
  createdWarning: {
    zh: '这些密码只显示这一次，关闭或离开本页后无法再查看。请立即下载或抄录，并当面或通过安全渠道分别交给本人；首次登录须修改密码。',
    en: 'These passwords are shown this once and cannot be seen again after closing or leaving this page. Download or note them now and hand each over in person or by a safe channel; each must be changed at first login.',
  },
  password: { zh: '一次性密码', en: 'One-time password' },
  download: { zh: '下载密码（CSV）', en: 'Download the passwords (CSV)' },
  downloadName: { zh: '一次性密码.csv', en: 'one-time-passwords.csv' },
  guardNote: {
    zh: "文件中以 ' 开头的密码，开头的 ' 是为防止电子表格将其当作公式而加的，不属于密码。",
    en: "In the file, a password starting with ' has that ' added so spreadsheets do not take it for a formula; it is not part of the password.",
  },
  done: { zh: '我已保存，关闭', en: 'Saved — close' },
})
