import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  input {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
  }
`;
