/**
 * The page scroll lock a modal holds (src/elements/shared/scroll-lock.ts): the page's
 * scrolling element stops scrolling, the room of its scrollbar is kept so nothing moves, and
 * the page's own inline styles come back exactly. The test browser hides scrollbars (puppeteer's
 * --hide-scrollbars; CDP cannot show them again), so a 17 px scrollbar is reported through
 * `innerWidth`: the test sees that its room is kept; that this keeps the page still was measured
 * with scrollbars shown (a 15 px one: page and fixed elements did not move, LTR and RTL).
 */
import { expect } from '@open-wc/testing';
import { lockPageScroll } from '../../src/elements/shared/scroll-lock';

describe('page scroll lock', () => {
  const root = document.documentElement;
  let page: HTMLElement;
  beforeEach(() => {
    page = document.createElement('div');
    page.style.height = '4000px';
    document.body.append(page);
    Object.defineProperty(window, 'innerWidth', { value: root.clientWidth + 17, configurable: true });
  });
  afterEach(() => {
    delete (window as { innerWidth?: number }).innerWidth;
    page.remove();
    root.removeAttribute('style');
  });

  it("stops the page scrolling, keeps its scrollbar's room, and leaves no trace", () => {
    expect(root.hasAttribute('style')).to.equal(false);
    const release = lockPageScroll();
    expect(getComputedStyle(root).overflowY).to.equal('hidden');
    expect(getComputedStyle(root).overflowX).to.equal('hidden');
    expect(getComputedStyle(root).scrollbarGutter, "the scrollbar's room").to.equal('stable');
    release();
    expect(getComputedStyle(root).scrollbarGutter).to.equal('auto');
    expect(getComputedStyle(root).overflowY).to.equal('visible');
    expect(root.getAttribute('style'), 'no empty style attribute left').to.equal(null);
  });

  it("gives back the page's own values and priorities exactly, and keeps a gutter the page chose", () => {
    root.style.setProperty('overflow-y', 'scroll', 'important');
    root.style.setProperty('scrollbar-gutter', 'stable both-edges');
    root.style.setProperty('color', 'rgb(1, 2, 3)');
    const before = root.getAttribute('style');
    const release = lockPageScroll();
    expect(getComputedStyle(root).overflowY).to.equal('hidden');
    expect(getComputedStyle(root).scrollbarGutter).to.equal('stable both-edges');
    release();
    const values = (name: string) => [root.style.getPropertyValue(name), root.style.getPropertyPriority(name)];
    expect([values('overflow-y'), values('overflow-x'), values('scrollbar-gutter'), values('color')]).to.deep.equal([
      ['scroll', 'important'],
      ['', ''],
      ['stable both-edges', ''],
      ['rgb(1, 2, 3)', ''],
    ]);
    expect(root.getAttribute('style')!.split('; ').sort()).to.deep.equal(before!.split('; ').sort());
  });

  it('nests: the page scrolls again when the last lock is released; releasing twice does nothing', () => {
    const first = lockPageScroll();
    const second = lockPageScroll();
    first();
    first();
    expect(getComputedStyle(root).overflowY, 'still held by the second').to.equal('hidden');
    second();
    expect(getComputedStyle(root).overflowY).to.equal('visible');
    expect(root.hasAttribute('style')).to.equal(false);
  });
});
