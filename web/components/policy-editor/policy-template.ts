/** @module The skeleton a new policy config starts from: every required section, to fill in. */

/** A minimal config for a new policy; ids and dates are placeholders to replace. */
export const POLICY_TEMPLATE = `# yaml-language-server: $schema=../../schemas/policy.schema.json
metadata:
  id: my-region-policy
  title: 关于……的实施方案
  region: { name: 某某县, level: county, parent: 某某市 }
  issuingBodies: [某某县人民政府办公室]
  issueDate: 2025-01-01
  effective: { from: 2025-01-01, years: 3, phrase: 试行3年 }
  version: 1.0.0

organizations:
  units:
    - { id: county-health-bureau, name: 县卫健局, kind: department }

responsibilities:
  - id: first-duty
    title: 制定实施方案
    lead: [county-health-bureau]
    due: 2025年3月底
    source: { clause: 一、, quote: 在此粘贴原文中的句子 }

timeline:
  phases:
    - { id: start, name: 启动阶段, window: 2025年1—3月 }
`
