import { landingPath } from './landing.ts'
import type { Assessing, SessionUser } from '../schemas/api/responses.schema.ts'

const user = (...roles: string[]): SessionUser => ({
  id: 'u1',
  username: 'u1',
  displayName: '某单位',
  roles,
  regionId: 'r',
  units: { p: ['unit'] },
  mustChangePassword: false,
})
const assessing: Assessing[] = [
  { planId: 'plan 1', planName: '计划', assessmentId: 'a', assessmentName: '考核' },
]

describe('landingPath', () => {
  it('lands leaders and administrators on the dashboard', () => {
    expect(landingPath(user('leader', 'reviewer'), assessing)).toBe('/dashboard')
    expect(landingPath(user('admin'), [])).toBe('/dashboard')
    expect(landingPath(user('region-admin'), [])).toBe('/dashboard')
  })

  it('lands reviewers on their review queue', () => {
    expect(landingPath(user('reviewer', 'department'), [])).toBe('/inbox/review')
  })

  it('lands an assessing unit on its first plan’s assessments', () => {
    expect(landingPath(user('department'), assessing)).toBe('/plans/plan%201/assessments')
  })

  it('lands authors in the editor and other units on their tasks', () => {
    expect(landingPath(user('author'), [])).toBe('/author')
    expect(landingPath(user('department'), [])).toBe('/inbox')
  })
})
