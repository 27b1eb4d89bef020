import { css } from 'lit';

/** Styles for the boxes of state-view.ts (loading, error, empty). */
export const stateStyles = css`
  .kb-state {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: calc(var(--_space) * 0.75);
    padding: calc(var(--_space) * 2);
    color: var(--_text);
  }
  .kb-state p {
    margin: 0;
  }
  .kb-state--loading {
    flex-direction: row;
    align-items: center;
    color: var(--_muted);
  }
  /* Focus rests on it while a retry loads (it is not a control: no ring). */
  .kb-state--loading:focus {
    outline: none;
  }
  .kb-state--error {
    border-inline-start: 4px solid var(--kb-error-color, #c4272d);
    background: var(--_raised);
  }
  .kb-state__title {
    font-weight: 600;
  }
  .kb-state__detail {
    color: var(--_muted);
  }
  .kb-spinner {
    inline-size: 1em;
    block-size: 1em;
    border: 2px solid var(--_border);
    border-block-start-color: var(--_accent);
    border-radius: 50%;
    animation:
      kb-appear 0s 150ms both,
      kb-spin 0.8s linear infinite;
  }
  @keyframes kb-appear {
    from {
      visibility: hidden;
    }
  }
  @keyframes kb-spin {
    to {
      transform: rotate(1turn);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .kb-spinner {
      animation: kb-appear 0s 150ms both;
    }
  }
`;
