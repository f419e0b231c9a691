import { css } from 'lit'

/**
 * On a phone, every control a finger uses is at least 44 px high (the size a fingertip hits
 * without touching its neighbour). Shared by the components staff use on a phone: the header,
 * the inbox, a task's page and what it holds, the notifications.
 */
export const touchTargets = css`
  @media (max-width: 600px) {
    button, select, textarea, input:not([type='checkbox']):not([type='radio']):not([type='file']) { min-height: 44px; box-sizing: border-box; }
    input[type='checkbox'], input[type='radio'] { width: 1.4rem; height: 1.4rem; }
  }
`
